/**
 * "of M" costs a whole-table count (about a second per million rows in Chromium, on the one
 * sequence that serves the database), so the paging grid must not pay it in front of its rows
 * nor again for every sort, filter or search: the first block is read before anything is
 * counted, and M is counted once per state of the data.
 */
import 'fake-indexeddb/auto'
import type { IndexableType, Table } from 'dexie'
import type { IGetRowsParams } from 'ag-grid-community'
import type Dexie from 'dexie'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  COUNT_AFTER_PAUSE_MS,
  GridQuerySource
} from '../../../src/renderer/src/grid/query/gridDatasource'
import type { QueryColumn, QueryRow } from '../../../src/renderer/src/grid/query/types'
import { recordedDb, type IdbRequest } from './recordedRequests'

/** What IndexedDB was asked, in order: the table's count (M), a range's count, or a read. */
const asked = (): string[] =>
  requests.map((r) =>
    r.op !== 'count' ? 'read' : r.index === ':id' && r.whole ? 'count table' : 'count range'
  )

let db: Dexie
let requests: IdbRequest[]
let table: Table<QueryRow, IndexableType>

const columns: QueryColumn[] = [
  { colId: 'name', field: 'name', filter: 'text', filterValue: (row) => row['name'] },
  { colId: 'mrr', field: 'mrr', filter: 'number', filterValue: (row) => row['mrr'] }
]

beforeAll(async () => {
  ;({ db, requests } = recordedDb('gridDatasourceCounts', {
    customers: 'uuid, mrr, *_words',
    otherCustomers: 'uuid, mrr, *_words'
  }))
  table = db.table('customers')
  await table.bulkAdd(
    Array.from({ length: 500 }, (_, i) => ({
      uuid: `cus_${String(i).padStart(4, '0')}`,
      name: `Customer ${i}`,
      mrr: (i * 37) % 101,
      _words: ['customer', String(i)]
    }))
  )
})

afterAll(() => db.delete())

interface Counts {
  shown: number | null
  total: number
}

function makeSource(materialiseLimit?: number): { source: GridQuerySource; counts: Counts[] } {
  const counts: Counts[] = []
  const source = new GridQuerySource({
    setup: () => ({ table, idField: 'uuid', columns, materialiseLimit }),
    onCounts: (shown, total) => counts.push({ shown, total })
  })
  return { source, counts }
}

/** One block, as AG Grid's infinite model asks for it. */
function block(
  source: GridQuerySource,
  sortModel: IGetRowsParams['sortModel'] = [],
  filterModel: unknown = {}
): Promise<QueryRow[]> {
  return new Promise((resolve, reject) => {
    // The grid API is not used by the datasource; the rest is what AG Grid passes.
    const params: Omit<IGetRowsParams, 'api'> = {
      startRow: 0,
      endRow: 100,
      sortModel,
      filterModel,
      successCallback: (rows) => resolve(rows as QueryRow[]),
      failCallback: () => reject(new Error('block failed')),
      context: undefined
    }
    source.getRows(params as IGetRowsParams)
  })
}

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !done(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  expect(done()).toBe(true)
}

async function settled(counts: Counts[], length: number): Promise<void> {
  for (let i = 0; i < 200 && counts.length < length; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

test('the first block is read before anything is counted', async () => {
  requests.length = 0
  const { source, counts } = makeSource()
  const rows = await block(source)
  expect(rows).toHaveLength(100)
  await settled(counts, 2)
  expect(asked()[0]).toBe('read')
  expect(asked()).toContain('count table')
  expect(counts.at(-1)).toEqual({ shown: 500, total: 500 })
})

test('M is counted once across sorts and filters, and again after the data changed', async () => {
  const { source, counts } = makeSource()
  await block(source)
  await settled(counts, 2)
  requests.length = 0
  await block(source, [{ colId: 'mrr', sort: 'desc' }])
  await block(source, [{ colId: 'name', sort: 'asc' }], {
    mrr: { filterType: 'number', type: 'lessThan', filter: 50 }
  })
  await settled(counts, 6)
  // The filtered count may need its own reads, but never the table's count again.
  expect(asked()).not.toContain('count table')
  expect(counts.at(-1)?.total).toBe(500)

  await table.put({ uuid: 'cus_9999', name: 'New', mrr: 1 })
  source.invalidate()
  requests.length = 0
  await block(source)
  await settled(counts, counts.length + 2)
  expect(asked()).toContain('count table')
  expect(counts.at(-1)).toEqual({ shown: 501, total: 501 })
})

test('a quick search replaced before the user pauses is never counted', async () => {
  // Sources past 10 rows are walked, so a search's count is real work (an index count, reads).
  const { source, counts } = makeSource(10)
  const all = await table.count()
  await block(source)
  await until(() => counts.at(-1)?.shown === all)
  requests.length = 0
  // Typed "1", then "12" straight after the first rows: only "12" is counted.
  source.setQuickSearch('1')
  await block(source)
  source.setQuickSearch('12')
  await block(source)
  const expected = (await table.toArray()).filter((row) =>
    String(row['name']).includes(' 12')
  ).length
  await until(() => counts.at(-1)?.shown === expected)
  expect(asked().filter((op) => op === 'count range')).toEqual(['count range'])
  expect(counts.at(-1)).toEqual({ shown: expected, total: all })
})

test('a sort or filter change is counted without waiting, and a sort alone reuses N', async () => {
  const { source, counts } = makeSource(10)
  const all = await table.count()
  await block(source)
  await until(() => counts.at(-1)?.shown === all)
  const lessThan50 = { mrr: { filterType: 'number', type: 'lessThan', filter: 50 } }
  const expected = (await table.toArray()).filter((row) => (row['mrr'] as number) < 50).length
  await block(source, [], lessThan50)
  const started = Date.now()
  await until(() => counts.at(-1)?.shown === expected)
  expect(Date.now() - started).toBeLessThan(COUNT_AFTER_PAUSE_MS)
  requests.length = 0
  await block(source, [{ colId: 'name', sort: 'desc' }], lessThan50)
  await until(() => counts.at(-1)?.shown === expected)
  expect(asked().filter((op) => op.startsWith('count'))).toEqual([])
})

test("N and M kept for later queries are never another table's (a switched workspace)", async () => {
  const other = db.table<QueryRow, IndexableType>('otherCustomers')
  await other.bulkAdd(
    Array.from({ length: 40 }, (_, i) => ({
      uuid: `o_${i}`,
      name: `Other ${i}`,
      mrr: i,
      _words: []
    }))
  )
  let current = table
  const counts: Counts[] = []
  const source = new GridQuerySource({
    setup: () => ({ table: current, idField: 'uuid', columns }),
    onCounts: (shown, total) => counts.push({ shown, total })
  })
  const lessThan50 = { mrr: { filterType: 'number', type: 'lessThan', filter: 50 } }
  const here = (await table.toArray()).filter((row) => (row['mrr'] as number) < 50).length
  await block(source, [], lessThan50)
  await until(() => counts.at(-1)?.shown === here)
  // M of the first table is known now; the unfiltered query on the other must not show it.
  await block(source)
  await until(() => counts.at(-1)?.shown === counts.at(-1)?.total)
  current = other
  await block(source, [{ colId: 'mrr', sort: 'desc' }])
  await until(() => counts.at(-1)?.total === 40)
  expect(counts.at(-1)).toEqual({ shown: 40, total: 40 })
  await block(source, [{ colId: 'name', sort: 'asc' }], lessThan50)
  await until(() => counts.at(-1)?.total === 40)
  expect(counts.at(-1)).toEqual({ shown: 40, total: 40 })
})
