/**
 * One row per Monaco entity in `monacoSync`: where its current pass stands, so a crash or a
 * reload resumes after the last committed step. Written in the same transaction as the records
 * of that step.
 */
import type { KeysetPosition } from '../../../shared/sync/keysetPosition'
import type { MonacoSyncEntity } from '../../../shared/sync/monacoSource'
import type { SyncErrorInfo } from './syncState'

export interface MonacoPassState {
  /** `full` reads everything and sweeps what it did not see; `incremental` reads changes. */
  mode: 'full' | 'incremental'
  /** Stamped on every row the pass writes; a complete full pass removes older rows. */
  generation: number
  /** Incremental passes: records updated strictly after this ISO instant. */
  updatedAfter: string | null
  position: KeysetPosition
  startedAt: string
  /** Records written by this pass so far (resumed passes keep counting). */
  records: number
  /** The first step's `total_count`: the estimate progress and ETA use. */
  estimatedTotal: number | null
  steps: number
}

export interface MonacoSyncRow {
  entity: MonacoSyncEntity
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
  /** The last pass's `total_count` − records seen, for the log (see keysetListing.ts). */
  lastCountDrift: number | null
  lastError: SyncErrorInfo | null
}
