/**
 * Upgrading a cache written by an older app: v1 → v2 adds the `_dirty` index on opportunities
 * and backfills it from `_pending`; v2 → v3 drops two activity indexes nothing needs. Every
 * row comes through intact.
 */
import { withoutWords } from '../gridQuery/withoutWords'
import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { expect, test } from 'vitest'
import {
  CACHE_SCHEMA_VERSION,
  SCHEMA_V1,
  SCHEMA_V2,
  cacheDatabaseName,
  openWorkspaceCache
} from '../../../src/renderer/src/cache'
import { uniqueWorkspaceId } from '../sync/support/cache'

test('a v1 cache opens as the current version with its data intact and `_dirty` backfilled', async () => {
  const id = uniqueWorkspaceId('migration')
  const v1 = new Dexie(cacheDatabaseName(id))
  v1.version(1).stores(SCHEMA_V1)
  await v1.open()
  const base = {
    customerUuid: 'cus_1',
    owner: null,
    pipeline: 'New Business',
    pipelineStage: 'Discovery',
    estimatedCloseDate: '2026-01-31',
    currency: 'USD',
    amountCents: 5_000,
    type: 'recurring',
    forecastCategory: 'pipeline',
    winLikelihood: 20,
    custom: { seats: 3 },
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
    _gen: 4
  }
  const rows = [
    { ...base, uuid: 'opp_clean' },
    { ...base, uuid: 'opp_edited', amountCents: 7_500, _pending: ['amountCents'] },
    { ...base, uuid: 'opp_empty', _pending: [] }
  ]
  await v1.table('opportunities').bulkPut(rows)
  await v1.table('customers').put({ uuid: 'cus_1', name: 'Acme', _gen: 4 })
  await v1.table('syncState').put({ id: 'customers', kind: 'resource', resource: 'customers' })
  await v1.table('meta').put({ key: 'k', value: [1, 2] })
  v1.close()

  const db = await openWorkspaceCache(id)
  expect(db.verno).toBe(CACHE_SCHEMA_VERSION)
  expect(await db.opportunities.where('_dirty').equals(1).primaryKeys()).toEqual(['opp_edited'])
  expect((await db.opportunities.where('_dirty').equals(0).primaryKeys()).sort()).toEqual([
    'opp_clean',
    'opp_empty'
  ])
  const after = await db.opportunities.orderBy('uuid').toArray()
  expect(withoutWords(after)).toEqual(
    [...rows]
      .sort((a, b) => a.uuid.localeCompare(b.uuid))
      .map((row) => ({ ...row, _dirty: row.uuid === 'opp_edited' ? 1 : 0 }))
  )
  // v6 backfills quick search's words.
  expect(await db.customers.get('cus_1')).toEqual({
    uuid: 'cus_1',
    name: 'Acme',
    _gen: 4,
    _words: ['acme']
  })
  expect(await db.syncState.count()).toBe(1)
  expect((await db.meta.get('k'))?.value).toEqual([1, 2])
  db.close()
})

test('a v2 cache opens as v3: activities keep every row, stale ones are still found', async () => {
  const id = uniqueWorkspaceId('migration-v3')
  const v2 = new Dexie(cacheDatabaseName(id))
  v2.version(2).stores(SCHEMA_V2)
  await v2.open()
  const activity = (uuid: string, customerUuid: string, date: string, gen: number) => ({
    uuid,
    customerUuid,
    date,
    type: 'new_biz',
    mrrCents: 1_000,
    _gen: gen
  })
  const rows = [
    activity('a1', 'cus_1', '2024-01-02T00:00:00.000Z', 3),
    activity('a2', 'cus_2', '2024-01-01T00:00:00.000Z', 2),
    activity('a3', 'cus_1', '2024-01-01T00:00:00.000Z', 3)
  ]
  await v2.table('activities').bulkPut(rows)
  v2.close()

  const db = await openWorkspaceCache(id)
  expect(db.verno).toBe(CACHE_SCHEMA_VERSION)
  expect(withoutWords(await db.activities.orderBy('uuid').toArray())).toEqual(rows)
  expect(db.activities.schema.indexes.map((i) => i.name)).not.toContain('_gen')
  expect(await db.writtenBefore('activities', 3).primaryKeys()).toEqual(['a2'])
  expect(await db.writtenBefore('customers', 3).count()).toBe(0)
  expect(
    (await db.activities.where('customerUuid').equals('cus_1').sortBy('date')).map((a) => a.uuid)
  ).toEqual(['a3', 'a1'])
  db.close()
})
