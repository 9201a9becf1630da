/** When the grid still shows a saved view, and how the menu names views. */
import type { GridState } from 'ag-grid-community'
import { describe, expect, it } from 'vitest'
import { sameView, viewItemLabel } from '../../../src/renderer/src/sections/data/viewsMenuModel'

const view: GridState = {
  version: '36.2.0',
  columnOrder: { orderedColIds: ['name', 'status', 'mrrCents'] },
  columnSizing: { columnSizingModel: [{ colId: 'name', flex: 1, width: 200 }] },
  columnVisibility: { hiddenColIds: ['email', 'company'] },
  sort: { sortModel: [{ colId: 'mrrCents', sort: 'desc' }] },
  filter: {
    filterModel: { status: { filterType: 'text', type: 'contains', filter: 'past due' } }
  }
}

describe('sameView', () => {
  it('ignores widths, the version and the order keys and hidden columns are listed in', () => {
    const resized: GridState = {
      ...view,
      version: '36.3.0',
      columnSizing: { columnSizingModel: [{ colId: 'name', flex: 1, width: 340 }] },
      columnVisibility: { hiddenColIds: ['company', 'email'] },
      filter: {
        filterModel: { status: { filter: 'past due', type: 'contains', filterType: 'text' } }
      }
    }
    expect(sameView(view, resized)).toBe(true)
  })

  it('sees a different sort, filter, column order, visibility or pinning', () => {
    const changes: GridState[] = [
      { ...view, sort: { sortModel: [{ colId: 'mrrCents', sort: 'asc' }] } },
      { ...view, sort: undefined },
      { ...view, filter: undefined },
      {
        ...view,
        filter: { filterModel: { status: { filterType: 'text', type: 'contains', filter: 'act' } } }
      },
      { ...view, columnOrder: { orderedColIds: ['status', 'name', 'mrrCents'] } },
      { ...view, columnVisibility: { hiddenColIds: ['email'] } },
      { ...view, columnPinning: { leftColIds: ['name'], rightColIds: [] } }
    ]
    for (const changed of changes) expect(sameView(view, changed)).toBe(false)
  })
})

describe('viewItemLabel', () => {
  it('marks the default in words', () => {
    expect(viewItemLabel({ name: 'Past due', isDefault: true })).toBe('Past due (default)')
    expect(viewItemLabel({ name: 'Past due', isDefault: false })).toBe('Past due')
  })
})
