/**
 * Did a sync that was interrupted (a reload) resume, or start over? Compares the checkpoints
 * committed at the interruption with the requests the app sent on either side of it.
 *
 * A cursor-paged listing has at most one request outstanding per partition (page n+1 is asked
 * for once page n has arrived; pages ahead only wait in memory for the writer). So when the
 * network is frozen and every page that did arrive has been committed, the only page the
 * interrupted run fetched but did not commit is the one in flight in each partition: that one
 * may legitimately be asked for again, and must be, since its cursor is the checkpoint. Every
 * page answered before the interruption is committed and must never be asked for again.
 */
import type {
  PartitionSyncState,
  ResourceSyncState,
  SyncStateRow
} from '../../../src/renderer/src/cache/syncState'
import type { SyncResource } from '../../../src/shared/sync/pageSource'
import type { RecordedRequest } from './requestRecorder'

export interface ResumeReport {
  resource: SyncResource
  /** Pages the first run had committed in this resource's pass (from its checkpoints). */
  committedPages: number
  /** Listing pages answered before the interruption (all committed once the network froze). */
  answeredBefore: number
  /** Requests after the interruption for a page already answered before it: must be none. */
  refetchedAnswered: string[]
  /** Checkpoint cursors of unfinished partitions that the run after it never asked for. */
  checkpointsNotResumed: string[]
  /** Requests after it repeating one still unanswered at the interruption (the in-flight page). */
  refetchedInFlight: string[]
  /** Unfinished partitions at the interruption (each may have one in-flight page). */
  unfinishedPartitions: number
}

const listingPath = (resource: SyncResource): string => `/v1/${resource}`

function pathOf(url: string): string {
  return new URL(url, 'http://recorded').pathname
}

function cursorOf(url: string): string | null {
  return new URL(url, 'http://recorded').searchParams.get('cursor')
}

function isResource(row: SyncStateRow): row is ResourceSyncState {
  return row.kind === 'resource'
}

/** Resources whose pass was under way at the interruption, each with a report. */
export function resumeReports(
  checkpoints: readonly SyncStateRow[],
  requests: readonly RecordedRequest[],
  interruptedAt: number
): ResumeReport[] {
  return checkpoints.filter(isResource).flatMap((state) => {
    const pass = state.pass
    if (pass === null) return []
    const partitions = checkpoints.filter(
      (row): row is PartitionSyncState =>
        row.kind === 'partition' &&
        row.resource === state.resource &&
        row.generation === pass.generation
    )
    const listing = requests.filter(
      (r) => r.method === 'GET' && pathOf(r.url) === listingPath(state.resource)
    )
    const before = listing.filter((r) => r.arrivedAt < interruptedAt)
    const after = listing.filter((r) => r.arrivedAt > interruptedAt)
    const answered = new Set(
      before
        .filter((r) => r.status === 200 && (r.answeredAt ?? Infinity) < interruptedAt)
        .map((r) => r.url)
    )
    const unanswered = new Set(before.filter((r) => !answered.has(r.url)).map((r) => r.url))
    const askedAfter = new Set(after.map((r) => cursorOf(r.url)))
    const unfinished = partitions.filter((p) => !p.done)
    return [
      {
        resource: state.resource,
        committedPages: partitions.reduce((sum, p) => sum + p.pages, 0),
        answeredBefore: answered.size,
        refetchedAnswered: after.filter((r) => answered.has(r.url)).map((r) => r.url),
        checkpointsNotResumed: unfinished
          .map((p) => p.cursor)
          .filter((cursor): cursor is string => cursor !== null && !askedAfter.has(cursor)),
        refetchedInFlight: [...new Set(after.map((r) => r.url))].filter((url) =>
          unanswered.has(url)
        ),
        unfinishedPartitions: unfinished.length
      }
    ]
  })
}
