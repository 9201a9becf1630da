/**
 * A number filter on the sort column itself bounds the index walk to the filter's range (so
 * "MRR below 1,000, highest first" starts inside the range): every page, the count and a jump
 * still equal brute force, both directions, with blanks and ties at the range's ends.
 */
import 'fake-indexeddb/auto'
import type { IndexableType, Table } from 'dexie'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openWorkspaceCache, type WorkspaceCache } from '../../../src/renderer/src/cache'
import { PreparedQuery } from '../../../src/renderer/src/grid/query/preparedQuery'
import { queryColumnsOf } from '../../../src/renderer/src/grid/query/queryColumns'
import type { ColumnFilter, QueryRow } from '../../../src/renderer/src/grid/query/types'
import { GRID_COLUMNS } from '../../../src/renderer/src/sections/data/columns'
import { uniqueWorkspaceId } from '../sync/support/cache'
import { bruteSort, makeRows, type Row } from './support'

const rows = makeRows(3_000, 7)
const columns = queryColumnsOf(GRID_COLUMNS.customers)
let cache: WorkspaceCache

beforeAll(async () => {
  cache = await openWorkspaceCache(uniqueWorkspaceId('range-walk'))
  await cache.customers.bulkPut(rows.map((row) => ({ ...row })) as never)
})
afterAll(() => cache.close())

const mrr = (row: Row): number | null =>
  typeof row.mrrCents === 'number' ? row.mrrCents / 100 : null

const FILTERS: [string, ColumnFilter, (v: number) => boolean][] = [
  ['below 100', { filterType: 'number', type: 'lessThan', filter: 100 }, (v) => v < 100],
  ['above 250.5', { filterType: 'number', type: 'greaterThan', filter: 250.5 }, (v) => v > 250.5],
  [
    '0 to 120.5',
    { filterType: 'number', type: 'inRange', filter: 0, filterTo: 120.5 },
    (v) => v >= 0 && v <= 120.5
  ],
  ['equal to 0', { filterType: 'number', type: 'equals', filter: 0 }, (v) => v === 0]
]

describe.each(['asc', 'desc'] as const)('MRR sorted %s', (dir) => {
  test.each(FILTERS)(
    'and filtered %s: pages, count and a jump equal brute force',
    async (_, filter, keep) => {
      const query = {
        sort: [{ colId: 'mrrCents', dir }],
        filters: { mrrCents: filter },
        quickSearch: ''
      }
      const expected = bruteSort(
        rows.filter((row) => mrr(row) !== null && keep(mrr(row)!)),
        [{ field: 'mrrCents', dir }]
      ).map((row) => row.uuid)
      expect(expected.length).toBeGreaterThan(100)
      // A low materialise limit: the index walk, not the in-memory sort.
      const prepared = () =>
        new PreparedQuery(
          {
            table: cache.customers as unknown as Table<QueryRow, IndexableType>,
            idField: 'uuid',
            columns,
            materialiseLimit: 50
          },
          query
        )
      const paged = prepared()
      const ids: string[] = []
      for (let start = 0; ; start += 97) {
        const page = await paged.rows(start, start + 97)
        ids.push(...page.map((row) => row.uuid as string))
        if (page.length < 97) break
      }
      expect(ids).toEqual(expected)
      expect(await paged.count()).toBe(expected.length)
      const middle = Math.floor(expected.length / 2)
      const jump = await prepared().rows(middle, middle + 40)
      expect(jump.map((row) => row.uuid)).toEqual(expected.slice(middle, middle + 40))
    }
  )
})
