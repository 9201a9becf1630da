/**
 * A Monaco entity's pass as database transactions: begin (plan stored), commit a step (its
 * records and the window's new position together), finish (and, for a full pass, remove what
 * the server no longer has), abandon. A crash at any moment leaves the state before or after.
 */
import type { MonacoStep, MonacoSyncEntity, CreatedRange } from '../../../shared/sync/monacoSource'
import { deleteInChunks, putInChunks } from '../cache/bulk'
import type { WorkspaceCache } from '../cache/db'
import {
  initialMonacoSyncRow,
  type MonacoPassState,
  type MonacoSyncRow,
  type MonacoWindowState
} from '../cache/monacoSyncState'
import type { SyncErrorInfo } from '../cache/syncState'
import { StaleCheckpointError } from '../sync/passStore'
import { entityTable, prepareRows, stepTables, type MonacoCachedRow } from './entityRows'
import { keptBySweep } from './sweepRule'
import { START_POSITION } from './startPosition'

export async function loadSyncRow(
  db: WorkspaceCache,
  entity: MonacoSyncEntity
): Promise<MonacoSyncRow> {
  return (await db.monacoSync.get(entity)) ?? initialMonacoSyncRow(entity)
}

export interface PassPlan {
  mode: MonacoPassState['mode']
  updatedAfter: string | null
  startedAt: string
  estimatedTotal: number | null
  newestCreatedAt: string | null
  ranges: CreatedRange[]
}

function newWindow(range: CreatedRange): MonacoWindowState {
  return {
    range,
    position: START_POSITION,
    done: false,
    steps: 0,
    records: 0,
    skipped: 0,
    totalCount: null,
    remaining: null
  }
}

/** Stores a new pass with the next generation; any pass in progress is replaced. */
export async function beginPass(
  db: WorkspaceCache,
  entity: MonacoSyncEntity,
  plan: PassPlan
): Promise<MonacoPassState> {
  return db.transaction('rw', db.monacoSync, async () => {
    const row = await loadSyncRow(db, entity)
    const generation = row.generation + 1
    const pass: MonacoPassState = {
      mode: plan.mode,
      generation,
      updatedAfter: plan.updatedAfter,
      startedAt: plan.startedAt,
      estimatedTotal: plan.estimatedTotal,
      newestCreatedAt: plan.newestCreatedAt,
      windows: plan.ranges.map(newWindow)
    }
    await db.monacoSync.put({ ...row, generation, pass })
    return pass
  })
}

/** Drops the pass in progress (its rows stay; the next pass restamps or removes them). */
export async function abandonPass(
  db: WorkspaceCache,
  entity: MonacoSyncEntity,
  generation: number
): Promise<void> {
  await db.transaction('rw', db.monacoSync, async () => {
    const row = await loadSyncRow(db, entity)
    if (row.pass?.generation === generation) await db.monacoSync.put({ ...row, pass: null })
  })
}

export interface CommittedStep {
  pass: MonacoPassState
  rows: readonly MonacoCachedRow[]
  skipped: number
}

/**
 * Writes one step's records and the window's new position in ONE transaction: a crash before
 * it commits re-reads the step, after it resumes from the new position — no gap, no duplicate.
 */
export async function commitStep(
  db: WorkspaceCache,
  entity: MonacoSyncEntity,
  generation: number,
  windowIndex: number,
  step: MonacoStep<object>
): Promise<CommittedStep> {
  return db.transaction('rw', stepTables(db, entity), async () => {
    const row = await loadSyncRow(db, entity)
    const pass = row.pass
    const window = pass?.windows[windowIndex]
    if (pass?.generation !== generation || window === undefined || window.done) {
      throw new StaleCheckpointError(`${entity} window ${windowIndex}`)
    }
    const { rows, skipped } = await prepareRows(db, entity, step.items, step.skipped, generation)
    const table = entityTable(db, entity)
    const writes: Promise<unknown>[] = [putInChunks(table, rows)]
    // A record that arrived malformed still exists on the server: its last good copy is kept
    // (stamped as seen, so the full pass's sweep leaves it).
    const skippedIds = skipped.flatMap((s) => (s.id === undefined ? [] : [s.id]))
    if (pass.mode === 'full' && skippedIds.length > 0) {
      writes.push(table.where(':id').anyOf(skippedIds).modify({ _gen: generation }))
    }
    const windows = [...pass.windows]
    windows[windowIndex] = {
      ...window,
      position: step.position,
      done: step.done,
      steps: window.steps + 1,
      records: window.records + rows.length,
      skipped: window.skipped + skipped.length,
      // A later step's count is what remains after its position; only the first gives the
      // window's size.
      totalCount:
        window.steps === 0 && step.totalCount !== null ? step.totalCount : window.totalCount,
      remaining: remainingAfter(step, window)
    }
    const next: MonacoPassState = { ...pass, windows }
    writes.push(db.monacoSync.put({ ...row, pass: next }))
    await Promise.all(writes)
    return { pass: next, rows, skipped: skipped.length }
  })
}

/**
 * Hands the part of a window's span from `at` on to a new window (appended), so another walk
 * reads it in parallel. Only between the window's steps, and only ahead of its position: the
 * records it has read all sort before `at`, so the two stay disjoint. Returns the new window's
 * index, or null when the window moved on meanwhile.
 */
export async function splitWindow(
  db: WorkspaceCache,
  entity: MonacoSyncEntity,
  generation: number,
  windowIndex: number,
  at: string
): Promise<{ pass: MonacoPassState; index: number } | null> {
  return db.transaction('rw', db.monacoSync, async () => {
    const row = await loadSyncRow(db, entity)
    const pass = row.pass
    const window = pass?.windows[windowIndex]
    if (pass?.generation !== generation || window === undefined || window.done) return null
    const cut = Date.parse(at)
    const position =
      window.position.createdAt === null ? NaN : Date.parse(window.position.createdAt)
    const before = window.range.before === undefined ? Infinity : Date.parse(window.range.before)
    if (!(cut > position && cut < before)) return null
    const windows = [...pass.windows]
    windows[windowIndex] = { ...window, range: { ...window.range, before: at }, remaining: null }
    const { before: end } = window.range
    windows.push(newWindow(end === undefined ? { from: at } : { from: at, before: end }))
    const next: MonacoPassState = { ...pass, windows }
    await db.monacoSync.put({ ...row, pass: next })
    return { pass: next, index: windows.length - 1 }
  })
}

/**
 * A step's count is of records from the position it was sent on: the page it read, plus the
 * ids at that instant read before (dropped from the page, still counted), plus what remains.
 */
function remainingAfter(step: MonacoStep<object>, sent: MonacoWindowState): number | null {
  if (step.done) return 0
  if (step.totalCount === null) return null
  const seenAgain = sent.position.instantDone ? 0 : sent.position.seenIdsAtThatInstant.length
  return Math.max(0, step.totalCount - step.items.length - step.skipped.length - seenAgain)
}

export interface PassSummary {
  removed: number
  countDrift: number | null
}

/**
 * Ends a pass whose windows are all done. A full pass removes the rows it did not see (the
 * server no longer has them) in the same transaction that marks it complete — never a deal
 * with local edits to push, nor one the outbox created or confirmed meanwhile. `countAtEnd`
 * is the listing's `total_count` read after the walks (null when not read): the drift it gives
 * against the records the pass saw is kept for the log.
 */
export async function finishPass(
  db: WorkspaceCache,
  entity: MonacoSyncEntity,
  generation: number,
  now: number,
  countAtEnd: number | null
): Promise<PassSummary> {
  const table = entityTable(db, entity)
  return db.transaction('rw', table, db.monacoSync, async () => {
    const row = await loadSyncRow(db, entity)
    const pass = row.pass
    if (pass?.generation !== generation) throw new StaleCheckpointError(entity)
    if (pass.windows.some((w) => !w.done)) {
      throw new Error(`finishPass(${entity}): a window is not done`)
    }
    let removed = 0
    if (pass.mode === 'full') {
      const stale = table.where('_gen').below(generation)
      const keys =
        entity === 'opportunities'
          ? await stale.filter((deal) => !keptBySweep(deal, pass.startedAt, now)).primaryKeys()
          : await stale.primaryKeys()
      await deleteInChunks(table, keys)
      removed = keys.length
    }
    const seen = pass.windows.reduce((sum, w) => sum + w.records + w.skipped, 0)
    const countDrift = countAtEnd === null ? null : countAtEnd - seen
    const full = pass.mode === 'full'
    await db.monacoSync.put({
      ...row,
      pass: null,
      lastFullGeneration: full ? generation : row.lastFullGeneration,
      lastFullAt: full ? pass.startedAt : row.lastFullAt,
      highWater: pass.startedAt,
      // Only a full pass measures it (see entitySync's countAtEnd); an incremental one keeps
      // the last measure.
      lastCountDrift: full ? countDrift : row.lastCountDrift,
      lastRemoved: full ? removed : row.lastRemoved,
      lastError: null
    })
    return { removed, countDrift }
  })
}

export async function recordEntityError(
  db: WorkspaceCache,
  entity: MonacoSyncEntity,
  error: SyncErrorInfo
): Promise<void> {
  await db.transaction('rw', db.monacoSync, async () => {
    const row = await loadSyncRow(db, entity)
    await db.monacoSync.put({ ...row, lastError: error })
  })
}
