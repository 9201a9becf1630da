/**
 * Streaming exports read a query's rows in grid order a chunk at a time: the chunks, joined,
 * are the whole filtered and sorted result, and none is larger than asked.
 */
import 'fake-indexeddb/auto'
import { expect, test } from 'vitest'
import { openWorkspaceCache } from '../../../src/renderer/src/cache'
import { readQueryChunks } from '../../../src/renderer/src/grid/query/chunks'
import { queryColumnsOf } from '../../../src/renderer/src/grid/query/queryColumns'
import { stampWords } from '../../../src/renderer/src/grid/query/tokens'
import { GRID_COLUMNS } from '../../../src/renderer/src/sections/data/columns'
import { uniqueWorkspaceId } from '../sync/support/cache'
import { bruteSearch, bruteSort, makeRows } from './support'

test('chunks of a sorted, filtered, searched query join into the brute-force result', async () => {
  const rows = makeRows(2_000, 7)
  const cache = await openWorkspaceCache(uniqueWorkspaceId('query-chunks'))
  await cache.customers.bulkPut(
    stampWords(
      'customers',
      rows.map((r) => ({ ...r }))
    ) as never
  )
  const query = {
    sort: [{ colId: 'mrrCents', dir: 'desc' as const }],
    filters: { mrrCents: { filterType: 'number', type: 'greaterThan', filter: 10 } },
    quickSearch: 'a'
  }
  const expected = bruteSort(
    rows.filter(
      (r) => typeof r.mrrCents === 'number' && r.mrrCents / 100 > 10 && bruteSearch(r, 'a')
    ),
    [{ field: 'mrrCents', dir: 'desc' }]
  ).map((r) => r.uuid)
  expect(expected.length).toBeGreaterThan(300)

  const sizes: number[] = []
  const ids: string[] = []
  const columns = queryColumnsOf(GRID_COLUMNS.customers)
  for await (const chunk of readQueryChunks(cache, 'customers', query, 128, columns)) {
    sizes.push(chunk.length)
    ids.push(...chunk.map((row) => row.uuid as string))
  }
  expect(ids).toEqual(expected)
  expect(Math.max(...sizes)).toBeLessThanOrEqual(128)
  cache.close()
}, 60_000)
