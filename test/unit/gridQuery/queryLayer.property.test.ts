/**
 * The query layer against brute force: 20,000 seeded customers in a real (fake-indexeddb) cache;
 * for randomised sorts, column filters and quick searches, every page (concatenated) and the
 * "N of M" counts equal filtering and sorting the same rows in memory. Run with a low
 * in-memory limit too, so both the index walk and the in-memory plan are exercised.
 */
import 'fake-indexeddb/auto'
import type { IndexableType, Table } from 'dexie'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openWorkspaceCache, type WorkspaceCache } from '../../../src/renderer/src/cache'
import { PreparedQuery } from '../../../src/renderer/src/grid/query/preparedQuery'
import { queryColumnsOf } from '../../../src/renderer/src/grid/query/queryColumns'
import { stampWords } from '../../../src/renderer/src/grid/query/tokens'
import type { FilterModel, GridQuery, QueryRow } from '../../../src/renderer/src/grid/query/types'
import { GRID_COLUMNS } from '../../../src/renderer/src/sections/data/columns'
import { seededRandom } from '../sync/support/random'
import { uniqueWorkspaceId } from '../sync/support/cache'
import {
  bruteSearch,
  bruteSort,
  bruteWords,
  localDay,
  makeRows,
  type BruteSort,
  type Row
} from './support'

const ROWS = 20_000
const rows = makeRows(ROWS, 14)
const columns = queryColumnsOf(GRID_COLUMNS.customers)
let cache: WorkspaceCache

beforeAll(async () => {
  cache = await openWorkspaceCache(uniqueWorkspaceId('grid-query'))
  await cache.customers.bulkPut(
    stampWords(
      'customers',
      rows.map((row) => ({ ...row }))
    ) as never
  )
}, 120_000)
afterAll(() => cache.close())

interface Case {
  query: GridQuery
  keep: (row: Row) => boolean
  sort: BruteSort[]
  describe: string
}

const SORTABLE = [
  'name',
  'email',
  'company',
  'country',
  'mrrCents',
  'customerSince',
  'city',
  'status'
]

function randomCase(random: () => number): Case {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const filters: FilterModel = {}
  // One predicate per column: a second filter on a column replaces the first, as in the grid.
  const keeps: Record<string, (row: Row) => boolean> = {}
  const mrr = (row: Row): number | null =>
    typeof row.mrrCents === 'number' ? row.mrrCents / 100 : null
  const filterMakers: (() => void)[] = [
    () => {
      const v = Math.floor(random() * 500)
      filters.mrrCents = { filterType: 'number', type: 'greaterThan', filter: v }
      keeps.mrrCents = (r) => mrr(r) !== null && mrr(r)! > v
    },
    () => {
      const a = Math.floor(random() * 300)
      const b = a + Math.floor(random() * 200) + 0.5
      filters.mrrCents = { filterType: 'number', type: 'inRange', filter: a, filterTo: b }
      keeps.mrrCents = (r) => mrr(r) !== null && mrr(r)! >= a && mrr(r)! <= b
    },
    () => {
      filters.mrrCents = { filterType: 'number', type: 'equals', filter: 0 }
      keeps.mrrCents = (r) => mrr(r) === 0
    },
    () => {
      const v = pick(['acme', 'ZOË', 'an', '日本', 'beta'])
      filters.name = { filterType: 'text', type: 'contains', filter: v }
      keeps.name = (r) =>
        typeof r.name === 'string' && r.name.toLowerCase().includes(v.toLowerCase())
    },
    () => {
      const v = pick(['active', 'Past Due', 'lead'])
      filters.status = { filterType: 'text', type: 'equals', filter: v }
      keeps.status = (r) => String(r.status).toLowerCase() === v.toLowerCase()
    },
    () => {
      const v = pick(['US', 'de'])
      filters.country = {
        filterType: 'text',
        operator: 'OR',
        conditions: [
          { filterType: 'text', type: 'equals', filter: v },
          { filterType: 'text', type: 'blank' }
        ]
      }
      keeps.country = (r) =>
        r.country == null || String(r.country).toLowerCase() === v.toLowerCase()
    },
    () => {
      const day = `202${Math.floor(random() * 5)}-06-15`
      filters.customerSince = { filterType: 'date', type: 'lessThan', dateFrom: `${day} 00:00:00` }
      keeps.customerSince = (r) =>
        typeof r.customerSince === 'string' && localDay(r.customerSince) < day
    },
    () => {
      filters.company = { filterType: 'text', type: 'blank' }
      keeps.company = (r) => r.company == null
    }
  ]
  const filterCount = Math.floor(random() * 3)
  for (let i = 0; i < filterCount; i += 1) pick(filterMakers)()

  let quickSearch = ''
  const searchKind = random()
  if (searchKind < 0.25) {
    const words = bruteWords(pick(rows))
    const word = pick(words.length > 0 ? words : ['acme'])
    quickSearch = word.slice(0, 1 + Math.floor(random() * word.length)).toUpperCase()
  } else if (searchKind < 0.45) {
    quickSearch = `${pick(['al', 'bob', 'Car', 'ñ', 'ext'])} ${pick(['acme', 'Be', 'Z', '5'])}`
  }

  const sort: BruteSort[] = []
  const sortKind = random()
  if (sortKind < 0.8) sort.push({ field: pick(SORTABLE), dir: random() < 0.5 ? 'asc' : 'desc' })
  else if (sortKind < 0.9)
    sort.push({ field: 'status', dir: 'asc' }, { field: 'mrrCents', dir: 'desc' })

  const filtersKeep = (row: Row) => Object.values(keeps).every((k) => k(row))
  return {
    query: { sort: sort.map((s) => ({ colId: s.field, dir: s.dir })), filters, quickSearch },
    keep: (row) => filtersKeep(row) && (quickSearch === '' || bruteSearch(row, quickSearch)),
    sort,
    describe: JSON.stringify({ sort, filters, quickSearch })
  }
}

function prepared(query: GridQuery, materialiseLimit?: number): PreparedQuery {
  return new PreparedQuery(
    {
      table: cache.customers as unknown as Table<QueryRow, IndexableType>,
      idField: 'uuid',
      columns,
      ...(materialiseLimit === undefined ? {} : { materialiseLimit })
    },
    query
  )
}

async function allPages(query: PreparedQuery, pageSize: number): Promise<string[]> {
  const ids: string[] = []
  for (let start = 0; ; start += pageSize) {
    const page = await query.rows(start, start + pageSize)
    ids.push(...page.map((row) => row.uuid as string))
    if (page.length < pageSize) return ids
  }
}

describe('grid query layer equals brute force at 20k rows', () => {
  const random = seededRandom(2026)
  const cases = Array.from({ length: Number(process.env.GQ_CASES ?? 16) }, () => randomCase(random))

  if (process.env.GQ_PRINT) cases.forEach((c, i) => console.log(i, c.describe))
  // GQ_ONLY=3,7 runs just those cases (to replay one that failed).
  const only = process.env.GQ_ONLY?.split(',').map(Number)
  const chosen = cases.map((c, i) => [i, c] as const).filter(([i]) => !only || only.includes(i))
  test.each(chosen)(
    'case %i',
    async (i, c) => {
      const expected = bruteSort(rows.filter(c.keep), c.sort).map((row) => row.uuid)
      // Every other case walks indexes (the in-memory plan only below 500 rows); the others hold
      // any narrowed result in memory (a limit of the whole table), so both plans are compared.
      const limit = i % 2 === 0 ? 500 : ROWS
      const query = prepared(c.query, limit)
      const pageSize = [500, 97, 1000][i % 3]!
      const ids = await allPages(query, pageSize)
      expect(ids, c.describe).toEqual(expected)
      expect(await query.count(), c.describe).toBe(expected.length)
      expect(await query.total()).toBe(ROWS)
      // A jump into the middle, on a fresh query (no remembered positions), reads the same rows.
      const start = Math.floor(expected.length / 2)
      const jump = await prepared(c.query, limit).rows(start, start + 60)
      expect(
        jump.map((row) => row.uuid),
        c.describe
      ).toEqual(expected.slice(start, start + 60))
    },
    // Low-cardinality sorts (status) walk long tie groups: slow in fake-indexeddb, not Chromium.
    480_000
  )
})
