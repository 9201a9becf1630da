/**
 * One entity's pass in a run: resume the pass in progress or plan a new one (full or
 * incremental, split into `created_at` windows), walk every window in parallel committing each
 * step with its position, then finish (a full pass also removes what Monaco no longer has).
 * An incremental pass whose `updated_at` filter Monaco refuses becomes a full pass, and the
 * refusal is remembered for the workspace.
 */
import type { MonacoSyncEntity } from '../../../shared/sync/monacoSource'
import type { MonacoSource } from '../../../shared/sync/monacoSource'
import type { WorkspaceCache } from '../cache/db'
import type { MonacoPassState, MonacoWindowState } from '../cache/monacoSyncState'
import type { AbortScope } from '../sync/abortScope'
import { isoAt } from '../sync/clock'
import { toErrorInfo } from '../sync/failures'
import { PageFetchError, RunStoppedError } from '../sync/fetching'
import type { ResourceOutcome } from '../sync/resourceSync'
import { countAtEnd } from './countAtEnd'
import { choosePass, type PassChoice } from './passChoice'
import { isFilterRefusal, readFilterRefusal, rememberFilterRefusal } from './filterRefusal'
import type { ResolvedMonacoSyncOptions } from './options'
import {
  abandonPass,
  beginPass,
  commitStep,
  finishPass,
  loadSyncRow,
  recordEntityError,
  splitWindow
} from './passStore'
import type { MonacoProgressTracker } from './progress'
import { checkStep } from './stepCheck'
import type { MonacoCaller } from './stepFetch'
import { planWindows } from './windows'
import { splitPoint } from './windowSplit'

export interface EntitySyncContext {
  db: WorkspaceCache
  source: MonacoSource
  options: ResolvedMonacoSyncOptions
  call: MonacoCaller
  /** The entity's own scope under the run's; aborted when the run stops. */
  scope: AbortScope
  progress: MonacoProgressTracker
  /** Fails the whole run (the cache could not be written). */
  fail(error: unknown): void
  /** Walks running across the run's entities (windows are split while below maxInFlight). */
  walks: { active: number }
}

type WalkOutcome = 'done' | 'errored' | 'stopped' | 'refused'

/** Monaco refused the `updated_at` filter of an incremental pass. */
class FilterRefusedError extends Error {
  constructor(readonly failure: unknown) {
    super('Monaco refused the updated_at filter.')
    this.name = 'FilterRefusedError'
  }
}

export async function syncEntity(
  ctx: EntitySyncContext,
  entity: MonacoSyncEntity,
  forceFull: boolean
): Promise<ResourceOutcome> {
  const { db, options, progress } = ctx
  const now = (): string => isoAt(options.clock.now())
  try {
    let pass = await currentPass(ctx, entity, forceFull)
    for (;;) {
      progress.startPass(pass)
      const outcome = await walkWindows(ctx, entity, pass)
      if (outcome === 'stopped') {
        progress.setPhase('stopped')
        return 'stopped'
      }
      if (outcome === 'refused') {
        pass = await fallBackToFull(ctx, entity, pass)
        continue
      }
      if (outcome === 'errored') {
        progress.setPhase('partial')
        return 'partial'
      }
      break
    }
    progress.setPhase('finishing')
    const count = await countAtEnd(ctx, entity, pass)
    await finishPass(db, entity, pass.generation, options.clock.now(), count)
    progress.setPhase('done')
    return 'complete'
  } catch (error) {
    if (error instanceof RunStoppedError || ctx.scope.aborted) {
      progress.setPhase('stopped')
      return 'stopped'
    }
    const info = toErrorInfo(error instanceof PageFetchError ? error.failure : error, now())
    progress.failed(info)
    if (error instanceof PageFetchError) {
      // Planning could not read the listing's bounds: the next run tries again.
      await recordEntityError(db, entity, info).catch(() => undefined)
      progress.setPhase('partial')
      return 'partial'
    }
    // The cache could not be written: nothing further can be kept.
    ctx.fail(error)
    progress.setPhase('stopped')
    return 'stopped'
  }
}

/** The pass to continue, or a new one planned now. */
async function currentPass(
  ctx: EntitySyncContext,
  entity: MonacoSyncEntity,
  forceFull: boolean
): Promise<MonacoPassState> {
  const { db, options } = ctx
  const row = await loadSyncRow(db, entity)
  const refused = (await readFilterRefusal(db)) !== null
  const pass = row.pass
  // A full pass asked for (or required) supersedes an interrupted incremental one.
  if (pass !== null && !(pass.mode === 'incremental' && (forceFull || refused))) return pass
  const choice = choosePass({
    row,
    forceFull,
    filterRefused: refused,
    now: options.clock.now(),
    fullPassEveryMs: options.fullPassEveryMs,
    incrementalMarginMs: options.incrementalMarginMs
  })
  try {
    return await planPass(ctx, entity, choice)
  } catch (error) {
    if (!(error instanceof FilterRefusedError)) throw error
    return fallBackToFull(ctx, entity, null, error.failure)
  }
}

async function planPass(
  ctx: EntitySyncContext,
  entity: MonacoSyncEntity,
  choice: PassChoice
): Promise<MonacoPassState> {
  const { db, options, source, progress } = ctx
  progress.setPhase('planning')
  const startedAt = isoAt(options.clock.now())
  const updatedAfter = choice.updatedAfter ?? undefined
  let bounds
  try {
    bounds = await ctx.call(
      {
        label: entity,
        send: (signal) =>
          source.bounds({ entity, ...(updatedAfter ? { updatedAfter } : {}) }, signal),
        requestsOf: (b) => b.requests,
        // Higher than any step: a walk can only start once its plan is known.
        priority: Number.MAX_SAFE_INTEGER
      },
      ctx.scope.signal
    )
  } catch (error) {
    if (
      choice.mode === 'incremental' &&
      error instanceof PageFetchError &&
      isFilterRefusal(error)
    ) {
      throw new FilterRefusedError(error.failure)
    }
    throw error
  }
  const total =
    Number.isInteger(bounds.totalCount) && bounds.totalCount >= 0 ? bounds.totalCount : null
  return beginPass(db, entity, {
    mode: choice.mode,
    updatedAfter: choice.updatedAfter,
    startedAt,
    estimatedTotal: total,
    newestCreatedAt: bounds.newestCreatedAt,
    ranges: planWindows({ ...bounds, totalCount: total ?? 0 }, options)
  })
}

/** Remembers the refusal, drops the incremental pass and plans a full one. */
async function fallBackToFull(
  ctx: EntitySyncContext,
  entity: MonacoSyncEntity,
  refusedPass: MonacoPassState | null,
  failure?: unknown
): Promise<MonacoPassState> {
  const at = isoAt(ctx.options.clock.now())
  const message =
    failure instanceof Error ? failure.message : 'Monaco refused the updated_at filter.'
  await rememberFilterRefusal(ctx.db, { at, message })
  if (refusedPass !== null) await abandonPass(ctx.db, entity, refusedPass.generation)
  return planPass(ctx, entity, { mode: 'full', updatedAfter: null })
}

/**
 * Walks every window not yet done, in parallel, splitting windows while fewer walks run than
 * the engine keeps in flight (the new windows are walked too).
 */
async function walkWindows(
  ctx: EntitySyncContext,
  entity: MonacoSyncEntity,
  pass: MonacoPassState
): Promise<WalkOutcome> {
  // One scope per pass: a refused filter stops the pass's other windows at once.
  const passScope = ctx.scope.child()
  const running: Promise<WalkOutcome>[] = []
  let refused = false
  // A walk that throws (the cache could not be written) stops the others; its error is
  // rethrown once every walk has settled, so none is left unobserved.
  let broken: { error: unknown } | null = null
  const start = (index: number, window: MonacoWindowState): void => {
    ctx.walks.active += 1
    running.push(
      walkWindow(ctx, entity, pass, index, window, passScope, start)
        .catch((error: unknown): WalkOutcome => {
          broken ??= { error }
          passScope.abort(new RunStoppedError())
          return 'stopped'
        })
        .then((outcome) => {
          if (outcome === 'refused') {
            refused = true
            passScope.abort(new RunStoppedError())
          }
          return outcome
        })
        .finally(() => {
          ctx.walks.active -= 1
        })
    )
  }
  try {
    pass.windows.forEach((window, index) => {
      if (!window.done) start(index, window)
    })
    // Walks started by splits join the list while it is awaited.
    const outcomes: WalkOutcome[] = []
    for (let i = 0; i < running.length; i++) {
      outcomes.push(await (running[i] as Promise<WalkOutcome>))
    }
    const failure = broken as { error: unknown } | null
    if (failure !== null) throw failure.error
    if (refused) return 'refused'
    if (outcomes.includes('stopped')) return 'stopped'
    if (outcomes.includes('errored')) return 'errored'
    return 'done'
  } finally {
    passScope.dispose()
  }
}

async function walkWindow(
  ctx: EntitySyncContext,
  entity: MonacoSyncEntity,
  pass: MonacoPassState,
  index: number,
  initial: MonacoWindowState,
  scope: AbortScope,
  startWalk: (index: number, window: MonacoWindowState) => void
): Promise<WalkOutcome> {
  const { db, options, source, progress } = ctx
  let window = initial
  const updatedAfter = pass.updatedAfter ?? undefined
  for (;;) {
    const sent = window.position
    const range = window.range
    let step
    try {
      step = await ctx.call(
        {
          label: entity,
          send: (signal) =>
            source.listStep(
              {
                entity,
                position: sent,
                createdRange: range,
                pageSize: options.pageSize,
                ...(updatedAfter ? { updatedAfter } : {})
              },
              signal
            ),
          requestsOf: (s) => s.requests,
          check: (s) => checkStep(s, sent),
          // The window with the most left goes first, so the pass does not end on one long tail.
          priority: remainingEstimate(window)
        },
        scope.signal
      )
    } catch (error) {
      if (error instanceof RunStoppedError || scope.aborted) return 'stopped'
      if (pass.mode === 'incremental' && isFilterRefusal(error)) return 'refused'
      const failure = error instanceof PageFetchError ? error.failure : error
      const info = toErrorInfo(failure, isoAt(options.clock.now()))
      progress.windowFailed(index, info)
      await recordEntityError(db, entity, info).catch(() => undefined)
      return 'errored'
    }
    if (scope.aborted) return 'stopped'
    // A failed write throws out of here: the run fails (see syncEntity).
    const committed = await commitStep(db, entity, pass.generation, index, step)
    window = committed.pass.windows[index] as MonacoWindowState
    progress.committed(committed.pass)
    if (committed.rows.length > 0) options.onRecordsCommitted?.(entity, committed.rows)
    if (window.done) return 'done'
    // Between this window's steps (nothing of it in flight): hand half its span to a new walk.
    const at =
      ctx.walks.active < options.maxInFlight
        ? splitPoint(window, committed.pass, options.pageSize)
        : null
    if (at !== null && !scope.aborted) {
      const split = await splitWindow(db, entity, pass.generation, index, at)
      if (split !== null) {
        window = split.pass.windows[index] as MonacoWindowState
        progress.committed(split.pass)
        startWalk(split.index, split.pass.windows[split.index] as MonacoWindowState)
      }
    }
  }
}

/** A window that has not read its size yet goes first: knowing it orders the rest. */
function remainingEstimate(window: MonacoWindowState): number {
  if (window.remaining === null) return Number.MAX_SAFE_INTEGER - 1
  return Math.max(0, window.remaining)
}
