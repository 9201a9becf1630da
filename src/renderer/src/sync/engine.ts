/**
 * The sync engine of one workspace: pulls every resource from a PageSource into the cache,
 * resumably, in parallel, and reports progress. One run at a time; a run asked for while one
 * is going joins it.
 */
import type { PageSource, SyncResource } from '../../../shared/sync/pageSource'
import type { WorkspaceCache } from '../cache/db'
import type { SyncErrorInfo } from '../cache/syncState'
import { AbortScope } from './abortScope'
import { isoAt } from './clock'
import {
  createEngineShell,
  stoppedOutcome,
  type EngineRunContext,
  type StopReason
} from './engineShell'
import { RunStoppedError, createPageFetcher } from './fetching'
import { resolveSyncOptions, type SyncEngineOptions } from './options'
import {
  ResourceProgressTracker,
  type ProgressListener,
  type ProgressResource,
  type ResourceProgress
} from './progress'
import { FetchBarrier } from './fetchBarrier'
import { syncResource, type ResourceOutcome } from './resourceSync'
import { Semaphore } from './semaphore'
import type { RateLimitWait } from './serverWait'

export interface SyncRunOptions {
  /** Full passes for every resource (activities are otherwise incremental between weekly full passes). */
  full?: boolean
  resources?: readonly SyncResource[]
}

/**
 * - `complete`: every resource finished its pass;
 * - `partial`: some partitions failed after retries (the rest is cached; the next run resumes);
 * - `offline`: ChartMogul could not be reached; nothing is retried until the network returns;
 * - `cancelled`: `cancel()` was called;
 * - `failed`: the key was refused or the cache could not be written.
 */
export type RunOutcome = 'complete' | 'partial' | 'offline' | 'cancelled' | 'failed'

export interface SyncRunResult {
  outcome: RunOutcome
  /** Per ChartMogul resource or Monaco entity of the run. */
  resources: Partial<Record<ProgressResource, ResourceOutcome>>
  /** Page requests issued by this run (retries included). */
  requests: number
  /** Pages fetched again by the engine after a bad or failed page. */
  retries: number
  error: SyncErrorInfo | null
  startedAt: string
  finishedAt: string
}

/** What the status bar shows. */
export type EngineStatus = 'idle' | 'syncing' | 'offline' | 'error'

export interface SyncEngine {
  run(options?: SyncRunOptions): Promise<SyncRunResult>
  /** Stops the current run promptly; committed pages stay and the next run resumes after them. */
  cancel(): void
  /** Records that the machine went offline (from the OS), stopping any run. */
  setOffline(): void
  onProgress(listener: ProgressListener): () => void
  onStatus(listener: (status: EngineStatus) => void): () => void
  /** Hears when the run starts or stops waiting because ChartMogul asked for a long pause. */
  onServerWait(listener: (wait: RateLimitWait | null) => void): () => void
  /** The pause the run is waiting out, or null (the latest when several pages wait). */
  readonly serverWait: RateLimitWait | null
  readonly status: EngineStatus
  readonly running: boolean
  readonly lastResult: SyncRunResult | null
  /** The latest progress of each resource of the current (or last) run. */
  progress(): ResourceProgress[]
}

export interface CreateSyncEngineInput {
  db: WorkspaceCache
  source: PageSource
  options?: SyncEngineOptions
}

export function createSyncEngine(input: CreateSyncEngineInput): SyncEngine {
  const { db, source } = input
  const options = resolveSyncOptions(input.options)
  return createEngineShell(options.clock, execute)

  async function execute(
    request: SyncRunOptions,
    context: EngineRunContext
  ): Promise<SyncRunResult> {
    const { emitProgress, beginServerWait, setStatus } = context
    const startedAt = isoAt(options.clock.now())
    const scope = new AbortScope()
    let stopReason: StopReason | null = null
    const stopCurrent = (reason: StopReason): void => {
      stopReason ??= reason
      scope.abort(new RunStoppedError())
    }
    context.onStop(stopCurrent)
    let requests = 0
    let retries = 0
    const resources = request.resources ?? options.resources
    const finish = (
      outcome: RunOutcome,
      outcomes: SyncRunResult['resources'],
      error: SyncErrorInfo | null
    ): SyncRunResult => ({
      outcome,
      resources: outcomes,
      requests,
      retries,
      error,
      startedAt,
      finishedAt: isoAt(options.clock.now())
    })

    setStatus('syncing')
    if (options.isOnline?.() === false) return finish('offline', {}, null)

    const trackers = new Map(
      resources.map((r) => [r, new ResourceProgressTracker(r, options.clock, emitProgress)])
    )
    const fetch = createPageFetcher({
      source,
      semaphore: new Semaphore(options.maxInFlight),
      options,
      stop: (reason, error) =>
        stopCurrent({ outcome: reason === 'offline' ? 'offline' : 'failed', error }),
      onRequest: () => {
        requests += 1
      },
      onRetry: (resource) => {
        retries += 1
        trackers.get(resource)?.retried()
      },
      onServerWait: beginServerWait
    })
    for (const tracker of trackers.values()) tracker.setPhase('queued')
    const barrier = new FetchBarrier(resources)

    const settled = await Promise.all(
      resources.map(async (resource) => {
        const resourceScope = scope.child()
        const outcome = await syncResource(
          {
            db,
            options,
            fetch,
            scope: resourceScope,
            progress: trackers.get(resource) as ResourceProgressTracker,
            fail: (error) => stopCurrent({ outcome: 'failed', error }),
            barrier
          },
          resource,
          request.full === true
        ).finally(() => resourceScope.dispose())
        return [resource, outcome] as const
      })
    )
    const outcomes = Object.fromEntries(settled) as SyncRunResult['resources']
    const stopped = stopReason as StopReason | null
    if (stopped !== null) {
      const { outcome, error } = stoppedOutcome(stopped, options.clock)
      return finish(outcome, outcomes, error)
    }
    const complete = settled.every(([, outcome]) => outcome === 'complete')
    if (complete) return finish('complete', outcomes, null)
    // Partial: the user is told why (the first resource that did not finish says what failed).
    const why = settled
      .filter(([, outcome]) => outcome !== 'complete')
      .map(([resource]) => trackers.get(resource)?.snapshot().lastError ?? null)
      .find((error) => error !== null)
    return finish('partial', outcomes, why ?? null)
  }
}
