/** A workspace's cache size: row counts × sampled row sizes, for open and closed caches alike. */
import 'fake-indexeddb/auto'
import { expect, test } from 'vitest'
import {
  appStorageEstimate,
  estimateCacheSize,
  estimateWorkspaceSize,
  formatBytes,
  SAMPLED_ROWS
} from '../../../src/renderer/src/cache/storage/workspaceSize'
import { openWorkspaceCache } from '../../../src/renderer/src/cache'
import { uniqueWorkspaceId } from '../sync/support/cache'

const customer = (i: number) => ({
  uuid: `cus_${String(i).padStart(4, '0')}`,
  name: 'x'.repeat(90),
  _gen: 1
})

test('rows times the average sampled size, summed over tables', async () => {
  const id = uniqueWorkspaceId('size')
  const db = await openWorkspaceCache(id)
  const rows = Array.from({ length: 200 }, (_, i) => customer(i))
  await db.customers.bulkPut(rows as never)
  const rowBytes = JSON.stringify(rows[0]).length
  const size = await estimateCacheSize(db)
  // 200 customers plus the aggregate bucket they make, each of known size.
  const bucket = JSON.stringify((await db.table('aggCustomers').toArray())[0]).length
  expect(size).toEqual({ rows: 201, bytes: 200 * rowBytes + bucket })
  expect(SAMPLED_ROWS).toBeLessThan(200)
  db.close()

  // Closed: opened read-only as it is, and closed again.
  expect(await estimateWorkspaceSize(id)).toEqual(size)
  expect(await estimateWorkspaceSize(uniqueWorkspaceId('never-synced'))).toBeNull()
})

test('the app-wide estimate and byte formatting', async () => {
  expect(
    await appStorageEstimate({ estimate: async () => ({ usage: 5_000, quota: 9_000 }) })
  ).toEqual({ usage: 5_000, quota: 9_000 })
  expect(await appStorageEstimate(undefined)).toBeNull()
  expect(formatBytes(840, 'en-US')).toBe('840 bytes')
  expect(formatBytes(12_400_000, 'en-US')).toBe('12 MB')
  expect(formatBytes(1_240_000, 'en-US')).toBe('1.2 MB')
  expect(formatBytes(3_500_000_000, 'en-US')).toBe('3.5 GB')
})
