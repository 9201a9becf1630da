/**
 * The page's side of the application menu (`src/main/menu/`). A menu item runs the command
 * palette's own command, so it does exactly what the matching button, shortcut or palette entry
 * does; when that command is not registered (no workspace, no grid shown, a section the
 * provider lacks) the item does nothing.
 */
import type { MenuCommand } from '../../../shared/bridge/contract'
import type { Command } from './types'

export interface MenuActionsDeps {
  /** The commands available now: the palette's registry. */
  commands: () => readonly Command[]
  /** A dialog has the user's attention (the keyboard shortcuts wait too). */
  isModalOpen: () => boolean
  /** Resolves once the page shows the result of the command just run. */
  rendered: () => Promise<void>
  focusAddWorkspaceForm: () => void
}

const PALETTE_COMMAND: Readonly<Record<Exclude<MenuCommand['command'], 'go-to-section'>, string>> =
  {
    'new-opportunity': 'newOpportunity',
    'export-csv': 'grid.exportCsv',
    'open-settings': 'goto:settings',
    about: 'about',
    // The form to add a workspace is in Settings.
    'add-workspace': 'goto:settings'
  }

export async function runMenuCommand(message: MenuCommand, deps: MenuActionsDeps): Promise<void> {
  // A menu accelerator works even under a modal dialog; acting behind it would lose the user.
  if (deps.isModalOpen()) return
  const id =
    message.command === 'go-to-section'
      ? `goto:${message.section}`
      : PALETTE_COMMAND[message.command]
  const command = deps.commands().find((candidate) => candidate.id === id)
  if (!command?.run) return
  await command.run()
  if (message.command === 'add-workspace') {
    await deps.rendered()
    deps.focusAddWorkspaceForm()
  }
}

/** Is a dialog open? The same test the one-key shortcuts use. */
export function modalOpenIn(root: ParentNode): boolean {
  return root.querySelector('dialog[open], [aria-modal="true"]') !== null
}

/**
 * Puts focus on the first field of Settings' "Add a workspace" form: its provider choice (the
 * chosen radio button, as Tab would reach it) in today's form.
 */
export function focusAddWorkspaceForm(root: ParentNode): void {
  const form = root.querySelector<HTMLFormElement>('form[aria-label="Add a workspace"]')
  if (!form) return
  const fields = [...form.elements].filter(
    (element): element is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
      (element instanceof HTMLInputElement && element.type !== 'hidden') ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement
  )
  const first = fields.find((field) => !field.disabled)
  if (!first) return
  const target =
    first instanceof HTMLInputElement && first.type === 'radio'
      ? (fields.find(
          (field) => field instanceof HTMLInputElement && field.name === first.name && field.checked
        ) ?? first)
      : first
  target.focus()
}
