/**
 * Per-resource progress for the UI: pages and records of the current pass (counted from the
 * committed checkpoints, so a resumed pass continues its counts and they never go backwards),
 * an estimated total, the rate over this run and the time left.
 */
import type { SyncResource } from '../../../shared/sync/pageSource'
import type { MonacoSyncEntity } from '../../../shared/sync/monacoSource'
import type { PartitionSyncState, PassInfo, PassMode, SyncErrorInfo } from '../cache/syncState'
import type { SyncClock } from './clock'

export type ResourcePhase =
  | 'queued'
  | 'planning'
  | 'fetching'
  | 'checking'
  | 'finishing'
  | 'done'
  /** Some partitions failed; their checkpoints wait for the next run. */
  | 'partial'
  /** The run stopped (cancelled, offline, auth, storage) before the resource finished. */
  | 'stopped'

/** What a progress line is about: a ChartMogul resource or a Monaco entity. */
export type ProgressResource = SyncResource | MonacoSyncEntity

export interface ResourceProgress {
  resource: ProgressResource
  phase: ResourcePhase
  mode: PassMode | null
  pages: number
  records: number
  skipped: number
  /** Page fetches repeated by the engine after a bad or failed page. */
  retries: number
  partitions: { total: number; done: number; errored: number }
  /** Records the pass will have written when done; null while unknown. */
  estimatedTotal: number | null
  /** Records written per second during this run. */
  recordsPerSecond: number | null
  etaSeconds: number | null
  lastError: SyncErrorInfo | null
}

export type ProgressListener = (progress: ResourceProgress) => void

/** Below this share of its span, a date window's extrapolation is mostly noise. */
const MIN_FRACTION_FOR_ESTIMATE = 0.05

export class ResourceProgressTracker {
  private phase: ResourcePhase = 'queued'
  private mode: PassMode | null = null
  private expected: number | null = null
  private readonly rows = new Map<string, PartitionSyncState>()
  private readonly errored = new Set<string>()
  private retries = 0
  private lastError: SyncErrorInfo | null = null
  private startedAt: number | null = null
  private recordsAtStart = 0
  private floor = { pages: 0, records: 0, skipped: 0 }

  constructor(
    readonly resource: SyncResource,
    private readonly clock: SyncClock,
    private readonly emit: (progress: ResourceProgress) => void
  ) {}

  setPhase(phase: ResourcePhase): void {
    this.phase = phase
    this.publish()
  }

  startPass(pass: PassInfo, partitions: readonly PartitionSyncState[]): void {
    this.mode = pass.mode
    this.expected = pass.expectedRecords
    for (const row of partitions) this.rows.set(row.partition, row)
    this.startedAt = this.clock.now()
    this.recordsAtStart = this.totals().records
    this.phase = 'fetching'
    this.publish()
  }

  partitionAdded(row: PartitionSyncState): void {
    this.rows.set(row.partition, row)
    this.publish()
  }

  partitionUpdated(row: PartitionSyncState): void {
    this.rows.set(row.partition, row)
    this.errored.delete(row.partition)
    this.publish()
  }

  partitionFailed(partition: string, error: SyncErrorInfo): void {
    this.errored.add(partition)
    this.lastError = error
    this.publish()
  }

  retried(): void {
    this.retries += 1
    this.publish()
  }

  failed(error: SyncErrorInfo): void {
    this.lastError = error
    this.publish()
  }

  snapshot(): ResourceProgress {
    const totals = this.totals()
    // Counts only grow within a run, even if a partition had to start over.
    this.floor = {
      pages: Math.max(this.floor.pages, totals.pages),
      records: Math.max(this.floor.records, totals.records),
      skipped: Math.max(this.floor.skipped, totals.skipped)
    }
    const { pages, records, skipped } = this.floor
    const rows = [...this.rows.values()]
    const finished = this.phase === 'done'
    const estimate = finished ? records : this.estimate(records)
    const rate = this.rate(records)
    const eta = finished
      ? 0
      : estimate !== null && rate !== null && rate > 0
        ? Math.max(0, (estimate - records) / rate)
        : null
    return {
      resource: this.resource,
      phase: this.phase,
      mode: this.mode,
      pages,
      records,
      skipped,
      retries: this.retries,
      partitions: {
        total: rows.length,
        done: rows.filter((r) => r.done).length,
        errored: this.errored.size
      },
      estimatedTotal: estimate,
      recordsPerSecond: rate,
      etaSeconds: eta,
      lastError: this.lastError
    }
  }

  private publish(): void {
    this.emit(this.snapshot())
  }

  private totals(): { pages: number; records: number; skipped: number } {
    let pages = 0
    let records = 0
    let skipped = 0
    for (const row of this.rows.values()) {
      pages += row.pages
      records += row.records
      skipped += row.skipped
    }
    return { pages, records, skipped }
  }

  private rate(records: number): number | null {
    if (this.startedAt === null) return null
    const seconds = (this.clock.now() - this.startedAt) / 1000
    const written = records - this.recordsAtStart
    return seconds > 0 && written > 0 ? written / seconds : null
  }

  /**
   * Date windows extrapolate from how far through their span they are; otherwise the previous
   * pass's size stands in. Never below what is already written.
   */
  private estimate(records: number): number | null {
    const rows = [...this.rows.values()]
    let windowed = 0
    let known = rows.length > 0
    for (const row of rows) {
      if (row.done) {
        windowed += row.records
        continue
      }
      const fraction = spanFraction(row)
      if (fraction === null || fraction < MIN_FRACTION_FOR_ESTIMATE) {
        known = false
        break
      }
      windowed += row.records / fraction
    }
    if (known && rows.every((r) => r.done || r.span !== undefined)) {
      return Math.max(records, Math.round(windowed))
    }
    return this.expected === null ? null : Math.max(records, this.expected)
  }
}

function spanFraction(row: PartitionSyncState): number | null {
  if (row.span === undefined || row.maxDate === null) return null
  const from = Date.parse(row.span.from)
  const to = Date.parse(row.span.to)
  if (!(to > from)) return null
  return Math.min(1, Math.max(0, (Date.parse(row.maxDate) - from) / (to - from)))
}
