/**
 * A cache written by the previous version (schema v5, rows but no aggregates) opens as v6 with
 * its aggregates built from the rows, and the dashboard reads the figures it showed before.
 */
import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { expect, test } from 'vitest'
import {
  CACHE_SCHEMA_VERSION,
  SCHEMA_V5,
  cacheDatabaseName,
  openWorkspaceCache
} from '../../../src/renderer/src/cache'
import { readStoredAggregates } from '../../../src/renderer/src/cache/aggregates'
import { uniqueWorkspaceId } from '../sync/support/cache'
import { seededRandom } from '../sync/support/random'
import { activity, customer, expectAggregatesMatchRows, opportunity } from './support'

test('a v5 cache with rows opens as v6 with aggregates equal to a rebuild', async () => {
  const id = uniqueWorkspaceId('aggregates-upgrade')
  const random = seededRandom(42)
  const v5 = new Dexie(cacheDatabaseName(id))
  v5.version(5).stores(SCHEMA_V5)
  await v5.open()
  const rows = (make: typeof customer, prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({ ...make(random, `${prefix}_${i}`), _gen: 1 }))
  await v5.table('customers').bulkPut(rows(customer, 'cus', 40))
  await v5.table('activities').bulkPut(rows(activity, 'act', 120))
  await v5.table('opportunities').bulkPut(rows(opportunity, 'opp', 30))
  v5.close()

  const db = await openWorkspaceCache(id)
  expect(db.verno).toBe(CACHE_SCHEMA_VERSION)
  const stored = await readStoredAggregates(db)
  expect(stored.aggCustomers.reduce((sum, b) => sum + b.count, 0)).toBe(40)
  expect(stored.aggMovements.reduce((sum, b) => sum + b.count, 0)).toBe(120)
  expect(stored.aggDeals.reduce((sum, b) => sum + b.count, 0)).toBe(30)
  await expectAggregatesMatchRows(db, 'after the upgrade')
  db.close()
})
