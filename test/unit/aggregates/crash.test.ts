/**
 * The aggregates live in the page's transaction: a page that aborts (here, its checkpoint moved
 * on meanwhile) leaves rows and aggregates as they were; `rebuildAggregates` repairs buckets
 * that were tampered with.
 */
import 'fake-indexeddb/auto'
import { expect, test } from 'vitest'
import {
  computeAggregates,
  readStoredAggregates,
  rebuildAggregates
} from '../../../src/renderer/src/cache/aggregates'
import {
  beginPass,
  commitPages,
  StaleCheckpointError
} from '../../../src/renderer/src/sync/passStore'
import type { ListPage } from '../../../src/shared/domain'
import type { SyncRecord } from '../../../src/renderer/src/sync/partitions'
import { freshCache } from '../sync/support/cache'
import { seededRandom } from '../sync/support/random'
import { activity, expectAggregatesMatchRows } from './support'

const page = (items: object[], cursor: string | null) =>
  ({ items, skipped: [], cursor, hasMore: cursor !== null }) as unknown as ListPage<SyncRecord>

test('an aborted page commit leaves the aggregates as they were', async () => {
  const random = seededRandom(7)
  const db = await freshCache('aggregates-abort')
  const rows = Array.from({ length: 10 }, (_, i) => activity(random, `act_${i}`))
  const { partitions } = await beginPass(db, {
    resource: 'activities',
    mode: 'full',
    partitions: [{ id: 'all', query: {} }],
    firstPages: new Map([['all', page(rows.slice(0, 5), 'c1')]]),
    expectedRecords: null,
    checked: true,
    now: '2030-01-01T00:00:00.000Z'
  })
  const before = await readStoredAggregates(db)
  expect(before.aggMovements.length).toBeGreaterThan(0)
  // Another run moved the checkpoint on: this commit must undo everything it queued.
  await db.syncState.put({ ...partitions[0]!, updatedAt: '2030-01-01T00:00:09.000Z' })
  await expect(
    commitPages(db, {
      resource: 'activities',
      partition: partitions[0]!,
      cursor: 'c1',
      pages: [{ page: page(rows.slice(5), null), nextCursor: null }],
      mode: 'full',
      now: '2030-01-01T00:00:01.000Z'
    })
  ).rejects.toBeInstanceOf(StaleCheckpointError)
  expect(await db.activities.count()).toBe(5)
  expect(await readStoredAggregates(db)).toEqual(before)
  await expectAggregatesMatchRows(db, 'after the aborted commit')
  db.close()
})

test('rebuildAggregates recomputes tampered buckets from the rows', async () => {
  const random = seededRandom(8)
  const db = await freshCache('aggregates-rebuild')
  await db.activities.bulkPut(
    Array.from({ length: 20 }, (_, i) => ({ ...activity(random, `act_${i}`), _gen: 1 })) as never
  )
  await db.table('aggMovements').clear()
  await db
    .table('aggMovements')
    .put({ id: 'bogus', month: '1999-01', type: 'x', count: 3, cents: 1 })
  expect(await readStoredAggregates(db)).not.toEqual(await computeAggregates(db))
  await rebuildAggregates(db)
  await expectAggregatesMatchRows(db, 'after a rebuild')
  db.close()
})
