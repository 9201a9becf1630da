/**
 * The sync engine's persistent checkpoints, one row per resource and one per partition of the
 * resource's current pass. They live in the cache database so that a page of records and the
 * cursor that follows it are committed in the same transaction.
 */
import type { SkippedRecord } from '../../../shared/domain'
import type { PageQuery, SyncResource } from '../../../shared/sync/pageSource'

export type PassMode = 'full' | 'incremental'

/** A failure as stored and shown: plain data, no Error instances (structured-clone safe). */
export interface SyncErrorInfo {
  /** The error's kind/code as the page source reported it (e.g. `bad_response`). */
  kind: string
  message: string
  at: string
}

export interface PassInfo {
  generation: number
  mode: PassMode
  startedAt: string
  /** Partition ids in plan order; their rows hold the checkpoints. */
  partitionIds: string[]
  /** Records expected, from the previous pass or the cache, for progress estimates. */
  expectedRecords: number | null
  /** Customers: uuids of the unfiltered sample page, checked once the status partitions finish. */
  sampleUuids?: string[]
  /** The completeness check already ran (or is not needed: a single unfiltered listing). */
  checked?: boolean
  /** The check failed and an unfiltered listing was added to complete the pass. */
  fellBack?: boolean
  /**
   * The table was empty when the pass began (a first sync): every row is this pass's, so
   * looking for rows it did not write (a scan, for tables without a `_gen` index) is skipped.
   */
  startedEmpty?: boolean
}

export interface PassSummary {
  generation: number
  mode: PassMode
  startedAt: string
  completedAt: string
  pages: number
  records: number
  skipped: number
  /** Rows removed because the server no longer had them. */
  removed: number
  /** Whether the partitioned listing had to be completed by an unfiltered one. */
  fellBack: boolean
}

export interface ResourceSyncState {
  /** The resource name. */
  id: SyncResource
  kind: 'resource'
  resource: SyncResource
  /** Highest generation issued for this resource; the next pass gets one more. */
  generation: number
  /** The pass under way or interrupted (resumed by the next run); null between passes. */
  pass: PassInfo | null
  lastPass: PassSummary | null
  lastCompletePassAt: string | null
  /** When the last full pass (every record listed, stale rows removed) completed. */
  lastFullPassAt: string | null
  lastError: SyncErrorInfo | null
  /** Activities: the newest activity date seen by a completed pass (incremental start point). */
  highWaterDate: string | null
}

export interface PartitionSyncState {
  /** `<resource>/<partition>`. */
  id: string
  kind: 'partition'
  resource: SyncResource
  partition: string
  query: PageQuery[SyncResource]
  /** Generation of the pass this partition belongs to. */
  generation: number
  /** Cursor of the next page to fetch; null = the first page. */
  cursor: string | null
  done: boolean
  pages: number
  records: number
  skipped: number
  /** Records whose fields contradict the partition's filter (the server ignored or bent it). */
  outOfRange: number
  /** Newest record date seen (activities), for the incremental high-water mark. */
  maxDate: string | null
  /** The date range the partition covers (activity windows), for progress estimates. */
  span?: { from: string; to: string }
  /** Values of the partitioning field seen, when the partition is an unfiltered fallback. */
  valuesSeen?: (string | null)[]
  lastSkipped: SkippedRecord[]
  lastError: SyncErrorInfo | null
  updatedAt: string
}

export type SyncStateRow = ResourceSyncState | PartitionSyncState

export function partitionRowId(resource: SyncResource, partition: string): string {
  return `${resource}/${partition}`
}
