/**
 * A cache written before saved views (v4) opens as v5: every table's rows come through intact,
 * and the new `savedViews` table is there, empty, with its unique name index per grid.
 */
import { withoutWords } from '../gridQuery/withoutWords'
import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { expect, test } from 'vitest'
import {
  CACHE_SCHEMA_VERSION,
  SCHEMA_V4,
  cacheDatabaseName,
  openWorkspaceCache
} from '../../../src/renderer/src/cache'
import { uniqueWorkspaceId } from '../sync/support/cache'

test('a v4 cache opens as v5 with every row intact and an empty savedViews table', async () => {
  const id = uniqueWorkspaceId('migration-v5')
  const v4 = new Dexie(cacheDatabaseName(id))
  v4.version(4).stores(SCHEMA_V4)
  await v4.open()
  const before: Record<string, unknown[]> = {
    customers: [{ uuid: 'cus_1', name: 'Acme', status: 'Past Due', mrrCents: 900, _gen: 2 }],
    plans: [{ uuid: 'pl_1', name: 'Gold', dataSourceUuid: 'ds_1', _gen: 2 }],
    activities: [{ uuid: 'act_1', customerUuid: 'cus_1', date: '2025-02-01', type: 'new_biz' }],
    opportunities: [
      { uuid: 'opp_1', customerUuid: 'cus_1', owner: 'ann@example.com', _gen: 2, _dirty: 1 }
    ],
    syncState: [{ id: 'customers', kind: 'resource', resource: 'customers' }],
    outbox: [{ id: 1, opportunityUuid: 'opp_1', status: 'pending', createdAt: 'x' }],
    meta: [{ key: 'k', value: [1, 2] }],
    accounts: [{ id: 'acc_1', name: 'Acme', status: 'active', createdAt: '2025-01-01', _gen: 1 }],
    contacts: [{ id: 'con_1', accountId: 'acc_1', email: 'a@b.c', createdAt: 'x', _gen: 1 }],
    users: [{ id: 'usr_1', name: 'Ann' }],
    tags: [{ id: 'tag_1', name: 'VIP' }],
    monacoSync: [{ entity: 'accounts', generation: 3 }]
  }
  for (const [table, rows] of Object.entries(before)) await v4.table(table).bulkPut(rows)
  v4.close()

  const db = await openWorkspaceCache(id)
  expect(db.verno).toBe(CACHE_SCHEMA_VERSION)
  expect(CACHE_SCHEMA_VERSION).toBe(6)
  for (const [table, rows] of Object.entries(before)) {
    expect(withoutWords(await db.table(table).toArray()), table).toEqual(rows)
  }
  expect(await db.opportunities.where('_dirty').equals(1).primaryKeys()).toEqual(['opp_1'])
  expect(await db.savedViews.count()).toBe(0)
  const row = {
    id: 'v1',
    grid: 'customers',
    name: 'Past due',
    nameKey: 'past due',
    isDefault: false,
    state: {},
    updatedAt: 'x'
  }
  await db.savedViews.add(row)
  // The name index is unique per grid.
  await expect(db.savedViews.add({ ...row, id: 'v2' })).rejects.toThrow()
  await db.savedViews.add({ ...row, id: 'v3', grid: 'plans' })
  expect(await db.savedViews.where('grid').equals('customers').primaryKeys()).toEqual(['v1'])
  db.close()
})
