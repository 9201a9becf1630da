/**
 * The commands available right now: each mounted component registers its own and removes them
 * when it goes away. The palette reads the list when it opens.
 */
import type { Command } from './types'

export type CommandSource = () => readonly Command[]

export class CommandRegistry {
  // Ordered by registration; a Set keeps the order and lets one registration be removed.
  private readonly sources = new Set<{ read: CommandSource }>()

  /**
   * Adds commands (a list, or a function read each time the palette opens, for commands that
   * depend on the current selection). Returns the unregistration.
   */
  register(commands: readonly Command[] | CommandSource): () => void {
    const entry = { read: typeof commands === 'function' ? commands : () => commands }
    this.sources.add(entry)
    return () => {
      this.sources.delete(entry)
    }
  }

  /** Every registered command, the latest registration winning for a repeated id. */
  list(): Command[] {
    const byId = new Map<string, Command>()
    for (const source of this.sources) {
      for (const command of source.read()) {
        byId.delete(command.id)
        byId.set(command.id, command)
      }
    }
    return [...byId.values()]
  }
}

/** The app's one registry. */
export const commands = new CommandRegistry()
