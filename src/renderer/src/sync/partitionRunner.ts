/**
 * Pages one partition to its end. Requests run ahead of the writes (see PagesAhead), and every
 * page is committed, in order, with the cursor that follows it, so the partition can be resumed
 * from its last committed page after anything short of data loss.
 */
import type { ListPage } from '../../../shared/domain'
import type { SyncResource } from '../../../shared/sync/pageSource'
import type { WorkspaceCache } from '../cache/db'
import type { PartitionSyncState, PassMode, SyncErrorInfo } from '../cache/syncState'
import type { AbortScope } from './abortScope'
import { isoAt } from './clock'
import { classifyFailure, toErrorInfo } from './failures'
import { RunStoppedError, type PageFetch } from './fetching'
import type { ResolvedSyncOptions } from './options'
import type { SyncRecord } from './partitions'
import { PagesAhead } from './pagesAhead'
import {
  commitPages,
  markPartitionFailed,
  restartPartition,
  type FetchedPageToCommit
} from './passStore'

export type PartitionOutcome = 'done' | 'errored' | 'stopped'

export interface PartitionRunContext {
  db: WorkspaceCache
  options: ResolvedSyncOptions
  fetch: PageFetch
  scope: AbortScope
  mode: PassMode
  onCommitted(row: PartitionSyncState): void
  onFailed(partition: string, error: SyncErrorInfo): void
}

export async function runPartition(
  ctx: PartitionRunContext,
  initial: PartitionSyncState
): Promise<PartitionOutcome> {
  if (initial.done) return 'done'
  // Disposed when this partition ends, so an unneeded prefetch does not linger.
  const local = ctx.scope.child()

  let row = initial
  let restarted = false
  const fetchFrom = (cursor: string | null): Promise<ListPage<SyncRecord>> =>
    ctx.fetch(
      {
        resource: row.resource as SyncResource,
        query: row.query,
        perPage: ctx.options.perPage,
        ...(cursor === null ? {} : { cursor })
      },
      local.signal,
      remainingPagesEstimate(row)
    )

  let ahead = new PagesAhead(fetchFrom, row.cursor, ctx.options.pagesAhead)
  try {
    for (;;) {
      const { cursor, page: fetching } = await ahead.next()
      let page: ListPage<SyncRecord>
      try {
        page = await fetching
      } catch (error) {
        if (error instanceof RunStoppedError || ctx.scope.aborted) return 'stopped'
        // A saved cursor the server no longer accepts: list the partition again from the top.
        if (!restarted && cursor !== null && classifyFailure(error) === 'rejected') {
          restarted = true
          ahead.stop()
          row = await restartPartition(ctx.db, row, isoAt(ctx.options.clock.now()))
          ahead = new PagesAhead(fetchFrom, null, ctx.options.pagesAhead)
          continue
        }
        const info = toErrorInfo(error, isoAt(ctx.options.clock.now()))
        await markPartitionFailed(ctx.db, row, info)
        ctx.onFailed(row.partition, info)
        return 'errored'
      }
      // Cancelled: pages fetched ahead are dropped, not written; the checkpoint resumes them.
      if (ctx.scope.aborted) return 'stopped'
      // Later pages that have already arrived are committed with it, in one transaction.
      const pages = [toCommit(page)]
      while (pages.length < ctx.options.pagesAhead && pages.at(-1)?.nextCursor != null) {
        const arrived = ahead.nextArrived()
        if (arrived === null) break
        pages.push(toCommit(arrived))
      }
      const next = pages.at(-1)?.nextCursor ?? null
      // Views get the rows as cached (a deal's pending local values, not the server's).
      let written: readonly object[] = []
      row = await commitPages(ctx.db, {
        resource: row.resource,
        partition: row,
        cursor,
        pages,
        mode: ctx.mode,
        now: isoAt(ctx.options.clock.now()),
        onRowsWritten: (rows) => (written = rows)
      })
      ctx.onCommitted(row)
      ctx.options.onRecordsCommitted?.(row.resource, written)
      if (next === null) break
    }
    return 'done'
  } finally {
    ahead.stop()
    local.dispose()
  }
}

function toCommit(page: ListPage<SyncRecord>): FetchedPageToCommit {
  return { page, nextCursor: page.hasMore ? page.cursor : null }
}

/**
 * Roughly how many pages the partition still needs, as its fetch priority: a partition's pages
 * can only come one after another, so the one with the most left should never wait behind the
 * others, or it ends the sync alone. A date window knows how far through its span it is; for
 * anything else, having needed many pages is the best hint that many more are coming.
 */
export function remainingPagesEstimate(
  row: Pick<PartitionSyncState, 'pages' | 'maxDate' | 'span'>
): number {
  if (row.span && row.maxDate !== null && row.pages > 0) {
    const from = Date.parse(row.span.from)
    const to = Date.parse(row.span.to)
    const reached = Date.parse(row.maxDate)
    const done = (reached - from) / (to - from)
    if (Number.isFinite(done) && done > 0.02) {
      return (row.pages * Math.max(0, 1 - Math.min(1, done))) / done
    }
  }
  return row.pages
}
