/** A grid's "N of M" is announced after the user's own search or filter change, debounced. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { GridState } from 'ag-grid-community'
import { RowCountAnnouncer } from '../../../src/renderer/src/sections/data/rowCountAnnouncer'

beforeEach(() => void vi.useFakeTimers())
afterEach(() => void vi.useRealTimers())

function announcer() {
  let count = '480 of 480 customers'
  const heard: string[] = []
  const it = new RowCountAnnouncer(
    () => count,
    (text) => heard.push(text),
    1_000
  )
  return { it, heard, setCount: (next: string) => (count = next) }
}

test('typing announces the count once, after the user pauses, as it reads then', () => {
  const { it, heard, setCount } = announcer()
  it.userChanged()
  vi.advanceTimersByTime(500)
  it.userChanged()
  setCount('12 of 480 customers')
  vi.advanceTimersByTime(999)
  expect(heard).toEqual([])
  vi.advanceTimersByTime(1)
  expect(heard).toEqual(['12 of 480 customers'])
})

test('grid state changes count only when the filters changed, not the first state', () => {
  const { it, heard } = announcer()
  const plain: GridState = { sort: { sortModel: [] } }
  const filtered: GridState = { filter: { filterModel: { country: { filter: 'DE' } } } }
  it.gridStateChanged(plain)
  vi.advanceTimersByTime(5_000)
  it.gridStateChanged({ sort: { sortModel: [{ colId: 'name', sort: 'asc' }] } })
  vi.advanceTimersByTime(5_000)
  expect(heard).toEqual([])
  it.gridStateChanged(filtered)
  vi.advanceTimersByTime(1_000)
  expect(heard).toEqual(['480 of 480 customers'])
})

test('nothing is announced after dispose', () => {
  const { it, heard } = announcer()
  it.userChanged()
  it.dispose()
  vi.advanceTimersByTime(5_000)
  expect(heard).toEqual([])
})
