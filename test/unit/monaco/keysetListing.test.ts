import { describe, expect, it } from 'vitest'
import { BadResponseError, CancelledError } from '../../../src/main/chartmogul'
import {
  listByCreatedAt,
  type KeysetPage,
  type MonacoListPage,
  type MonacoListParams
} from '../../../src/main/monaco'
import { at, fakeList, idsOf, row, type Row } from './support/fakeList'

/**
 * The keyset walk over `created_at` against an in-memory list endpoint: what it asks for,
 * ties at and across page boundaries, a tie bigger than a page, drift, resuming, and the
 * answers it must refuse instead of looping or skipping.
 */

const ascending = (n: number, from = 0): Row[] =>
  Array.from({ length: n }, (_, i) => row(`r${String(i + from).padStart(3, '0')}`, i + from))

describe('listByCreatedAt: the requests', () => {
  it('asks page 1 sorted by created_at, then page 1 from the last created_at read', async () => {
    const fake = fakeList(ascending(5))
    const listing = await listByCreatedAt(fake.list, { pageSize: 2, includeCustomFields: false })
    expect(idsOf(listing.items)).toEqual(idsOf(fake.rows))
    expect(listing).toMatchObject({ complete: true, totalCountAtEnd: 5, countDrift: 0 })
    expect(fake.calls[0]).toEqual({
      page: 1,
      pageSize: 2,
      sort: 'created_at',
      includeCustomFields: false
    })
    expect(fake.calls[1]).toEqual({
      page: 1,
      pageSize: 2,
      sort: 'created_at',
      includeCustomFields: false,
      filters: [{ field: 'created_at', condition: 'greater_than_or_equals', value: at(1) }]
    })
    expect(fake.calls.every((c) => c.page === 1)).toBe(true)
    // The last call only reads total_count.
    expect(fake.calls.at(-1)).toMatchObject({ pageSize: 1 })
  })

  it('reads no count after the walk when told not to: one request per page', async () => {
    const fake = fakeList(ascending(5))
    const listing = await listByCreatedAt(fake.list, { pageSize: 2 }, { countAtEnd: false })
    expect(idsOf(listing.items)).toEqual(idsOf(fake.rows))
    expect(listing).toMatchObject({ complete: true, totalCountAtEnd: null, countDrift: null })
    expect(listing.requests).toBe(fake.calls.length)
    // Every request reads a page; none is a one-record count.
    expect(fake.calls.map((c) => c.pageSize)).toEqual(fake.calls.map(() => 2))
  })

  it("ANDs the caller's own filters with the keyset rule", async () => {
    const fake = fakeList(ascending(3))
    const own = { operator: 'or' as const, filters: [] }
    await listByCreatedAt(fake.list, { pageSize: 2, filters: own })
    expect(fake.calls[1]?.filters).toEqual({
      operator: 'and',
      filters: [own, { field: 'created_at', condition: 'greater_than_or_equals', value: at(1) }]
    })
  })
})

describe('listByCreatedAt: ties', () => {
  it('a tie across a page boundary: each record once, none missed', async () => {
    // Page size 3; five records share second 2, straddling the first boundary.
    const rows = [row('a', 1), ...['t1', 't2', 't3', 't4'].map((id) => row(id, 2)), row('z', 3)]
    const fake = fakeList(rows)
    const listing = await listByCreatedAt(fake.list, { pageSize: 5 })
    expect(listing.items.map((r) => r.id)).toEqual(['a', 't1', 't2', 't3', 't4', 'z'])

    const small = fakeList(rows)
    const paged = await listByCreatedAt(small.list, { pageSize: 3 })
    expect(paged.items.map((r) => r.id)).toHaveLength(6)
    expect(idsOf(paged.items)).toEqual(idsOf(rows))
    expect(paged.complete).toBe(true)
  })

  it('a tie bigger than a page is read by page number within that instant, then strictly after', async () => {
    const tie = ['t1', 't2', 't3', 't4', 't5'].map((id) => row(id, 2))
    const rows = [row('a', 1), ...tie, row('z', 3)]
    const fake = fakeList(rows)
    const listing = await listByCreatedAt(fake.list, { pageSize: 2 })
    expect(idsOf(listing.items)).toEqual(idsOf(rows))
    const conditions = fake.calls.map((c) => {
      const rule = Array.isArray(c.filters) ? c.filters[0] : undefined
      return rule ? `${rule.condition}@${c.page}` : `none@${c.page}`
    })
    expect(conditions).toContain('equals@3')
    const after = conditions.indexOf('equals@3') + 1
    expect(conditions[after]).toBe('greater_than@1')
    expect(listing).toMatchObject({ complete: true, countDrift: 0 })
  })

  it('a tie read by page number while one of its records is deleted is read again, not left short', async () => {
    const tie = ['t1', 't2', 't3', 't4', 't5'].map((id) => row(id, 2))
    const rows = [row('a', 1), ...tie, row('z', 3)]
    const fake = fakeList(rows)
    fake.afterPage = (call) => {
      const rule = Array.isArray(fake.calls[call - 1]?.filters) ? fake.calls[call - 1]?.filters : []
      // Right after page 1 of the tie: t1 (read) goes, so t3 slides onto page 1 unseen.
      if (
        (rule as { condition: string }[])[0]?.condition === 'equals' &&
        fake.calls[call - 1]?.page === 1
      ) {
        fake.rows = fake.rows.filter((r) => r.id !== 't1')
      }
    }
    const listing = await listByCreatedAt(fake.list, { pageSize: 2 })
    expect(idsOf(listing.items)).toEqual(idsOf(rows))
    expect(listing).toMatchObject({ complete: true, countDrift: -1 })
  })

  it('does not rely on how the server orders ties (reversed here)', async () => {
    const rows = [row('a', 1), ...['t1', 't2', 't3', 't4'].map((id) => row(id, 2)), row('z', 3)]
    const fake = fakeList(rows, (x, y) => (x.id < y.id ? 1 : -1))
    const listing = await listByCreatedAt(fake.list, { pageSize: 3 })
    expect(idsOf(listing.items)).toEqual(idsOf(rows))
  })
})

describe('listByCreatedAt: drift', () => {
  it('a record deleted from a page already read does not hide an unread one', async () => {
    const fake = fakeList(ascending(9))
    fake.afterPage = (call) => {
      if (call === 1) fake.rows = fake.rows.filter((r) => r.id !== 'r000')
    }
    const listing = await listByCreatedAt(fake.list, { pageSize: 3 })
    expect(idsOf(listing.items)).toEqual(idsOf(ascending(9)))
    // Seen 9, Monaco now counts 8: the drift is reported, the listing is still complete.
    expect(listing).toMatchObject({ complete: true, totalCountAtEnd: 8, countDrift: -1 })
  })

  it('a record created mid-pass with created_at = now is read; a backdated one is left to the next pass', async () => {
    const fake = fakeList(ascending(9))
    fake.afterPage = (call) => {
      if (call === 2) fake.rows.push(row('new', 60), row('backdated', 0))
    }
    const listing = await listByCreatedAt(fake.list, { pageSize: 3 })
    const ids = listing.items.map((r) => r.id)
    expect(ids).toContain('new')
    expect(ids).not.toContain('backdated')
    expect(listing).toMatchObject({ complete: true, totalCountAtEnd: 11, countDrift: 1 })
  })
})

describe('listByCreatedAt: resuming', () => {
  it('stops after maxRequests with a position, and resumes from it without repeats', async () => {
    const rows = [...ascending(4), row('t1', 4), row('t2', 4), ...ascending(3, 5)]
    const fake = fakeList(rows)
    const stored: KeysetPage<Row>[] = []
    const first = await listByCreatedAt(
      fake.list,
      { pageSize: 3 },
      { maxRequests: 2, onPage: (p) => void stored.push(p) }
    )
    expect(first).toMatchObject({ complete: false, totalCountAtEnd: null, countDrift: null })
    expect(stored.at(-1)?.position).toEqual(first.position)
    const position = JSON.parse(JSON.stringify(first.position)) as typeof first.position
    expect(position.createdAt).toBe(at(4))
    expect(position.seenIdsAtThatInstant).toEqual(['t1'])

    const rest = await listByCreatedAt(fake.list, { pageSize: 3 }, { from: position })
    const all = [...first.items, ...rest.items].map((r) => r.id)
    expect(all.sort()).toEqual(idsOf(rows))
    expect(rest).toMatchObject({ complete: true, countDrift: null })
  })
})

describe('listByCreatedAt: answers that would loop or skip', () => {
  const pageOf = (items: Row[], over: Partial<MonacoListPage<Row>> = {}): MonacoListPage<Row> => ({
    items,
    skipped: [],
    page: 1,
    pageSize: items.length,
    totalCount: 10,
    totalPages: 5,
    hasMore: true,
    ...over
  })

  it('a page that does not advance (the same tie forever) is an error, not an endless loop', async () => {
    const same = [row('x1', 1), row('x2', 1)]
    let calls = 0
    const list = () => {
      calls++
      return Promise.resolve(pageOf(same))
    }
    const error = await listByCreatedAt(list, { pageSize: 2 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BadResponseError)
    expect((error as BadResponseError).detail).toMatch(/no progress/)
    expect(calls).toBeLessThan(5)
  })

  it('an empty page that says more follow is an error', async () => {
    const list = () => Promise.resolve(pageOf([]))
    await expect(listByCreatedAt(list)).rejects.toThrow(BadResponseError)
  })

  it('a server that ignores the created_at filter (records before the position) is refused', async () => {
    const list = (params: MonacoListParams) =>
      Promise.resolve(
        pageOf([row('a', 1), row('b', 2)], { page: params.page ?? 1, totalCount: 4, totalPages: 2 })
      )
    const error = await listByCreatedAt(list, { pageSize: 2 }).catch((e: unknown) => e)
    expect((error as BadResponseError).detail).toMatch(/asked for records from .*, got one/)
  })

  it('records out of created_at order are refused', async () => {
    const list = () => Promise.resolve(pageOf([row('b', 2), row('a', 1)]))
    const error = await listByCreatedAt(list).catch((e: unknown) => e)
    expect((error as BadResponseError).detail).toMatch(/not in created_at order/)
  })

  it('stops at once when aborted, between pages', async () => {
    const fake = fakeList(ascending(9))
    const controller = new AbortController()
    fake.afterPage = (call) => {
      if (call === 2) controller.abort()
    }
    await expect(
      listByCreatedAt(fake.list, { pageSize: 3 }, { signal: controller.signal })
    ).rejects.toBeInstanceOf(CancelledError)
    expect(fake.calls).toHaveLength(2)
  })
})
