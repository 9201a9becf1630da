/**
 * Which pass an entity gets: full (reads everything, then removes what the server no longer
 * has) or incremental (reads what changed since the last complete pass began, upserts only;
 * deletions wait for the next full pass).
 */
import type { MonacoSyncRow } from '../cache/monacoSyncState'
import { isoAt } from '../sync/clock'

export interface PassChoice {
  mode: 'full' | 'incremental'
  /** Incremental only: `updated_at` strictly after this ISO instant. */
  updatedAfter: string | null
}

export interface PassChoiceInput {
  row: MonacoSyncRow
  /** The run asked for full passes ("Sync everything"). */
  forceFull: boolean
  /** Monaco refused the `updated_at` filter for this workspace before. */
  filterRefused: boolean
  now: number
  fullPassEveryMs: number
  incrementalMarginMs: number
}

export function choosePass(input: PassChoiceInput): PassChoice {
  const { row } = input
  const full: PassChoice = { mode: 'full', updatedAfter: null }
  if (input.forceFull || input.filterRefused) return full
  if (row.lastFullAt === null || row.highWater === null) return full
  const lastFull = Date.parse(row.lastFullAt)
  const highWater = Date.parse(row.highWater)
  if (!Number.isFinite(lastFull) || !Number.isFinite(highWater)) return full
  if (input.now - lastFull >= input.fullPassEveryMs) return full
  return { mode: 'incremental', updatedAfter: isoAt(highWater - input.incrementalMarginMs) }
}
