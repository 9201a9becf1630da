/**
 * countRows: a table's row count from its aggregate buckets (milliseconds at any size) equals
 * IndexedDB's own count through inserts, rewrites and deletes; a table without aggregates is
 * counted by IndexedDB.
 */
import 'fake-indexeddb/auto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { openWorkspaceCache, type WorkspaceCache } from '../../../src/renderer/src/cache'
import { countRows } from '../../../src/renderer/src/cache/aggregates'
import { uniqueWorkspaceId } from '../sync/support/cache'

let cache: WorkspaceCache
beforeAll(async () => {
  cache = await openWorkspaceCache(uniqueWorkspaceId('count-rows'))
})
afterAll(() => cache.close())

const customer = (i: number, status: string) => ({
  uuid: `cus_${i}`,
  name: `Customer ${i}`,
  status,
  currency: i % 2 ? 'USD' : 'EUR',
  mrrCents: i * 100,
  _gen: 1
})

test('customers: equal to the table count after inserts, rewrites and deletes', async () => {
  const table = cache.customers
  expect(await countRows(table)).toBe(0)
  await table.bulkPut(Array.from({ length: 250 }, (_, i) => customer(i, 'Active')) as never)
  expect(await countRows(table)).toBe(250)
  await table.bulkPut(Array.from({ length: 100 }, (_, i) => customer(i, 'Cancelled')) as never)
  expect(await countRows(table)).toBe(250)
  await table.bulkDelete(Array.from({ length: 40 }, (_, i) => `cus_${i * 3}`))
  expect(await countRows(table)).toBe(await table.count())
  expect(await countRows(table)).toBe(210)
})

test('a table without aggregates: its IndexedDB count', async () => {
  await cache.plans.bulkPut([{ uuid: 'pl_1', name: 'Pro', _gen: 1 }] as never)
  expect(await countRows(cache.plans)).toBe(1)
})
