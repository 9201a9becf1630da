/**
 * The sync engine of a Monaco workspace: the same `SyncEngine` as ChartMogul's (one shell,
 * `sync/engineShell.ts`), so the scheduler, status bar and sections serve both. A run reads
 * the lookups first, then accounts, contacts and opportunities in parallel, each split into
 * `created_at` windows that walk in parallel within the organization's budget (main's limiter).
 */
import type { MonacoSource, MonacoSyncEntity } from '../../../shared/sync/monacoSource'
import type { WorkspaceCache } from '../cache/db'
import type { SyncErrorInfo } from '../cache/syncState'
import { AbortScope } from '../sync/abortScope'
import { isoAt } from '../sync/clock'
import type { RunOutcome, SyncEngine, SyncRunOptions, SyncRunResult } from '../sync/engine'
import {
  createEngineShell,
  stoppedOutcome,
  type EngineRunContext,
  type StopReason
} from '../sync/engineShell'
import { RunStoppedError } from '../sync/fetching'
import type { ResourceOutcome } from '../sync/resourceSync'
import { Semaphore } from '../sync/semaphore'
import { syncEntity } from './entitySync'
import { syncLookups } from './lookupsSync'
import { resolveMonacoSyncOptions, type MonacoSyncOptions } from './options'
import { MonacoProgressTracker } from './progress'
import { createMonacoCaller } from './stepFetch'

export interface CreateMonacoSyncEngineInput {
  db: WorkspaceCache
  source: MonacoSource
  options?: MonacoSyncOptions
}

/**
 * `run({ full: true })` makes every entity's pass a full one. `resources` (ChartMogul's) is not
 * used: a Monaco run syncs the engine's `entities`.
 */
export function createMonacoSyncEngine(input: CreateMonacoSyncEngineInput): SyncEngine {
  const { db, source } = input
  const options = resolveMonacoSyncOptions(input.options)
  return createEngineShell(options.clock, execute)

  async function execute(
    request: SyncRunOptions,
    context: EngineRunContext
  ): Promise<SyncRunResult> {
    const startedAt = isoAt(options.clock.now())
    const scope = new AbortScope()
    let stopReason: StopReason | null = null
    const stop = (reason: StopReason): void => {
      stopReason ??= reason
      scope.abort(new RunStoppedError())
    }
    context.onStop(stop)
    let requests = 0
    let retries = 0
    const outcomes: Partial<Record<MonacoSyncEntity, ResourceOutcome>> = {}
    const finish = (outcome: RunOutcome, error: SyncErrorInfo | null): SyncRunResult => ({
      outcome,
      resources: outcomes,
      requests,
      retries,
      error,
      startedAt,
      finishedAt: isoAt(options.clock.now())
    })

    context.setStatus('syncing')
    if (options.isOnline?.() === false) return finish('offline', null)

    const trackers = new Map(
      options.entities.map((entity) => [
        entity,
        new MonacoProgressTracker(entity, options.clock, context.emitProgress)
      ])
    )
    for (const tracker of trackers.values()) tracker.setPhase('queued')
    const call = createMonacoCaller({
      semaphore: new Semaphore(options.maxInFlight),
      options,
      stop: (reason, error) =>
        stop({ outcome: reason === 'offline' ? 'offline' : 'failed', error }),
      onRequests: (_label, count) => {
        requests += count
      },
      onRetry: (label) => {
        retries += 1
        trackers.get(label as MonacoSyncEntity)?.retried()
      },
      onServerWait: context.beginServerWait
    })
    const fail = (error: unknown): void => stop({ outcome: 'failed', error })
    const walks = { active: 0 }

    const lookups = await syncLookups(db, source, call, scope, options.clock, fail)
    const stoppedEarly = stopReason as StopReason | null
    if (stoppedEarly !== null) {
      const { outcome, error } = stoppedOutcome(stoppedEarly, options.clock)
      return finish(outcome, error)
    }

    const settled = await Promise.all(
      options.entities.map(async (entity) => {
        const entityScope = scope.child()
        const outcome = await syncEntity(
          {
            db,
            source,
            options,
            call,
            scope: entityScope,
            progress: trackers.get(entity) as MonacoProgressTracker,
            fail,
            walks
          },
          entity,
          request.full === true
        ).finally(() => entityScope.dispose())
        outcomes[entity] = outcome
        return [entity, outcome] as const
      })
    )
    const stopped = stopReason as StopReason | null
    if (stopped !== null) {
      const { outcome, error } = stoppedOutcome(stopped, options.clock)
      return finish(outcome, error)
    }
    const complete = settled.every(([, outcome]) => outcome === 'complete')
    if (complete && lookups.outcome === 'complete') return finish('complete', null)
    // Partial: the user is told why (the lookups, else the first entity that did not finish).
    const why =
      lookups.outcome === 'partial'
        ? lookups.error
        : settled
            .filter(([, outcome]) => outcome !== 'complete')
            .map(([entity]) => trackers.get(entity)?.snapshot().lastError ?? null)
            .find((error) => error !== null)
    return finish('partial', why ?? null)
  }
}
