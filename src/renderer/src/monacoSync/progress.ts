/**
 * Per-entity progress for the status bar, in the ChartMogul engine's shape (`ResourceProgress`):
 * steps and records counted from the committed windows (so a resumed pass continues its
 * counts and they never go backwards), an estimated total from `total_count`, the rate over
 * this run and the time left.
 */
import type { MonacoSyncEntity } from '../../../shared/sync/monacoSource'
import type { MonacoPassState } from '../cache/monacoSyncState'
import type { SyncErrorInfo } from '../cache/syncState'
import type { SyncClock } from '../sync/clock'
import type { ResourcePhase, ResourceProgress } from '../sync/progress'

export class MonacoProgressTracker {
  private phase: ResourcePhase = 'queued'
  private pass: MonacoPassState | null = null
  private readonly errored = new Set<number>()
  private retries = 0
  private lastError: SyncErrorInfo | null = null
  private startedAt: number | null = null
  private recordsAtStart = 0
  private floor = { pages: 0, records: 0, skipped: 0 }

  constructor(
    readonly entity: MonacoSyncEntity,
    private readonly clock: SyncClock,
    private readonly emit: (progress: ResourceProgress) => void
  ) {}

  setPhase(phase: ResourcePhase): void {
    this.phase = phase
    this.publish()
  }

  /** A pass begins or resumes: counts continue from what it has committed. */
  startPass(pass: MonacoPassState): void {
    this.pass = pass
    this.errored.clear()
    this.floor = { pages: 0, records: 0, skipped: 0 }
    this.startedAt = this.clock.now()
    this.recordsAtStart = totals(pass).records
    this.phase = 'fetching'
    this.publish()
  }

  committed(pass: MonacoPassState): void {
    this.pass = pass
    this.publish()
  }

  windowFailed(index: number, error: SyncErrorInfo): void {
    this.errored.add(index)
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
    const pass = this.pass
    const current = pass === null ? { pages: 0, records: 0, skipped: 0 } : totals(pass)
    this.floor = {
      pages: Math.max(this.floor.pages, current.pages),
      records: Math.max(this.floor.records, current.records),
      skipped: Math.max(this.floor.skipped, current.skipped)
    }
    const { pages, records, skipped } = this.floor
    const finished = this.phase === 'done'
    const estimate = finished ? records : estimateOf(pass, records)
    const rate = this.rate(records)
    const eta = finished
      ? 0
      : estimate !== null && rate !== null && rate > 0
        ? Math.max(0, (estimate - records) / rate)
        : null
    const windows = pass?.windows ?? []
    return {
      resource: this.entity,
      phase: this.phase,
      mode: pass?.mode ?? null,
      pages,
      records,
      skipped,
      retries: this.retries,
      partitions: {
        total: windows.length,
        done: windows.filter((w) => w.done).length,
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

  private rate(records: number): number | null {
    if (this.startedAt === null) return null
    const seconds = (this.clock.now() - this.startedAt) / 1000
    const written = records - this.recordsAtStart
    return seconds > 0 && written > 0 ? written / seconds : null
  }
}

function totals(pass: MonacoPassState): { pages: number; records: number; skipped: number } {
  let pages = 0
  let records = 0
  let skipped = 0
  for (const w of pass.windows) {
    pages += w.steps
    records += w.records
    skipped += w.skipped
  }
  return { pages, records, skipped }
}

/**
 * Each window's records plus what its last step counted after its position (a finished
 * window: what it wrote); before every window has read, the count `bounds` gave when the
 * pass was planned.
 */
function estimateOf(pass: MonacoPassState | null, records: number): number | null {
  if (pass === null) return null
  let sum = 0
  for (const w of pass.windows) {
    if (w.done) sum += w.records
    else if (w.remaining !== null) sum += w.records + w.remaining
    else if (w.totalCount !== null) sum += Math.max(w.records, w.totalCount)
    else return pass.estimatedTotal === null ? null : Math.max(records, pass.estimatedTotal)
  }
  return Math.max(records, sum)
}
