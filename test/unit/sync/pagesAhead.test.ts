/** Requests run ahead of slow writes, within a bound, and pages still come out in order. */
import { expect, test } from 'vitest'
import type { ListPage } from '../../../src/shared/domain'
import type { SyncRecord } from '../../../src/renderer/src/sync/partitions'
import { PagesAhead } from '../../../src/renderer/src/sync/pagesAhead'

/** A listing of `pages` pages whose requests answer at once; records which cursors were asked. */
function listing(pages: number, failAt?: number) {
  const asked: (string | null)[] = []
  const fetchFrom = async (cursor: string | null): Promise<ListPage<SyncRecord>> => {
    asked.push(cursor)
    const index = cursor === null ? 0 : Number(cursor)
    if (index === failAt) throw new Error(`page ${index} failed`)
    return {
      items: [{ uuid: `r${index}` } as unknown as SyncRecord],
      skipped: [],
      cursor: String(index + 1),
      hasMore: index + 1 < pages
    }
  }
  return { asked, fetchFrom }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5))

test('while the writer holds a page, up to `depth` more are fetched, and no more', async () => {
  const { asked, fetchFrom } = listing(10)
  const ahead = new PagesAhead(fetchFrom, null, 3)
  const first = await ahead.next() // the writer is now "writing" page 0, slowly
  await settle()
  expect(first.cursor).toBeNull()
  expect(asked).toEqual([null, '1', '2', '3'])
  await ahead.next()
  await settle()
  expect(asked).toEqual([null, '1', '2', '3', '4'])
  ahead.stop()
})

test('pages come out in order with the cursor each was fetched with, and the chain ends', async () => {
  const { asked, fetchFrom } = listing(6)
  const ahead = new PagesAhead(fetchFrom, '2', 2)
  const seen: { cursor: string | null; uuid: string; hasMore: boolean }[] = []
  for (;;) {
    const { cursor, page } = await ahead.next()
    const { items, hasMore } = await page
    seen.push({ cursor, uuid: (items[0] as unknown as { uuid: string }).uuid, hasMore })
    if (!hasMore) break
  }
  expect(seen).toEqual([
    { cursor: '2', uuid: 'r2', hasMore: true },
    { cursor: '3', uuid: 'r3', hasMore: true },
    { cursor: '4', uuid: 'r4', hasMore: true },
    { cursor: '5', uuid: 'r5', hasMore: false }
  ])
  await settle()
  expect(asked).toEqual(['2', '3', '4', '5'])
})

test('a failed request reaches the writer in its place, and nothing after it is asked', async () => {
  const { asked, fetchFrom } = listing(10, 2)
  const ahead = new PagesAhead(fetchFrom, null, 4)
  await (
    await ahead.next()
  ).page
  await (
    await ahead.next()
  ).page
  await expect((await ahead.next()).page).rejects.toThrow('page 2 failed')
  await settle()
  expect(asked).toEqual([null, '1', '2'])
})

test('depth 1 is the classic one-page prefetch', async () => {
  const { asked, fetchFrom } = listing(10)
  const ahead = new PagesAhead(fetchFrom, null, 1)
  await ahead.next()
  await settle()
  expect(asked).toEqual([null, '1'])
  ahead.stop()
  await ahead.next()
  await settle()
  expect(asked).toEqual([null, '1'])
})

test('the pages that have already arrived can be taken without waiting, in order', async () => {
  const { fetchFrom } = listing(10)
  const ahead = new PagesAhead(fetchFrom, null, 3)
  await (
    await ahead.next()
  ).page
  await settle()
  const arrived = [ahead.nextArrived(), ahead.nextArrived(), ahead.nextArrived()]
  expect(arrived.map((page) => page?.cursor)).toEqual(['2', '3', '4'])
  await settle()
  // Taking them made room: the next three are fetched, and arrive.
  expect(ahead.nextArrived()?.cursor).toBe('5')
  ahead.stop()
})
