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
import { toErrorInfo } from './failures'
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
  resources: Partial<Record<SyncResource, ResourceOutcome>>
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

type StopReason = { outcome: 'offline' | 'cancelled' | 'failed'; error: unknown }

export function createSyncEngine(input: CreateSyncEngineInput): SyncEngine {
  const { db, source } = input
  const options = resolveSyncOptions(input.options)
  const progressListeners = new Set<ProgressListener>()
  const statusListeners = new Set<(status: EngineStatus) => void>()
  const latest = new Map<ProgressResource, ResourceProgress>()
  let status: EngineStatus = 'idle'
  let current: Promise<SyncRunResult> | null = null
  let stopCurrent: ((reason: StopReason) => void) | null = null
  let lastResult: SyncRunResult | null = null
  const waitListeners = new Set<(wait: RateLimitWait | null) => void>()
  const waits = new Set<RateLimitWait>()
  let serverWait: RateLimitWait | null = null

  function emitServerWait(): void {
    let latest: RateLimitWait | null = null
    for (const wait of waits) if (latest === null || wait.retryAt > latest.retryAt) latest = wait
    if (latest === serverWait) return
    serverWait = latest
    for (const listener of waitListeners) listener(latest)
  }

  /** Shows `wait` until the returned function is called (once). */
  function beginServerWait(wait: RateLimitWait): () => void {
    const entry = { ...wait }
    waits.add(entry)
    emitServerWait()
    return () => {
      if (waits.delete(entry)) emitServerWait()
    }
  }

  function setStatus(next: EngineStatus): void {
    if (next === status) return
    status = next
    for (const listener of statusListeners) listener(next)
  }

  function emitProgress(progress: ResourceProgress): void {
    latest.set(progress.resource, progress)
    for (const listener of progressListeners) listener(progress)
  }

  async function execute(request: SyncRunOptions): Promise<SyncRunResult> {
    const startedAt = isoAt(options.clock.now())
    const scope = new AbortScope()
    let stopReason: StopReason | null = null
    stopCurrent = (reason) => {
      stopReason ??= reason
      scope.abort(new RunStoppedError())
    }
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
        stopCurrent?.({ outcome: reason === 'offline' ? 'offline' : 'failed', error }),
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
            fail: (error) => stopCurrent?.({ outcome: 'failed', error }),
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
      const error =
        stopped.error === null ? null : toErrorInfo(stopped.error, isoAt(options.clock.now()))
      return finish(stopped.outcome, outcomes, error)
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

  function statusAfter(result: SyncRunResult): EngineStatus {
    switch (result.outcome) {
      case 'complete':
      case 'cancelled':
        return 'idle'
      case 'offline':
        return 'offline'
      case 'partial':
      case 'failed':
        return 'error'
    }
  }

  return {
    run(request = {}) {
      if (current !== null) return current
      const running = execute(request)
        .catch((error: unknown): SyncRunResult => ({
          // Only a bug gets here: every expected failure is already an outcome.
          outcome: 'failed',
          resources: {},
          requests: 0,
          retries: 0,
          error: toErrorInfo(error, isoAt(options.clock.now())),
          startedAt: isoAt(options.clock.now()),
          finishedAt: isoAt(options.clock.now())
        }))
        .then((result) => {
          lastResult = result
          current = null
          stopCurrent = null
          setStatus(statusAfter(result))
          return result
        })
      current = running
      return running
    },
    cancel() {
      stopCurrent?.({ outcome: 'cancelled', error: null })
    },
    setOffline() {
      stopCurrent?.({ outcome: 'offline', error: null })
      if (current === null) setStatus('offline')
    },
    onProgress(listener) {
      progressListeners.add(listener)
      return () => progressListeners.delete(listener)
    },
    onStatus(listener) {
      statusListeners.add(listener)
      return () => statusListeners.delete(listener)
    },
    onServerWait(listener) {
      waitListeners.add(listener)
      return () => waitListeners.delete(listener)
    },
    get serverWait() {
      return serverWait
    },
    get status() {
      return status
    },
    get running() {
      return current !== null
    },
    get lastResult() {
      return lastResult
    },
    progress() {
      return [...latest.values()]
    }
  }
}
