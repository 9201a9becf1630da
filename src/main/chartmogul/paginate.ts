import type { ListPage, SkippedRecord } from '../../shared/domain'
import { BadResponseError, CancelledError } from './errors'

/** Any one-page list call of the client. */
export type ListFn<P, T> = (
  params: P & { cursor?: string },
  options: { signal?: AbortSignal }
) => Promise<ListPage<T>>

/**
 * Follows `cursor` while `has_more` is true, yielding each page (with its skipped records).
 * ChartMogul returns a cursor even on the last page, so only `hasMore` decides. A server
 * that keeps saying "more" without moving on is stopped rather than followed forever.
 */
export async function* paginate<P extends object, T>(
  list: ListFn<P, T>,
  params: P & { cursor?: string },
  options: { signal?: AbortSignal } = {}
): AsyncGenerator<ListPage<T>, void, undefined> {
  const { signal } = options
  const seen = new Set<string>()
  let cursor = params.cursor
  for (;;) {
    if (signal?.aborted) throw new CancelledError(false)
    const page = await list({ ...params, cursor }, { signal })
    yield page
    if (!page.hasMore) return
    if (page.cursor === null || page.cursor === '') {
      throw new BadResponseError('has_more is true but no cursor was sent')
    }
    if (seen.has(page.cursor)) {
      throw new BadResponseError('the same cursor came back twice; stopped to avoid a loop')
    }
    seen.add(page.cursor)
    cursor = page.cursor
  }
}

/** Every page, concatenated. Skipped indexes are per page, so each carries its page number. */
export async function listAll<P extends object, T>(
  list: ListFn<P, T>,
  params: P & { cursor?: string },
  options: { signal?: AbortSignal } = {}
): Promise<{ items: T[]; skipped: Array<SkippedRecord & { page: number }> }> {
  const items: T[] = []
  const skipped: Array<SkippedRecord & { page: number }> = []
  let page = 0
  for await (const result of paginate(list, params, options)) {
    items.push(...result.items)
    skipped.push(...result.skipped.map((record) => ({ ...record, page })))
    page += 1
  }
  return { items, skipped }
}
