import type { GridState } from 'ag-grid-community'
import { describe, expect, it } from 'vitest'
import {
  clearGridState,
  gridStateKey,
  loadGridState,
  persistableState,
  saveGridState,
  type StateStorage
} from '../../../src/renderer/src/grid/gridState'

function memoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k)
  }
}

const full: GridState = {
  version: '36.2.0',
  columnOrder: { orderedColIds: ['email', 'name'] },
  columnSizing: { columnSizingModel: [{ colId: 'name', width: 220 }] },
  columnVisibility: { hiddenColIds: ['company'] },
  sort: { sortModel: [{ colId: 'mrrCents', sort: 'desc' }] },
  filter: { filterModel: { mrrCents: { filterType: 'number', type: 'greaterThan', filter: 100 } } },
  scroll: { top: 400, left: 0 },
  focusedCell: { colId: 'name', rowIndex: 3, rowPinned: null },
  rowSelection: ['a']
}

describe('grid state', () => {
  it('is keyed per workspace and grid', () => {
    expect(gridStateKey('demo', 'customers')).toBe('revdesk.grid.demo.customers')
    expect(gridStateKey('ws-1', 'customers')).not.toBe(gridStateKey('ws-2', 'customers'))
  })

  it('keeps layout, sort and filters; drops scroll, focus and selection', () => {
    const kept = persistableState(full)
    expect(Object.keys(kept).sort()).toEqual(
      ['columnOrder', 'columnSizing', 'columnVisibility', 'filter', 'sort', 'version'].sort()
    )
    expect(kept.sort).toEqual(full.sort)
  })

  it('round-trips through storage', () => {
    const storage = memoryStorage()
    const key = gridStateKey('demo', 'customers')
    expect(loadGridState(storage, key)).toBeUndefined()
    saveGridState(storage, key, full)
    expect(loadGridState(storage, key)).toEqual(persistableState(full))
    clearGridState(storage, key)
    expect(loadGridState(storage, key)).toBeUndefined()
  })

  it('ignores unreadable entries and failing storage', () => {
    const storage = memoryStorage()
    storage.data.set('k', '{not json')
    expect(loadGridState(storage, 'k')).toBeUndefined()
    storage.data.set('k', '[1,2]')
    expect(loadGridState(storage, 'k')).toBeUndefined()
    const broken: StateStorage = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('quota')
      },
      removeItem: () => {
        throw new Error('denied')
      }
    }
    expect(loadGridState(broken, 'k')).toBeUndefined()
    expect(() => saveGridState(broken, 'k', full)).not.toThrow()
    expect(() => clearGridState(broken, 'k')).not.toThrow()
  })
})
