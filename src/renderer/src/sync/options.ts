import { SYNC_RESOURCES, type SyncResource } from '../../../shared/sync/pageSource'
import { systemSyncClock, type SyncClock } from './clock'

export interface SyncEngineOptions {
  /** Resources a run syncs when it is not told otherwise; default all four. */
  resources?: readonly SyncResource[]
  /** Page fetches in flight at once; default 8. */
  maxInFlight?: number
  /** Records per page asked for; default 200 (ChartMogul's maximum). */
  perPage?: number
  /**
   * Pages a partition may fetch beyond the one being written; default 4. Above 1, requests keep
   * going while slow cache writes catch up (fetched pages wait in memory, never committed early).
   */
  pagesAhead?: number
  /** Attempts per page at the engine level (the gateway retries transient errors itself); default 4. */
  pageAttempts?: number
  /** First engine-level retry delay, doubled per attempt; default 1 s. */
  retryDelayMs?: number
  /** Ceiling of the engine-level retry delay; default 15 s. */
  maxRetryDelayMs?: number
  /** Incremental activity pulls restart this far before the newest activity seen; default 1 day. */
  activityOverlapMs?: number
  /** Activities get a full pass (and stale removal) at least this often; default 7 days. */
  activityFullPassEveryMs?: number
  /** Most partitions one resource is split into; default 16 (more windows, shorter tail). */
  maxPartitions?: number
  /** Pages a partition should hold, at least; below that, splitting costs more than it saves. Default 4. */
  pagesPerPartition?: number
  /**
   * A partitioned full pass that would remove more than this share of a resource (and more than
   * `massRemovalFloor` rows) is first confirmed by an unfiltered listing; default 0.1.
   */
  massRemovalShare?: number
  massRemovalFloor?: number
  /** After an unfiltered listing found customers no status filter can reach, list unfiltered this long; default 7 days. */
  unfilteredCustomersForMs?: number
  /** Answers whether the machine is online; a run started while offline fetches nothing. */
  isOnline?: () => boolean
  /**
   * Hears each page's records right after they are committed (e.g. to update a visible grid
   * in place instead of re-reading whole tables while a sync runs).
   */
  onRecordsCommitted?: (resource: SyncResource, records: readonly object[]) => void
  clock?: SyncClock
}

export type ResolvedSyncOptions = Required<
  Omit<SyncEngineOptions, 'isOnline' | 'onRecordsCommitted'>
> &
  Pick<SyncEngineOptions, 'isOnline' | 'onRecordsCommitted'>

const DAY_MS = 86_400_000

export function resolveSyncOptions(options: SyncEngineOptions = {}): ResolvedSyncOptions {
  const resolved: ResolvedSyncOptions = {
    resources: options.resources ?? SYNC_RESOURCES,
    maxInFlight: options.maxInFlight ?? 8,
    perPage: options.perPage ?? 200,
    pagesAhead: options.pagesAhead ?? 4,
    pageAttempts: options.pageAttempts ?? 4,
    retryDelayMs: options.retryDelayMs ?? 1_000,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 15_000,
    activityOverlapMs: options.activityOverlapMs ?? DAY_MS,
    activityFullPassEveryMs: options.activityFullPassEveryMs ?? 7 * DAY_MS,
    maxPartitions: options.maxPartitions ?? 16,
    pagesPerPartition: options.pagesPerPartition ?? 4,
    massRemovalShare: options.massRemovalShare ?? 0.1,
    massRemovalFloor: options.massRemovalFloor ?? 50,
    unfilteredCustomersForMs: options.unfilteredCustomersForMs ?? 7 * DAY_MS,
    isOnline: options.isOnline,
    onRecordsCommitted: options.onRecordsCommitted,
    clock: options.clock ?? systemSyncClock
  }
  if (!Number.isInteger(resolved.perPage) || resolved.perPage < 1 || resolved.perPage > 200) {
    throw new RangeError(`perPage must be 1–200; got ${resolved.perPage}.`)
  }
  if (!Number.isInteger(resolved.pagesAhead) || resolved.pagesAhead < 1) {
    throw new RangeError(`pagesAhead must be ≥ 1; got ${resolved.pagesAhead}.`)
  }
  if (!Number.isInteger(resolved.pageAttempts) || resolved.pageAttempts < 1) {
    throw new RangeError(`pageAttempts must be ≥ 1; got ${resolved.pageAttempts}.`)
  }
  if (!Number.isInteger(resolved.maxPartitions) || resolved.maxPartitions < 1) {
    throw new RangeError(`maxPartitions must be ≥ 1; got ${resolved.maxPartitions}.`)
  }
  return resolved
}
