/** The cache database: one per workspace, the tables and indexes the grids and the engine use. */
import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { expect, test } from 'vitest'
import {
  CACHE_SCHEMA_VERSION,
  cacheDatabaseName,
  deleteWorkspaceCache,
  openWorkspaceCache
} from '../../../src/renderer/src/cache'
import type { CachedActivity, CachedOpportunity } from '../../../src/renderer/src/cache'
import { uniqueWorkspaceId } from '../sync/support/cache'

function activity(uuid: string, customerUuid: string, date: string): CachedActivity {
  return {
    uuid,
    date,
    type: 'new_biz',
    mrrCents: 100,
    mrrMovementCents: 100,
    arrCents: 1200,
    currency: 'USD',
    description: null,
    customerUuid,
    customerName: null,
    customerExternalId: null,
    planExternalId: null,
    subscriptionExternalId: null,
    subscriptionSetExternalId: null,
    dataSourceUuid: null,
    _gen: 1
  }
}

function opportunity(uuid: string, pipeline: string, stage: string): CachedOpportunity {
  return {
    uuid,
    customerUuid: 'cus_1',
    owner: 'a@b.c',
    pipeline,
    pipelineStage: stage,
    estimatedCloseDate: '2026-05-01',
    currency: 'USD',
    amountCents: 1,
    type: 'recurring',
    forecastCategory: 'pipeline',
    winLikelihood: 10,
    custom: {},
    createdAt: null,
    updatedAt: null,
    _gen: 1,
    _dirty: 0
  }
}

test('each workspace has its own database, and removing one leaves the others', async () => {
  const [a, b] = [uniqueWorkspaceId('a'), uniqueWorkspaceId('b')]
  expect(cacheDatabaseName(a)).toBe(`revdesk-${a}`)
  expect(() => cacheDatabaseName('  ')).toThrow(TypeError)
  const dbA = await openWorkspaceCache(a)
  const dbB = await openWorkspaceCache(b)
  expect(dbA.verno).toBe(CACHE_SCHEMA_VERSION)
  await dbA.activities.put(activity('act_1', 'cus_1', '2024-01-01T00:00:00.000Z'))
  expect(await dbB.activities.count()).toBe(0)
  dbA.close()
  await deleteWorkspaceCache(a)
  expect(await Dexie.exists(cacheDatabaseName(a))).toBe(false)
  expect(await Dexie.exists(cacheDatabaseName(b))).toBe(true)
  dbB.close()
})

test('the indexes answer the grids’ filters and sorts', async () => {
  const db = await openWorkspaceCache(uniqueWorkspaceId('indexes'))
  await db.activities.bulkPut([
    activity('a1', 'cus_1', '2024-01-03T00:00:00.000Z'),
    activity('a2', 'cus_2', '2024-01-01T00:00:00.000Z'),
    activity('a3', 'cus_1', '2024-01-02T00:00:00.000Z')
  ])
  const history = await db.activities
    .where('[customerUuid+date]')
    .between(['cus_1', Dexie.minKey], ['cus_1', Dexie.maxKey])
    .toArray()
  expect(history.map((a) => a.uuid)).toEqual(['a3', 'a1'])
  expect((await db.activities.orderBy('date').first())?.uuid).toBe('a2')

  await db.opportunities.bulkPut([
    opportunity('o1', 'New Business', 'Discovery'),
    opportunity('o2', 'New Business', 'Negotiation'),
    opportunity('o3', 'Renewals', 'Discovery')
  ])
  const stage = await db.opportunities
    .where('[pipeline+pipelineStage]')
    .equals(['New Business', 'Discovery'])
    .primaryKeys()
  expect(stage).toEqual(['o1'])
  expect(await db.opportunities.where('_dirty').equals(0).count()).toBe(3)

  // Every index the brief's grids need exists on its table.
  const indexes = Object.fromEntries(
    db.tables.map((t) => [t.name, t.schema.indexes.map((i) => i.name).sort()])
  )
  expect(indexes['customers']).toEqual(
    [
      '_gen',
      'country',
      'customerSince',
      'email',
      'mrrCents',
      'name',
      'status',
      'company',
      '_words'
    ].sort()
  )
  expect(indexes['plans']).toEqual(['_gen', '_words', 'dataSourceUuid', 'name'])
  // A customer's activities come from the compound index (also Dexie's virtual `customerUuid`).
  expect(indexes['activities']).toEqual(['[customerUuid+date]', 'date', 'type', '_words'].sort())
  expect(
    (await db.activities.where('customerUuid').equals('cus_1').sortBy('date')).map((a) => a.uuid)
  ).toEqual(['a3', 'a1'])
  expect(await db.activities.where('type').equals('new_biz').count()).toBe(3)
  expect(indexes['opportunities']).toEqual(
    [
      '[pipeline+pipelineStage]',
      '_dirty',
      '_gen',
      'customerUuid',
      'estimatedCloseDate',
      'forecastCategory',
      'owner',
      '_words'
    ].sort()
  )
  expect(db.outbox.schema.primKey.auto).toBe(true)
  db.close()
})
