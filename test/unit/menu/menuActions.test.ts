/**
 * The page's side of the application menu: each menu command runs the command palette's own
 * command (the same action as the button), or nothing when that action is not possible now.
 */
import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../../../src/shared/bridge/contract'
import {
  runMenuCommand,
  type MenuActionsDeps
} from '../../../src/renderer/src/commands/menuActions'
import type { Command } from '../../../src/renderer/src/commands/types'

function setup(ids: readonly string[], modalOpen = false) {
  const ran: string[] = []
  const steps: string[] = []
  const available: Command[] = ids.map((id) => ({
    id,
    title: id,
    group: 'actions',
    run: () => {
      ran.push(id)
      steps.push(`run ${id}`)
    }
  }))
  const deps: MenuActionsDeps = {
    commands: () => available,
    isModalOpen: () => modalOpen,
    rendered: async () => void steps.push('rendered'),
    focusAddWorkspaceForm: () => void steps.push('focus add-workspace form')
  }
  return { ran, steps, run: (message: MenuCommand) => runMenuCommand(message, deps) }
}

const ALL = ['newOpportunity', 'grid.exportCsv', 'goto:outbox', 'goto:settings', 'goto:customers']

describe('runMenuCommand', () => {
  it('runs the palette command each menu command stands for', async () => {
    const { ran, run } = setup(ALL)
    await run({ command: 'new-opportunity' })
    await run({ command: 'export-csv' })
    await run({ command: 'go-to-section', section: 'outbox' })
    await run({ command: 'open-settings' })
    expect(ran).toEqual(['newOpportunity', 'grid.exportCsv', 'goto:outbox', 'goto:settings'])
  })

  it('add workspace: goes to Settings, waits for it to show, then focuses the form', async () => {
    const { steps, run } = setup(ALL)
    await run({ command: 'add-workspace' })
    expect(steps).toEqual(['run goto:settings', 'rendered', 'focus add-workspace form'])
  })

  it('does nothing when the action is not possible now', async () => {
    // No workspace (no "New opportunity"), no grid shown (no export), a Monaco workspace (no Plans).
    const { steps, run } = setup(['goto:accounts', 'goto:settings'])
    await run({ command: 'new-opportunity' })
    await run({ command: 'export-csv' })
    await run({ command: 'go-to-section', section: 'plans' })
    expect(steps).toEqual([])
  })

  it('does nothing while a dialog is open, like the keyboard shortcuts', async () => {
    const { steps, run } = setup(ALL, true)
    await run({ command: 'go-to-section', section: 'outbox' })
    await run({ command: 'add-workspace' })
    expect(steps).toEqual([])
  })
})
