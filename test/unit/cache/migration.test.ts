/**
 * Upgrading a cache written by an older app: v1 → v2 adds the `_dirty` index on opportunities
 * and backfills it from `_pending`; every row comes through intact.
 */
import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { expect, test } from 'vitest'
import { SCHEMA_V1, cacheDatabaseName, openWorkspaceCache } from '../../../src/renderer/src/cache'
import { uniqueWorkspaceId } from '../sync/support/cache'

test('a v1 cache opens as v2 with its data intact and `_dirty` backfilled', async () => {
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
  expect(db.verno).toBe(2)
  expect(await db.opportunities.where('_dirty').equals(1).primaryKeys()).toEqual(['opp_edited'])
  expect((await db.opportunities.where('_dirty').equals(0).primaryKeys()).sort()).toEqual([
    'opp_clean',
    'opp_empty'
  ])
  const after = await db.opportunities.orderBy('uuid').toArray()
  expect(after).toEqual(
    [...rows]
      .sort((a, b) => a.uuid.localeCompare(b.uuid))
      .map((row) => ({ ...row, _dirty: row.uuid === 'opp_edited' ? 1 : 0 }))
  )
  expect(await db.customers.get('cus_1')).toEqual({ uuid: 'cus_1', name: 'Acme', _gen: 4 })
  expect(await db.syncState.count()).toBe(1)
  expect((await db.meta.get('k'))?.value).toEqual([1, 2])
  db.close()
})
