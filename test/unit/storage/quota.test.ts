/**
 * A full disk while a sync commits a page: IndexedDB refuses a write with QuotaExceededError
 * mid-transaction. The page's transaction aborts — its rows, the aggregates and the checkpoint
 * all stay as they were — and the failure reads as a full disk with an instruction, never as
 * "cancelled". An edit the outbox cannot save for the same reason says so, as its own error.
 */
import 'fake-indexeddb/auto'
import { afterEach, expect, test, vi } from 'vitest'
import { readStoredAggregates } from '../../../src/renderer/src/cache/aggregates'
import {
  DISK_FULL_KIND,
  DISK_FULL_MESSAGE,
  isQuotaExceeded
} from '../../../src/renderer/src/cache/storage/quota'
import { describeSyncProblem } from '../../../src/renderer/src/app/syncProblem'
import { editOpportunity, OutboxDiskFullError } from '../../../src/renderer/src/outbox'
import { failureKind, toErrorInfo } from '../../../src/renderer/src/sync/failures'
import { beginPass, commitPages } from '../../../src/renderer/src/sync/passStore'
import type { ListPage } from '../../../src/shared/domain'
import type { SyncRecord } from '../../../src/renderer/src/sync/partitions'
import { freshCache } from '../sync/support/cache'
import { seededRandom } from '../sync/support/random'
import { activity, expectAggregatesMatchRows, opportunity } from '../aggregates/support'

const page = (items: object[], cursor: string | null) =>
  ({ items, skipped: [], cursor, hasMore: cursor !== null }) as unknown as ListPage<SyncRecord>

/** The disk fills up: from now on, every write to `storeName` is refused as over quota. */
function fillDiskFor(storeName: string): void {
  const prototype = globalThis.IDBObjectStore.prototype
  const put = prototype.put
  vi.spyOn(prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    if (this.name === storeName) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    return put.apply(this, args)
  })
}

afterEach(() => vi.restoreAllMocks())

test('a page refused for quota leaves its rows, aggregates and checkpoint as before', async () => {
  const random = seededRandom(3)
  const db = await freshCache('quota-page')
  const rows = Array.from({ length: 12 }, (_, i) => activity(random, `act_${i}`))
  const { partitions } = await beginPass(db, {
    resource: 'activities',
    mode: 'full',
    partitions: [{ id: 'all', query: {} }],
    firstPages: new Map([['all', page(rows.slice(0, 6), 'c1')]]),
    expectedRecords: null,
    checked: true,
    now: '2030-01-01T00:00:00.000Z'
  })
  const partition = partitions[0]!
  const checkpoint = await db.syncState.get(partition.id)
  const aggregates = await readStoredAggregates(db)
  const cached = await db.activities.toArray()

  fillDiskFor('activities')
  const error = await commitPages(db, {
    resource: 'activities',
    partition,
    cursor: 'c1',
    pages: [{ page: page(rows.slice(6), null), nextCursor: null }],
    mode: 'full',
    now: '2030-01-01T00:00:01.000Z'
  }).catch((e: unknown) => e)
  vi.restoreAllMocks()

  expect(isQuotaExceeded(error)).toBe(true)
  expect(failureKind(error)).toBe(DISK_FULL_KIND)
  expect(toErrorInfo(error, '2030-01-01T00:00:02.000Z')).toEqual({
    kind: 'disk_full',
    message: DISK_FULL_MESSAGE,
    at: '2030-01-01T00:00:02.000Z'
  })
  expect(describeSyncProblem('disk_full', DISK_FULL_MESSAGE)).toBe(
    'Your disk is full: Revdesk could not save the latest data. Free some space, then choose Sync now. Nothing already saved was lost.'
  )
  expect(await db.syncState.get(partition.id)).toEqual(checkpoint)
  expect(await db.activities.toArray()).toEqual(cached)
  expect(await readStoredAggregates(db)).toEqual(aggregates)
  await expectAggregatesMatchRows(db, 'after the refused page')
  db.close()
})

test('an aggregate write refused for quota aborts the page too', async () => {
  const random = seededRandom(4)
  const db = await freshCache('quota-aggregate')
  const { partitions } = await beginPass(db, {
    resource: 'activities',
    mode: 'full',
    partitions: [{ id: 'all', query: {} }],
    firstPages: new Map(),
    expectedRecords: null,
    checked: true,
    now: '2030-01-01T00:00:00.000Z'
  })
  fillDiskFor('aggMovements')
  const rows = Array.from({ length: 5 }, (_, i) => activity(random, `act_${i}`))
  const error = await commitPages(db, {
    resource: 'activities',
    partition: partitions[0]!,
    cursor: null,
    pages: [{ page: page(rows, null), nextCursor: null }],
    mode: 'full',
    now: '2030-01-01T00:00:01.000Z'
  }).catch((e: unknown) => e)
  vi.restoreAllMocks()
  expect(failureKind(error)).toBe(DISK_FULL_KIND)
  expect(await db.activities.count()).toBe(0)
  expect(await db.syncState.get(partitions[0]!.id)).toMatchObject({ cursor: null, pages: 0 })
  db.close()
})

test('Dexie’s wrappings of a quota error are recognised; other errors are not', () => {
  const quota = new DOMException('full', 'QuotaExceededError')
  expect(isQuotaExceeded({ name: 'AbortError', inner: quota })).toBe(true)
  expect(isQuotaExceeded({ name: 'BulkError', failures: { 3: quota } })).toBe(true)
  expect(isQuotaExceeded(new Error('x', { cause: quota }))).toBe(true)
  expect(isQuotaExceeded({ name: 'AbortError', inner: new DOMException('no', 'AbortError') })).toBe(
    false
  )
  expect(failureKind({ name: 'AbortError', inner: quota })).toBe('disk_full')
  expect(failureKind({ name: 'AbortError' })).toBe('cancelled')
})

test('an edit refused for quota is an OutboxDiskFullError and changes nothing', async () => {
  const db = await freshCache('quota-edit')
  const row = { ...opportunity(seededRandom(5), 'opp_1'), currency: 'USD', _gen: 1, _dirty: 0 }
  await db.opportunities.put(row as never)
  fillDiskFor('opportunities')
  const error = await editOpportunity(db, 'opp_1', { amountCents: 123_45 }).catch((e: unknown) => e)
  vi.restoreAllMocks()
  expect(error).toBeInstanceOf(OutboxDiskFullError)
  expect((error as Error).message).toBe(
    'Your disk is full: this change could not be saved. What you entered is still here — free some space, then save again.'
  )
  expect(await db.opportunities.get('opp_1')).toEqual(row)
  expect(await db.outbox.count()).toBe(0)
  db.close()
})
