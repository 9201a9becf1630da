/**
 * What IndexedDB is asked, recorded below Dexie's API (a DBCore middleware): the query layer's
 * tests check not only answers but what it cost to get them — a count of the whole table, a
 * range read of rows, a keys-only read — because in Chromium those costs decide what a user
 * waits for at a million rows.
 */
import Dexie, { type DBCore } from 'dexie'

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
            const { index, range } = request.query
            requests.push({
              op: 'count',
              index: index.isPrimaryKey ? ':id' : (index.name ?? ''),
              whole: range.type === ANY,
              values: false,
              limit: undefined
            })
            return inner.count(request)
          },
          query: (request) => {
            const { index, range } = request.query
            requests.push({
              op: 'query',
              index: index.isPrimaryKey ? ':id' : (index.name ?? ''),
              whole: range.type === ANY,
              values: request.values === true,
              limit: request.limit
            })
            return inner.query(request)
          },
          openCursor: (request) => {
            const { index, range } = request.query
            requests.push({
              op: 'openCursor',
              index: index.isPrimaryKey ? ':id' : (index.name ?? ''),
              whole: range.type === ANY,
              values: request.values !== false,
              limit: undefined
            })
            return inner.openCursor(request)
          }
        }
      }
    })
  })
  return { db, requests }
}
