/**
 * One row per Monaco entity in `monacoSync`: where its current pass stands, so a crash or a
 * reload resumes after the last committed step. Written in the same transaction as the records
 * of that step.
 */
import type { KeysetPosition } from '../../../shared/sync/keysetPosition'
import type { CreatedRange, MonacoSyncEntity } from '../../../shared/sync/monacoSource'
import type { SyncErrorInfo } from './syncState'

/**
 * One `created_at` window of a pass: its own keyset walk. Windows of one entity are disjoint
 * and together cover every instant (the first is open at the start, the last at the end), so
 * they walk in parallel and no record is read twice.
 */
export interface MonacoWindowState {
  range: CreatedRange
  position: KeysetPosition
  done: boolean
  /** Steps and records committed in this window (resumed passes keep counting). */
  steps: number
  records: number
  /** Records main could not read (malformed), so drift counts them as seen. */
  skipped: number
  /** The window's `total_count` from its first step: its size, an estimate for progress. */
  totalCount: number | null
  /** Records after the position, as the last step counted them (null before the first). */
  remaining: number | null
}

export interface MonacoPassState {
  /** `full` reads everything and sweeps what it did not see; `incremental` reads changes. */
  mode: 'full' | 'incremental'
  /** Stamped on every row the pass writes; a complete full pass removes older rows. */
  generation: number
  /** Incremental passes: records updated strictly after this ISO instant. */
  updatedAfter: string | null
  startedAt: string
  /** `bounds().totalCount` when the pass was planned: the estimate before any window reads. */
  estimatedTotal: number | null
  /**
   * The newest `created_at` when the pass was planned: where the last (open-ended) window's
   * remaining span is taken to end when it is split.
   */
  newestCreatedAt: string | null
  windows: MonacoWindowState[]
}

export interface MonacoSyncRow {
  entity: MonacoSyncEntity
  /** The latest generation any pass of this entity was given (the next pass takes one more). */
  generation: number
  /** The pass in progress, or null between passes. */
  pass: MonacoPassState | null
  /** Generation of the last complete full pass (0 = never). */
  lastFullGeneration: number
  /** When the last complete full pass began (ISO); drives how often a full pass runs. */
  lastFullAt: string | null
  /**
   * The start time of the last complete pass of any mode: the next incremental pass asks for
   * records updated after it (less a safety margin for clock skew).
   */
  highWater: string | null
  /**
   * For the log: the last complete full pass's `total_count` (read once after its walks) −
   * records it saw; null when that count could not be read.
   */
  lastCountDrift: number | null
  /** Rows the last complete full pass removed (the server no longer has them). */
  lastRemoved: number | null
  lastError: SyncErrorInfo | null
}

export function initialMonacoSyncRow(entity: MonacoSyncEntity): MonacoSyncRow {
  return {
    entity,
    generation: 0,
    pass: null,
    lastFullGeneration: 0,
    lastFullAt: null,
    highWater: null,
    lastCountDrift: null,
    lastRemoved: null,
    lastError: null
  }
}
