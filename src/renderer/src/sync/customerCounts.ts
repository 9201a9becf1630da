/**
 * Whether listing customers by status would miss some, asked before listing anything.
 *
 * ChartMogul's list filters cannot select customers with no status (or one we do not know), so
 * status partitions miss them, and finding that out afterwards costs a second, unfiltered
 * listing of every customer. A first page still carries the deprecated `total_pages`; asked for
 * one record per page, that is the listing's exact size. One such page for every customer and
 * one per status — all small, sent at once — tell whether the statuses add up to everyone.
 */
import type { ListPage } from '../../../shared/domain'
import type { PageQuery } from '../../../shared/sync/pageSource'
import type { SyncRecord } from './partitions'
import { KNOWN_STATUS_FILTERS } from './partitions'

export type CountProbe = (query: PageQuery['customers']) => Promise<ListPage<SyncRecord>>

/**
 * True when the statuses do not add up to every customer (some would be missed, or a filter is
 * ignored); false when they do; null when the server did not say (then the completeness check
 * after the pass decides, as it always did).
 */
export async function statusesMissCustomers(countPage: CountProbe): Promise<boolean | null> {
  const queries: PageQuery['customers'][] = [
    {},
    ...KNOWN_STATUS_FILTERS.map((status) => ({ status }))
  ]
  const counts = await Promise.all(queries.map(async (query) => sizeOf(await countPage(query))))
  const [everyone, ...byStatus] = counts
  if (everyone === null || everyone === undefined || byStatus.some((n) => n === null)) return null
  const listed = byStatus.reduce<number>((sum, n) => sum + (n as number), 0)
  return listed !== everyone
}

/** The size of a listing from its first page fetched at one record per page. */
function sizeOf(page: ListPage<SyncRecord>): number | null {
  if (!page.hasMore && page.items.length + page.skipped.length === 0) return 0
  return page.totalPages ?? null
}
