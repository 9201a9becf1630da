/** A stored grid state reaches AG Grid only when every kept part has the shape AG Grid expects. */
import { expect, it } from 'vitest'
import { loadGridState, parseGridState } from '../../../src/renderer/src/grid/gridState'

it('keeps a well-formed state, dropping what a view does not keep', () => {
  const state = {
    version: '36.2.0',
    sort: { sortModel: [{ colId: 'mrrCents', sort: 'desc' }] },
    filter: { filterModel: { status: { filterType: 'text', type: 'contains', filter: 'x' } } },
    columnPinning: { leftColIds: ['name'], rightColIds: [] },
    scroll: { top: 10, left: 0 }
  }
  const { scroll: _scroll, ...kept } = state
  expect(parseGridState(state)).toEqual(kept)
})

it('refuses a state with any malformed kept part', () => {
  const malformed: unknown[] = [
    null,
    'sorted',
    [],
    { sort: { sortModel: [{ colId: 'mrrCents', sort: 'sideways' }] } },
    { sort: { sortModel: 'mrrCents' } },
    { columnOrder: { orderedColIds: [1, 2] } },
    { columnVisibility: {} },
    { columnSizing: { columnSizingModel: [{ width: 100 }] } },
    { filter: { filterModel: { status: 'past due' } } },
    { version: 36 }
  ]
  for (const value of malformed)
    expect(parseGridState(value), JSON.stringify(value)).toBeUndefined()
})

it('ignores a malformed working layout in storage', () => {
  const storage = {
    getItem: () => JSON.stringify({ sort: { sortModel: [{ sort: 'desc' }] } }),
    setItem: () => {},
    removeItem: () => {}
  }
  expect(loadGridState(storage, 'k')).toBeUndefined()
})
