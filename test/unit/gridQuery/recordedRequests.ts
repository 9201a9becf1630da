/**
 * What IndexedDB is asked, recorded below Dexie's API (a DBCore middleware): the query layer's
 * tests check not only answers but what it cost to get them — a count of the whole table, a
 * range read of rows, a keys-only read — because in Chromium those costs decide what a user
 * waits for at a million rows.
 */
import Dexie, { type DBCore, type DBCoreQuery } from 'dexie'

export interface IdbRequest {
  op: 'count' | 'query' | 'openCursor'
  /** The index read (':id' for the primary key). */
  index: string
  /** The whole index, no range (for a count of the primary key: the table's count). */
  whole: boolean
  /** Rows were read, not only keys. */
  values: boolean
  limit: number | undefined
}

/** DBCoreRangeType.Any (a const enum, so not importable at runtime). */
const ANY = 3

/** A fresh Dexie database of `stores` whose requests are appended to `requests`. */
export function recordedDb(
  name: string,
  stores: Record<string, string>
): { db: Dexie; requests: IdbRequest[] } {
  const requests: IdbRequest[] = []
  const record = (
    op: IdbRequest['op'],
    { index, range }: DBCoreQuery,
    values: boolean,
    limit?: number
  ): void => {
    const name = index.isPrimaryKey ? ':id' : (index.name ?? '')
    requests.push({ op, index: name, whole: range.type === ANY, values, limit })
  }
  const db = new Dexie(`${name}-${Date.now()}`)
  db.version(1).stores(stores)
  db.use({
    stack: 'dbcore',
    name: 'recordRequests',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName) => {
        const inner = down.table(tableName)
        return {
          ...inner,
          count: (request) => {
            record('count', request.query, false)
            return inner.count(request)
          },
          query: (request) => {
            record('query', request.query, request.values === true, request.limit)
            return inner.query(request)
          },
          openCursor: (request) => {
            record('openCursor', request.query, request.values !== false)
            return inner.openCursor(request)
          }
        }
      }
    })
  })
  return { db, requests }
}
