/**
 * The index walk resumes inside a tie group by primary key, not by counting ties: a position
 * saved before the cache changed still resumes at the right row (a count would skip a row
 * when an earlier tie is deleted), and a walk through one huge tie group reads each row once.
 */
import 'fake-indexeddb/auto'
import type { IndexableType, Table } from 'dexie'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openWorkspaceCache, type WorkspaceCache } from '../../../src/renderer/src/cache'
import {
  positionAt,
  START,
  walk,
  walkOrder,
  type WalkPosition
} from '../../../src/renderer/src/grid/query/indexWalk'
import type { QueryRow } from '../../../src/renderer/src/grid/query/types'
import { uniqueWorkspaceId } from '../sync/support/cache'

const ROWS = 1_200
let cache: WorkspaceCache
let table: Table<QueryRow, IndexableType>

const row = (i: number): QueryRow => ({
  uuid: `cus_${String((i * 37) % ROWS).padStart(4, '0')}`,
  name: `Customer ${i}`,
  // Two tie groups of 600: a chunk of 100 always lands inside one.
  status: i % 2 === 0 ? 'Active' : 'Lead',
  _gen: 1
})

beforeAll(async () => {
  cache = await openWorkspaceCache(uniqueWorkspaceId('index-walk'))
  table = cache.customers as unknown as Table<QueryRow, IndexableType>
})
afterAll(() => cache.close())

async function reset(): Promise<void> {
  await table.clear()
  await table.bulkPut(Array.from({ length: ROWS }, (_, i) => row(i)))
}

/** Walks `count` rows (all if omitted) from `from`, returning their keys and the position reached. */
async function take(
  dir: 'asc' | 'desc',
  from: WalkPosition,
  count = Infinity
): Promise<{ keys: string[]; at: WalkPosition | null }> {
  const order = await walkOrder(table, 'uuid', 'status', dir)
  const keys: string[] = []
  let at: WalkPosition | null = from
  const reached = await walk(
    order,
    from,
    null,
    (visited, next) => {
      keys.push(visited['uuid'] as string)
      at = next
      return keys.length < count
    },
    100
  )
  return { keys, at: reached ?? at }
}

/** The defined order: status, then primary key (reversed whole for desc). */
function expected(dir: 'asc' | 'desc', rows: QueryRow[]): string[] {
  const sorted = [...rows].sort((a, b) =>
    a['status'] === b['status']
      ? (a['uuid'] as string) < (b['uuid'] as string)
        ? -1
        : 1
      : (a['status'] as string) < (b['status'] as string)
        ? -1
        : 1
  )
  const keys = sorted.map((r) => r['uuid'] as string)
  return dir === 'asc' ? keys : keys.reverse()
}

describe.each(['asc', 'desc'] as const)('index walk %s', (dir) => {
  test('walks two 600-row tie groups in chunks of 100 in the defined order', async () => {
    await reset()
    const { keys } = await take(dir, START)
    expect(keys).toEqual(expected(dir, await table.toArray()))
  })

  test('resumes at the right row after an earlier tie is deleted', async () => {
    await reset()
    const first = await take(dir, START, 250)
    const before = expected(dir, await table.toArray())
    expect(first.keys).toEqual(before.slice(0, 250))
    // A sync removes a row the user already scrolled past, in the same tie group.
    await table.delete(first.keys[240]!)
    const rest = await take(dir, first.at!)
    expect(rest.keys).toEqual(before.slice(250))
  })

  test('resumes at the right row after a tie is added before the position', async () => {
    await reset()
    const first = await take(dir, START, 250)
    const before = expected(dir, await table.toArray())
    const tieGroup = before.slice(0, 250).at(-1)!
    const status = (await table.get(tieGroup))!['status']
    // Sorts before every key already read (asc) or after (desc): behind the position either way.
    const behind = dir === 'asc' ? 'cus_' : 'cus_~'
    await table.put({ uuid: behind, name: 'New', status, _gen: 1 })
    const rest = await take(dir, first.at!)
    expect(rest.keys).toEqual(before.slice(250))
  })
})

describe.each(['asc', 'desc'] as const)('skipping to a rank %s', (dir) => {
  test('reads the same rows from there as walking to it, blanks included', async () => {
    await reset()
    // Blank statuses: a segment of their own, last in both directions.
    await table.bulkPut(
      Array.from({ length: 30 }, (_, i) => ({ uuid: `cus_blank_${i}`, name: 'Blank', _gen: 1 }))
    )
    const all = (await take(dir, START)).keys
    expect(all).toHaveLength(ROWS + 30)
    const order = await walkOrder(table, 'uuid', 'status', dir)
    const blanksAt = [ROWS, ROWS + 30]
    for (const rank of [0, 29, 30, 31, 599, 600, 601, 1_000, ROWS - 1, ROWS + 29]) {
      const at = await positionAt(order, rank)
      if (rank >= blanksAt[0]! && rank < blanksAt[1]!) {
        // Inside the blanks: no native skip (the caller walks).
        expect(at, `rank ${rank}`).toBeNull()
        continue
      }
      const rest = await take(dir, at!)
      expect(rest.keys, `rank ${rank}`).toEqual(all.slice(rank + 1))
    }
    expect(await positionAt(order, ROWS + 30)).toBeNull()
  })
})
