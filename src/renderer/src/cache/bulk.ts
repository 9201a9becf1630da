import type { Table } from 'dexie'

/**
 * Large writes go in slices so one request never carries an unbounded array. Call inside a
 * `rw` transaction so the slices commit together, and await nothing but the database there:
 * IndexedDB commits a transaction as soon as it sees no pending request.
 */
export const WRITE_CHUNK_SIZE = 500

export async function putInChunks<T, K>(
  table: Table<T, K, T>,
  rows: readonly T[],
  chunkSize = WRITE_CHUNK_SIZE
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await table.bulkPut(rows.slice(start, start + chunkSize))
  }
}

export async function deleteInChunks<T, K>(
  table: Table<T, K, T>,
  keys: readonly K[],
  chunkSize = WRITE_CHUNK_SIZE
): Promise<void> {
  for (let start = 0; start < keys.length; start += chunkSize) {
    await table.bulkDelete(keys.slice(start, start + chunkSize))
  }
}
