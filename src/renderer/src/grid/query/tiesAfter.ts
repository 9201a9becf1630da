/**
 * The rows whose `index` value equals `value` and that come after primary key `afterKey` in
 * the walk's direction, at most `limit` of them.
 *
 * Dexie's Collection can only skip ties with offset(n), which walks every one of them again
 * (quadratic when a chunk after chunk lands in one big tie group); IndexedDB's own
 * continuePrimaryKey jumps straight to (value, afterKey) because an index orders its equal keys
 * by primary key. Dexie exposes that cursor in its DBCore layer, so this reads through
 * `table.core` (the same middleware stack as every other read) in a read-only transaction.
 */
import {
  cmp,
  type DBCoreKeyRange,
  type DBCoreTransaction,
  type IndexableType,
  type Table
} from 'dexie'
import type { QueryRow } from './types'

const EQUAL_RANGE_TYPE = 1 as DBCoreKeyRange['type']

export function tiesAfter(
  table: Table<QueryRow, IndexableType>,
  index: string,
  reverse: boolean,
  value: IndexableType,
  afterKey: IndexableType,
  limit: number
): Promise<QueryRow[]> {
  return table.db.transaction('r', table, async (tx) => {
    const core = table.core
    const coreIndex = core.schema.getIndexByKeyPath(index)
    if (!coreIndex) throw new Error(`${table.name}.${index} is not indexed`)
    const range: DBCoreKeyRange = { type: EQUAL_RANGE_TYPE, lower: value, upper: value }
    const trans = tx.idbtrans as unknown as DBCoreTransaction
    const cursor = await core.openCursor({
      trans,
      values: true,
      reverse,
      query: { index: coreIndex, range }
    })
    if (!cursor) return []
    const rows: QueryRow[] = []
    // Sign of "this primary key is past afterKey" in the walk's direction.
    const past = (key: IndexableType): number => cmp(key, afterKey) * (reverse ? -1 : 1)
    await cursor.start(() => {
      const key = cursor.primaryKey as IndexableType
      const where = past(key)
      if (where < 0) return cursor.continuePrimaryKey(value, afterKey)
      if (where === 0) return cursor.continue()
      rows.push(cursor.value as QueryRow)
      if (rows.length >= limit) cursor.stop()
      else cursor.continue()
    })
    return rows
  })
}
