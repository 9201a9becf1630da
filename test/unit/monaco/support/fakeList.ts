import type { MonacoListPage, MonacoListParams } from '../../../../src/main/monaco'

/**
 * An in-memory Monaco list endpoint for the keyset walk: sorts by `created_at` (ties in an
 * order the caller chooses, since Monaco names none), honours the `created_at` rules the walk
 * sends, pages by number, and lets a test change the rows between two requests.
 */

export type Row = { id: string; createdAt: string }

export interface FakeList {
  list: (params: MonacoListParams) => Promise<MonacoListPage<Row>>
  rows: Row[]
  calls: MonacoListParams[]
  /** Runs after a page is computed, before it is returned (like the simulator's onListed). */
  afterPage: ((call: number) => void) | null
}

type Rule = { field: string; condition: string; value?: unknown }

export const at = (second: number): string =>
  new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString().replace('.000Z', 'Z')

export function row(id: string, second: number): Row {
  return { id, createdAt: at(second) }
}

function rulesOf(filters: MonacoListParams['filters']): Rule[] {
  if (filters === undefined) return []
  if (Array.isArray(filters)) return filters
  return filters.filters.flatMap((f) => ('filters' in f ? rulesOf(f) : [f as Rule]))
}

function matches(record: Row, rule: Rule): boolean {
  if (rule.field !== 'created_at') throw new Error(`unexpected filter field ${rule.field}`)
  const mine = Date.parse(record.createdAt)
  const theirs = Date.parse(String(rule.value))
  switch (rule.condition) {
    case 'greater_than_or_equals':
      return mine >= theirs
    case 'greater_than':
      return mine > theirs
    case 'equals':
      return mine === theirs
    default:
      throw new Error(`unexpected condition ${rule.condition}`)
  }
}

export function fakeList(
  rows: Row[],
  tieOrder: (a: Row, b: Row) => number = (a, b) => (a.id < b.id ? -1 : 1)
): FakeList {
  const fake: FakeList = {
    rows: [...rows],
    calls: [],
    afterPage: null,
    list: (params) => {
      fake.calls.push(structuredClone(params))
      if (params.sort !== 'created_at') throw new Error(`unexpected sort ${params.sort}`)
      const rules = rulesOf(params.filters)
      const matching = fake.rows
        .filter((r) => rules.every((rule) => matches(r, rule)))
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || tieOrder(a, b))
      const page = params.page ?? 1
      const size = params.pageSize ?? 50
      const items = matching.slice((page - 1) * size, page * size)
      const totalPages = Math.ceil(matching.length / size)
      fake.afterPage?.(fake.calls.length)
      return Promise.resolve({
        items: structuredClone(items),
        skipped: [],
        page,
        pageSize: size,
        totalCount: matching.length,
        totalPages,
        hasMore: page < totalPages
      })
    }
  }
  return fake
}

export const idsOf = (rows: readonly { id: string }[]): string[] => rows.map((r) => r.id).sort()
