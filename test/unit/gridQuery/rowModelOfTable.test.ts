/**
 * Picking the row model must not count the table: Chromium counts a million rows in about a
 * second, and the grid cannot paint before the model is known. Only "at least the threshold
 * rows?" matters, answered by reading no more than the threshold's worth of primary keys.
 */
import 'fake-indexeddb/auto'
import type Dexie from 'dexie'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { rowModelOfTable } from '../../../src/renderer/src/grid/query/rowModel'
import { recordedDb, type IdbRequest } from './recordedRequests'

interface Row {
  id: number
}

let db: Dexie
let requests: IdbRequest[]

beforeAll(async () => {
  ;({ db, requests } = recordedDb('rowModelOfTable', { small: 'id', large: 'id' }))
  await db.table<Row, number>('small').bulkAdd(Array.from({ length: 99 }, (_, id) => ({ id })))
  await db.table<Row, number>('large').bulkAdd(Array.from({ length: 1_000 }, (_, id) => ({ id })))
})

afterAll(() => db.delete())

test('a table below the threshold keeps the client-side model, one at it pages', async () => {
  expect(await rowModelOfTable(db.table('small'), 100)).toBe('clientSide')
  expect(await rowModelOfTable(db.table('large'), 100)).toBe('infinite')
  expect(await rowModelOfTable(db.table('large'), 1_000)).toBe('infinite')
  expect(await rowModelOfTable(db.table('large'), 1_001)).toBe('clientSide')
})

test('the choice reads at most the threshold of keys and never counts the table', async () => {
  requests.length = 0
  await rowModelOfTable(db.table('large'), 100)
  expect(requests.filter((r) => r.op === 'count')).toEqual([])
  const reads = requests.filter((r) => r.op === 'query')
  expect(reads.length).toBeGreaterThan(0)
  for (const read of reads) expect(read.limit).toBeLessThanOrEqual(100)
})
