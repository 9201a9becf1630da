import { describe, expect, it } from 'vitest'
import { listAll, paginate, type ListFn } from '../../../src/main/chartmogul'
import type { ListPage } from '../../../src/shared/domain'

/** Cursor following, independent of HTTP. */

function pages(...script: Array<Partial<ListPage<number>>>): {
  list: ListFn<{ filter?: string }, number>
  calls: Array<{ cursor?: string; filter?: string }>
} {
  const calls: Array<{ cursor?: string; filter?: string }> = []
  let index = 0
  return {
    calls,
    list: async (params) => {
      calls.push({ ...params })
      const page = script[index++]
      if (!page) throw new Error('asked for a page past the end')
      return { items: [], skipped: [], cursor: null, hasMore: false, ...page }
    }
  }
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const value of iterable) out.push(value)
  return out
}

describe('paginate', () => {
  it('passes filters through, follows cursors, and stops on hasMore=false', async () => {
    const { list, calls } = pages(
      { items: [1, 2], cursor: 'a', hasMore: true },
      { items: [3], cursor: 'b', hasMore: true },
      { items: [4], cursor: 'c', hasMore: false }
    )
    const result = await collect(paginate(list, { filter: 'x' }))
    expect(result.map((p) => p.items)).toEqual([[1, 2], [3], [4]])
    expect(calls).toEqual([
      { filter: 'x', cursor: undefined },
      { filter: 'x', cursor: 'a' },
      { filter: 'x', cursor: 'b' }
    ])
  })

  it('starts from a given cursor', async () => {
    const { list, calls } = pages({ items: [9], cursor: 'z', hasMore: false })
    await collect(paginate(list, { cursor: 'resume-here' }))
    expect(calls[0]?.cursor).toBe('resume-here')
  })

  it('refuses to loop on a repeated cursor or a missing one', async () => {
    const repeated = pages(
      { cursor: 'a', hasMore: true },
      { cursor: 'a', hasMore: true },
      { cursor: 'a', hasMore: true }
    )
    await expect(collect(paginate(repeated.list, {}))).rejects.toMatchObject({
      kind: 'BadResponse',
      detail: expect.stringMatching(/same cursor/)
    })
    expect(repeated.calls).toHaveLength(2)

    const missing = pages({ cursor: null, hasMore: true })
    await expect(collect(paginate(missing.list, {}))).rejects.toMatchObject({
      kind: 'BadResponse'
    })
  })

  it('stops between pages when aborted', async () => {
    const controller = new AbortController()
    const { list, calls } = pages({ items: [1], cursor: 'a', hasMore: true }, { items: [2] })
    const seen: number[][] = []
    await expect(
      (async () => {
        for await (const page of paginate(list, {}, { signal: controller.signal })) {
          seen.push(page.items)
          controller.abort()
        }
      })()
    ).rejects.toMatchObject({ kind: 'Cancelled' })
    expect(seen).toEqual([[1]])
    expect(calls).toHaveLength(1)
  })

  it('listAll tags skipped records with their page', async () => {
    const { list } = pages(
      { items: [1], cursor: 'a', hasMore: true, skipped: [{ index: 1, issues: [] }] },
      { items: [2], skipped: [{ index: 0, id: 'x', issues: [] }] }
    )
    await expect(listAll(list, {})).resolves.toEqual({
      items: [1, 2],
      skipped: [
        { index: 1, issues: [], page: 0 },
        { index: 0, id: 'x', issues: [], page: 1 }
      ]
    })
  })
})
