import type { SkippedRecord } from '../../shared/domain'
import { BadResponseError, CancelledError } from '../chartmogul/errors'
import type { MonacoListParams } from './listRequest'
import type { MonacoListPage } from './models'

/** One list call of the client, for one entity. */
export type MonacoListFn<T> = (
  params: MonacoListParams,
  options: { signal?: AbortSignal }
) => Promise<MonacoListPage<T>>

export interface MonacoListing<T> {
  items: T[]
  skipped: Array<SkippedRecord & { page: number }>
  /** What the last page said the listing holds. */
  totalCount: number
  /**
   * Whether every record Monaco counted was seen (kept or skipped, duplicates removed).
   * Monaco pages by offset: a record created or deleted while listing shifts the rest, so a
   * listing can miss or repeat records. A caller must not treat an incomplete listing as the
   * full set (e.g. to remove what the server "no longer has").
   */
  complete: boolean
}

/**
 * Follows page numbers from `params.page` (default 1) until `page >= total_pages`, as Monaco's
 * docs say. For a full listing a sync relies on, use `listByCreatedAt` (keysetListing.ts):
 * page numbers shift under deletions, and `complete` here can be true with a record missed. Records are de-duplicated by id. A server that keeps saying "more" past the page
 * count it first announced (plus slack for records added meanwhile) is stopped, not followed.
 */
export async function listAllPages<T extends { id: string }>(
  list: MonacoListFn<T>,
  params: MonacoListParams = {},
  options: { signal?: AbortSignal; maxPages?: number } = {}
): Promise<MonacoListing<T>> {
  const byId = new Map<string, T>()
  const skipped: Array<SkippedRecord & { page: number }> = []
  let pageNumber = params.page ?? 1
  let limit = options.maxPages ?? Number.POSITIVE_INFINITY
  let last: MonacoListPage<T> | null = null
  let shortPage = false

  for (let fetched = 0; ; fetched++) {
    if (options.signal?.aborted) throw new CancelledError(false)
    if (fetched >= limit) {
      throw new BadResponseError('the listing kept growing past its announced page count')
    }
    const page = await list({ ...params, page: pageNumber }, { signal: options.signal })
    if (last === null) limit = Math.min(limit, page.totalPages + 2)
    for (const item of page.items) byId.set(item.id, item)
    skipped.push(...page.skipped.map((record) => ({ ...record, page: pageNumber })))
    // A page that is not full before the last one means records moved under us.
    if (page.hasMore && page.items.length + page.skipped.length < page.pageSize) shortPage = true
    last = page
    if (!page.hasMore) break
    pageNumber += 1
  }

  const seen =
    byId.size + skipped.filter((record) => record.id === undefined || !byId.has(record.id)).length
  return {
    items: [...byId.values()],
    skipped,
    totalCount: last.totalCount,
    complete: !shortPage && seen >= last.totalCount
  }
}
