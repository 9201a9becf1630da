/** What the app and a grid register: go-to per section, sync now, export, new deal for a parent. */
import { describe, expect, it, vi } from 'vitest'
import { appCommands } from '../../../src/renderer/src/commands/appCommands'
import { gridCommands, namedRow } from '../../../src/renderer/src/commands/gridCommands'
import { PROVIDER_CAPABILITIES } from '../../../src/shared/providers/capabilities'

const noop = () => {}

describe('appCommands', () => {
  it('goes to each of the provider’s sections, with its shortcut, and syncs like the status bar', () => {
    const goTo = vi.fn()
    const syncNow = vi.fn()
    const list = appCommands({
      sections: PROVIDER_CAPABILITIES.monaco.sections,
      hasWorkspace: true,
      parent: null,
      goTo,
      newOpportunity: noop,
      syncNow,
      showShortcuts: noop
    })
    const goTos = list.filter((c) => c.group === 'goto')
    expect(goTos.map((c) => c.title)).toEqual([
      'Go to Accounts',
      'Go to Contacts',
      'Go to Opportunities',
      'Go to Dashboard',
      'Go to Outbox',
      'Go to Settings'
    ])
    expect(goTos[4]!.shortcut).toBe('goto:outbox')
    void goTos[4]!.run?.()
    expect(goTo).toHaveBeenCalledWith('outbox')
    void list.find((c) => c.title === 'Sync now')!.run?.()
    expect(syncNow).toHaveBeenCalledOnce()
  })

  it('creates a deal for the open panel’s record, and offers no workspace actions without one', () => {
    const newOpportunity = vi.fn()
    const input = {
      sections: PROVIDER_CAPABILITIES.chartmogul.sections,
      hasWorkspace: true,
      parent: { id: 'cus_1', name: 'Acme' },
      goTo: noop,
      newOpportunity,
      syncNow: noop,
      showShortcuts: noop
    }
    const create = appCommands(input).find((c) => c.shortcut === 'newOpportunity')!
    expect(create.title).toBe('New opportunity for Acme')
    void create.run?.()
    expect(newOpportunity).toHaveBeenCalledWith('cus_1')
    const titles = appCommands({ ...input, hasWorkspace: false }).map((c) => c.title)
    expect(titles).not.toContain('Sync now')
    expect(titles.some((t) => t.startsWith('New opportunity'))).toBe(false)
  })
})

describe('gridCommands', () => {
  const base = {
    noun: 'customers',
    canExport: true,
    exportCsv: noop,
    focusSearch: noop,
    parent: null,
    newOpportunity: noop
  }
  it('offers search always, export only with rows shown, a new deal only for a parent row', () => {
    expect(gridCommands(base).map((c) => c.title)).toEqual(['Search customers', 'Export CSV'])
    expect(gridCommands({ ...base, canExport: false }).map((c) => c.title)).toEqual([
      'Search customers'
    ])
    const parent = namedRow({ uuid: 'cus_9', name: 'Globex' }, (row) => row.uuid)
    expect(gridCommands({ ...base, parent }).map((c) => c.title)).toContain(
      'New opportunity for Globex'
    )
    expect(namedRow(undefined, () => '')).toBeNull()
  })
})
