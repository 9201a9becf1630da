/** Chunked writes inside one transaction: all chunks commit together, or none does. */
import 'fake-indexeddb/auto'
import { expect, test } from 'vitest'
import { openWorkspaceCache, putInChunks } from '../../../src/renderer/src/cache'
import type { CachedPlan } from '../../../src/renderer/src/cache'
import { uniqueWorkspaceId } from '../sync/support/cache'

const plan = (i: number): CachedPlan => ({
  uuid: `pl_${String(i).padStart(5, '0')}`,
  dataSourceUuid: 'ds_1',
  name: `Plan ${i}`,
  intervalCount: 1,
  intervalUnit: 'month',
  externalId: null,
  _gen: 1
})

test('all chunks land in one transaction', async () => {
  const db = await openWorkspaceCache(uniqueWorkspaceId('bulk'))
  const rows = Array.from({ length: 1_234 }, (_, i) => plan(i))
  await db.transaction('rw', db.plans, () => putInChunks(db.plans, rows, 100))
  expect(await db.plans.count()).toBe(1_234)
  db.close()
})

test('a failure in a late chunk rolls back the earlier ones', async () => {
  const db = await openWorkspaceCache(uniqueWorkspaceId('bulk-rollback'))
  const rows = Array.from({ length: 500 }, (_, i) => plan(i))
  // No primary key: IndexedDB rejects the fourth chunk.
  rows[350] = { ...plan(350), uuid: undefined as unknown as string }
  await expect(
    db.transaction('rw', db.plans, () => putInChunks(db.plans, rows, 100))
  ).rejects.toThrow()
  expect(await db.plans.count()).toBe(0)
  db.close()
})
