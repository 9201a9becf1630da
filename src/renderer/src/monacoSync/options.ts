/**
 * The Monaco sync engine's knobs and their defaults. Request pacing is not here: the
 * organization's rate limiter lives in main (one per workspace), and the engine only keeps
 * enough steps in flight for it to always have the next request ready.
 */
import { MONACO_SYNC_ENTITIES, type MonacoSyncEntity } from '../../../shared/sync/monacoSource'
import { systemSyncClock, type SyncClock } from '../sync/clock'

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

export interface MonacoSyncOptions {
  /** Entities a run syncs; default accounts, contacts, opportunities. */
  entities?: readonly MonacoSyncEntity[]
  /**
   * Steps in flight at once across every walk; default 6. Above main's in-flight cap (4) on
   * purpose: the limiter always has a request queued to start the moment the budget allows.
   */
  maxInFlight?: number
  /** Records per request, 1–500 (Monaco's cap); default 500, the fewest requests. */
  pageSize?: number
  /** A planned `created_at` window should hold about this many records; default 10,000 (20
   * pages). Fewer, larger windows cost fewer requests; walks split them when too few run. */
  recordsPerWindow?: number
  /** Most windows one entity's pass is split into; default 8. */
  maxWindows?: number
  /** Attempts per step at the engine level (the gateway retries too); default 4. */
  stepAttempts?: number
  /** First engine-level retry delay, doubled per attempt; default 1 s. */
  retryDelayMs?: number
  /** Ceiling of the engine-level retry delay; default 15 s. */
  maxRetryDelayMs?: number
  /** A full pass (which also removes deleted records) when none completed this long; default 24 h. */
  fullPassEveryMs?: number
  /**
   * Incremental passes ask for records updated after the last complete pass began, less this
   * (clocks of this machine and Monaco's differ); default 10 minutes.
   */
  incrementalMarginMs?: number
  /** Answers whether the machine is online; a run started while offline fetches nothing. */
  isOnline?: () => boolean
  /** Hears the records of each committed step (Quick Jump and open views stay current). */
  onRecordsCommitted?: (entity: MonacoSyncEntity, records: readonly object[]) => void
  clock?: SyncClock
}

export type ResolvedMonacoSyncOptions = Required<
  Omit<MonacoSyncOptions, 'isOnline' | 'onRecordsCommitted'>
> &
  Pick<MonacoSyncOptions, 'isOnline' | 'onRecordsCommitted'>

export function resolveMonacoSyncOptions(
  options: MonacoSyncOptions = {}
): ResolvedMonacoSyncOptions {
  const resolved: ResolvedMonacoSyncOptions = {
    entities: options.entities ?? MONACO_SYNC_ENTITIES,
    maxInFlight: options.maxInFlight ?? 6,
    pageSize: options.pageSize ?? 500,
    recordsPerWindow: options.recordsPerWindow ?? 10_000,
    maxWindows: options.maxWindows ?? 8,
    stepAttempts: options.stepAttempts ?? 4,
    retryDelayMs: options.retryDelayMs ?? 1_000,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 15_000,
    fullPassEveryMs: options.fullPassEveryMs ?? DAY_MS,
    incrementalMarginMs: options.incrementalMarginMs ?? 10 * MINUTE_MS,
    isOnline: options.isOnline,
    onRecordsCommitted: options.onRecordsCommitted,
    clock: options.clock ?? systemSyncClock
  }
  wholeAtLeast('pageSize', resolved.pageSize, 1, 500)
  wholeAtLeast('maxInFlight', resolved.maxInFlight, 1)
  wholeAtLeast('recordsPerWindow', resolved.recordsPerWindow, 1)
  wholeAtLeast('maxWindows', resolved.maxWindows, 1)
  wholeAtLeast('stepAttempts', resolved.stepAttempts, 1)
  if (!(resolved.fullPassEveryMs >= 0)) {
    throw new RangeError(`fullPassEveryMs must be ≥ 0; got ${resolved.fullPassEveryMs}.`)
  }
  if (!(resolved.incrementalMarginMs >= 0)) {
    throw new RangeError(`incrementalMarginMs must be ≥ 0; got ${resolved.incrementalMarginMs}.`)
  }
  return resolved
}

function wholeAtLeast(name: string, value: number, min: number, max = Infinity): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `≥ ${min}` : `${min}–${max}`
    throw new RangeError(`${name} must be a whole number ${range}; got ${value}.`)
  }
}
