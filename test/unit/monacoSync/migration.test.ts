/**
 * A cache written by the app before Monaco (v3) opens as v4: every existing row comes through
 * intact, and the Monaco tables are there, empty and indexed.
 */
import { withoutWords } from '../gridQuery/withoutWords'
import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { expect, test } from 'vitest'
import {
  CACHE_SCHEMA_VERSION,
  SCHEMA_V3,
  cacheDatabaseName,
  openWorkspaceCache
} from '../../../src/renderer/src/cache'
import { uniqueWorkspaceId } from '../sync/support/cache'

test('a v3 cache opens as v4 with its data intact and the Monaco tables ready', async () => {
  const id = uniqueWorkspaceId('migration-v4')
  const v3 = new Dexie(cacheDatabaseName(id))
  v3.version(3).stores(SCHEMA_V3)
  await v3.open()
  const deal = {
    uuid: 'opp_1',
    customerUuid: 'cus_1',
    owner: 'ann@example.com',
    pipeline: 'New Business',
    pipelineStage: 'Discovery',
    estimatedCloseDate: '2026-01-31',
    currency: 'USD',
    amountCents: 5_000,
    type: 'recurring',
    forecastCategory: 'pipeline',
    winLikelihood: 20,
    custom: {},
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
    _gen: 3,
    _pending: ['amountCents'],
    _dirty: 1
  }
  const activity = {
    uuid: 'act_1',
    customerUuid: 'cus_1',
    date: '2025-02-01',
    type: 'new_biz',
    _gen: 3
  }
  await v3.table('opportunities').put(deal)
  await v3.table('customers').put({ uuid: 'cus_1', name: 'Acme', _gen: 3 })
  await v3.table('activities').put(activity)
  await v3.table('syncState').put({ id: 'customers', kind: 'resource', resource: 'customers' })
  await v3
    .table('outbox')
    .add({ opportunityUuid: 'opp_1', kind: 'update', status: 'pending', createdAt: 'x' })
  await v3.table('meta').put({ key: 'k', value: [1, 2] })
  v3.close()

  const db = await openWorkspaceCache(id)
  expect(db.verno).toBe(CACHE_SCHEMA_VERSION)
  expect(CACHE_SCHEMA_VERSION).toBe(6)
  expect(withoutWords(await db.opportunities.toArray())).toEqual([deal])
  expect(await db.opportunities.where('_dirty').equals(1).primaryKeys()).toEqual(['opp_1'])
  expect(await db.customers.get('cus_1')).toEqual({
    uuid: 'cus_1',
    name: 'Acme',
    _gen: 3,
    _words: ['acme']
  })
  expect(withoutWords(await db.activities.toArray())).toEqual([activity])
  expect(await db.syncState.count()).toBe(1)
  expect(await db.outbox.count()).toBe(1)
  expect((await db.meta.get('k'))?.value).toEqual([1, 2])
  for (const table of [db.accounts, db.contacts, db.users, db.tags, db.monacoSync]) {
    expect(await table.count()).toBe(0)
  }
  // The new tables take rows and answer on their indexes.
  await db.accounts.put({
    id: 'acc_1',
    name: 'Acme',
    createdAt: '2025-03-01T00:00:00.000Z',
    _gen: 1
  } as never)
  expect(await db.accounts.where('_gen').below(2).primaryKeys()).toEqual(['acc_1'])
  db.close()
})
