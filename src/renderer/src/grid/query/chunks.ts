/**
 * A query's rows in grid order, a chunk at a time (for streaming exports): memory holds one
 * chunk, whatever the result's size.
 */
import type { IndexableType, Table } from 'dexie'
import type { WorkspaceCache } from '../../cache'
import { PreparedQuery } from './preparedQuery'
import type { GridQuery, QueryColumn, QueryRow } from './types'

export async function* readQueryChunks(
  cache: WorkspaceCache,
  table: string,
  query: GridQuery,
  chunkSize: number,
  columns: readonly QueryColumn[] = [],
  idField = 'uuid'
): AsyncGenerator<QueryRow[]> {
  const prepared = new PreparedQuery(
    { table: cache.table(table) as Table<QueryRow, IndexableType>, idField, columns },
    query
  )
  for (let start = 0; ; start += chunkSize) {
    const rows = await prepared.rows(start, start + chunkSize)
    if (rows.length > 0) yield rows
    if (rows.length < chunkSize) return
  }
}
