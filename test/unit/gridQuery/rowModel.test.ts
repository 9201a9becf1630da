/** One threshold picks how a grid holds its rows: all in memory, or pages through the cache. */
import { expect, test } from 'vitest'
import { chooseRowModel, INFINITE_FROM_ROWS } from '../../../src/renderer/src/grid/query/rowModel'

test('tables below the threshold keep the client-side model, from it on they page', () => {
  expect(INFINITE_FROM_ROWS).toBe(50_000)
  expect(chooseRowModel(0)).toBe('clientSide')
  expect(chooseRowModel(49_999)).toBe('clientSide')
  expect(chooseRowModel(50_000)).toBe('infinite')
  expect(chooseRowModel(1_000_000)).toBe('infinite')
})

test('the threshold can be given (a test of the large path on a small table)', () => {
  expect(chooseRowModel(300, 100)).toBe('infinite')
  expect(chooseRowModel(99, 100)).toBe('clientSide')
})
