/**
 * A command the palette can run. Components register the commands they make possible (the
 * Opportunities grid: "Move stage…"; any grid: "Export CSV") for as long as they are mounted.
 */
import type { ShortcutId } from './shortcuts'

export type CommandGroup = 'actions' | 'goto'

export interface CommandChoice {
  value: string
  label: string
  /** A second line, e.g. an owner's email. */
  detail?: string
}

/** The palette's second step, for commands whose title ends in "…". */
export type CommandStep =
  | {
      kind: 'choose'
      /** The input's accessible name in that step ("Stage"). */
      label: string
      choices: () => Promise<CommandChoice[]>
      apply: (value: string) => void | Promise<void>
    }
  | {
      kind: 'date'
      label: string
      apply: (isoDate: string) => void | Promise<void>
    }

export interface Command {
  /** Unique among registered commands; a later registration of the same id replaces it. */
  id: string
  title: string
  group: CommandGroup
  /** More words it is found by ("stage" for "Move stage…"). */
  keywords?: readonly string[]
  /** Its shortcut, shown beside it. */
  shortcut?: ShortcutId
  /** What it applies to, shown beside it ("2 selected opportunities"). */
  detail?: string
  run?: () => void | Promise<void>
  step?: CommandStep
}
