/**
 * One resource through one run: resume its interrupted pass or plan a new one, page every
 * partition in parallel, check completeness, then finish (and sweep) in one transaction.
 */
import type { SyncResource } from '../../../shared/sync/pageSource'
import type { WorkspaceCache } from '../cache/db'
import type { PartitionSyncState, PassMode } from '../cache/syncState'
import type { AbortScope } from './abortScope'
import { isoAt } from './clock'
import { findIncompleteness, learnFromFallback } from './completeness'
import { toErrorInfo } from './failures'
import { PageFetchError, RunStoppedError, type PageFetch } from './fetching'
import type { ResolvedSyncOptions } from './options'
import { runPartition, type PartitionOutcome } from './partitionRunner'
import { unfilteredPartition } from './partitions'
import {
  beginPass,
  finishPass,
  loadPartitions,
  loadResourceState,
  markResourceFailed,
  recordCompletenessCheck
} from './passStore'
import type { FetchBarrier } from './fetchBarrier'
import { chooseMode, planPass } from './planning'
import type { ResourceProgressTracker } from './progress'

/** `complete`: the pass finished; `partial`: some partitions failed; `stopped`: the run ended. */
export type ResourceOutcome = 'complete' | 'partial' | 'stopped'

export interface ResourceSyncContext {
  db: WorkspaceCache
  options: ResolvedSyncOptions
  fetch: PageFetch
  /** The resource's own scope under the run's; aborted when the run stops. */
  scope: AbortScope
  progress: ResourceProgressTracker
  /** Ends the run because the cache cannot be written (or another unexpected failure). */
  fail(error: unknown): void
  /** Where the run's resources say they have fetched their pages (see FetchBarrier). */
  barrier: FetchBarrier
}

export async function syncResource(
  ctx: ResourceSyncContext,
  resource: SyncResource,
  full: boolean
): Promise<ResourceOutcome> {
  const { db, options, progress } = ctx
  const now = (): string => isoAt(options.clock.now())
  try {
    let state = await loadResourceState(db, resource)
    // A full pass asked for supersedes an interrupted incremental one.
    if (state.pass === null || (full && state.pass.mode === 'incremental')) {
      progress.setPhase('planning')
      const mode = chooseMode(resource, state, full, options)
      const plan = await planPass({ ...ctx, signal: ctx.scope.signal }, resource, mode, state)
      const begun = await beginPass(db, { resource, now: now(), ...plan })
      state = begun.state
    }
    const pass = state.pass
    if (pass === null) throw new Error(`syncResource(${resource}): no pass to run`)
    let partitions = await loadPartitions(db, state)
    progress.startPass(pass, partitions)

    for (;;) {
      const outcomes = await runPartitions(ctx, pass.mode, partitions)
      if (outcomes.includes('stopped') || ctx.scope.aborted) return stop(progress)
      if (outcomes.includes('errored')) {
        progress.setPhase('partial')
        return 'partial'
      }
      const current = await loadResourceState(db, resource)
      if (current.pass?.checked === true) break
      progress.setPhase('checking')
      await ctx.barrier.othersFetched(resource)
      if (ctx.scope.aborted) return stop(progress)
      partitions = await loadPartitions(db, current)
      const reason = await findIncompleteness(db, options, current, partitions)
      const added = await recordCompletenessCheck(
        db,
        resource,
        pass.generation,
        reason === null ? null : unfilteredPartition(resource, true),
        now()
      )
      if (added === null) break
      progress.partitionAdded(added)
      progress.setPhase('fetching')
      partitions = [added]
    }

    if (ctx.scope.aborted) return stop(progress)
    progress.setPhase('finishing')
    const finalState = await loadResourceState(db, resource)
    const finalPartitions = await loadPartitions(db, finalState)
    await finishPass(db, resource, pass.generation, now())
    if (finalState.pass?.fellBack === true) {
      await learnFromFallback(db, options, resource, finalPartitions, pass.generation)
    }
    progress.setPhase('done')
    return 'complete'
  } catch (error) {
    if (error instanceof RunStoppedError || ctx.scope.aborted) return stop(progress)
    // A probe that failed on its own (not offline/auth, which stop the run) leaves the
    // resource for the next run; anything else means the cache itself is in trouble.
    const info = toErrorInfo(error, now())
    if (error instanceof PageFetchError) {
      await markResourceFailed(db, resource, info).catch(() => undefined)
      progress.failed(info)
      progress.setPhase('partial')
      return 'partial'
    }
    progress.failed(info)
    ctx.fail(error)
    return stop(progress)
  } finally {
    ctx.barrier.arrive(resource)
  }
}

function stop(progress: ResourceProgressTracker): ResourceOutcome {
  progress.setPhase('stopped')
  return 'stopped'
}

async function runPartitions(
  ctx: ResourceSyncContext,
  mode: PassMode,
  partitions: readonly PartitionSyncState[]
): Promise<PartitionOutcome[]> {
  return Promise.all(
    partitions.map((partition) =>
      runPartition(
        {
          db: ctx.db,
          options: ctx.options,
          fetch: ctx.fetch,
          scope: ctx.scope,
          mode,
          onCommitted: (row) => ctx.progress.partitionUpdated(row),
          onFailed: (id, error) => ctx.progress.partitionFailed(id, error)
        },
        partition
      )
    )
  )
}
