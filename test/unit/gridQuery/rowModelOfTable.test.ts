/**
 * Picking the row model must not count the table: Chromium counts a million rows in about a
 * second, and the grid cannot paint before the model is known. Only "at least the threshold
 * rows?" matters, answered by reading no more than the threshold's worth of primary keys.
 */
import 'fake-indexeddb/auto'
import Dexie, { type DBCore, type DBCoreQueryRequest } from 'dexie'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { rowModelOfTable } from '../../../src/renderer/src/grid/query/rowModel'

interface Row {
  id: number
}

const seen: { counts: number; queryLimits: (number | undefined)[] } = { counts: 0, queryLimits: [] }
let db: Dexie

beforeAll(async () => {
  db = new Dexie(`rowModelOfTable-${Date.now()}`)
  db.version(1).stores({ small: 'id', large: 'id' })
  // Records what IndexedDB is asked, below Dexie's own API.
  db.use({
    stack: 'dbcore',
    name: 'recordReads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name)
        return {
          ...table,
          count: (request) => {
            seen.counts += 1
            return table.count(request)
          },
          query: (request: DBCoreQueryRequest) => {
            seen.queryLimits.push(request.limit)
            return table.query(request)
          }
        }
      }
    })
  })
  await db.table<Row, number>('small').bulkAdd(Array.from({ length: 99 }, (_, id) => ({ id })))
  await db.table<Row, number>('large').bulkAdd(Array.from({ length: 1_000 }, (_, id) => ({ id })))
})

afterAll(() => db.delete())

test('a table below the threshold keeps the client-side model, one at it pages', async () => {
  expect(await rowModelOfTable(db.table('small'), 100)).toBe('clientSide')
  expect(await rowModelOfTable(db.table('large'), 100)).toBe('infinite')
  expect(await rowModelOfTable(db.table('large'), 1_000)).toBe('infinite')
  expect(await rowModelOfTable(db.table('large'), 1_001)).toBe('clientSide')
})

test('the choice reads at most the threshold of keys and never counts the table', async () => {
  seen.counts = 0
  seen.queryLimits = []
  await rowModelOfTable(db.table('large'), 100)
  expect(seen.counts).toBe(0)
  expect(seen.queryLimits.length).toBeGreaterThan(0)
  for (const limit of seen.queryLimits) expect(limit).toBeLessThanOrEqual(100)
})
