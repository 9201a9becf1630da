import { describe, expect, it } from 'vitest'
import { BadResponseError } from '../../../src/main/chartmogul'
import { listAllPages, type MonacoListParams } from '../../../src/main/monaco'
import type { MonacoListPage } from '../../../src/main/monaco'

/** Page numbers until `page >= total_pages`; completeness from `total_count`. */

type Row = { id: string }

function pages(content: Row[][], totalCount: number, pageSize = 2) {
  const calls: MonacoListParams[] = []
  const list = (params: MonacoListParams): Promise<MonacoListPage<Row>> => {
    calls.push(params)
    const page = params.page ?? 1
    const items = content[page - 1] ?? []
    return Promise.resolve({
      items,
      skipped: [],
      page,
      pageSize,
      totalCount,
      totalPages: content.length,
      hasMore: page < content.length
    })
  }
  return { list, calls }
}

describe('listAllPages', () => {
  it('follows page numbers to the last page and is complete when every counted record came', async () => {
    const { list, calls } = pages([[{ id: 'a' }, { id: 'b' }], [{ id: 'c' }]], 3)
    const listing = await listAllPages(list, { pageSize: 2, sort: 'created_at' })
    expect(calls.map((c) => c.page)).toEqual([1, 2])
    expect(calls[1]).toMatchObject({ pageSize: 2, sort: 'created_at' })
    expect(listing).toMatchObject({ totalCount: 3, complete: true })
    expect(listing.items.map((r) => r.id)).toEqual(['a', 'b', 'c'])
  })

  it('a record shifted between pages (seen twice, another missed) makes it incomplete', async () => {
    const { list } = pages(
      [
        [{ id: 'a' }, { id: 'b' }],
        [{ id: 'b' }, { id: 'd' }]
      ],
      4
    )
    const listing = await listAllPages(list, { pageSize: 2 })
    expect(listing.items.map((r) => r.id)).toEqual(['a', 'b', 'd'])
    expect(listing.complete).toBe(false)
  })

  it('a server that never stops saying "more" is stopped', async () => {
    const list = (params: MonacoListParams): Promise<MonacoListPage<Row>> =>
      Promise.resolve({
        items: [{ id: String(params.page) }],
        skipped: [],
        page: params.page ?? 1,
        pageSize: 1,
        totalCount: 2,
        totalPages: 2,
        hasMore: true
      })
    await expect(listAllPages(list)).rejects.toBeInstanceOf(BadResponseError)
  })
})
