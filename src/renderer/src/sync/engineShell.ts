/**
 * What every provider's sync engine shares around its run: one run at a time (a run asked
 * for while one is going joins it), stopping it (cancel, offline, a failure no retry fixes),
 * the status the status bar shows, progress and server-wait listeners. A provider supplies
 * only `execute`, which does the run and reports through the context.
 */
import type { SyncErrorInfo } from '../cache/syncState'
import { isoAt, type SyncClock } from './clock'
import type { EngineStatus, RunOutcome, SyncEngine, SyncRunOptions, SyncRunResult } from './engine'
import { toErrorInfo } from './failures'
import type { ProgressListener, ProgressResource, ResourceProgress } from './progress'
import type { RateLimitWait } from './serverWait'

export type StopReason = { outcome: 'offline' | 'cancelled' | 'failed'; error: unknown }

export interface EngineRunContext {
  /** Called by the shell when the run must stop (the first reason of a run wins). */
  onStop(stop: (reason: StopReason) => void): void
  emitProgress(progress: ResourceProgress): void
  /** Shows `wait` until the returned function is called (once). */
  beginServerWait(wait: RateLimitWait): () => void
  setStatus(status: EngineStatus): void
}

export type EngineExecute = (
  request: SyncRunOptions,
  context: EngineRunContext
) => Promise<SyncRunResult>

/** The outcome of a run stopped for `reason`, with its error as stored and shown. */
export function stoppedOutcome(
  reason: StopReason,
  clock: SyncClock
): { outcome: RunOutcome; error: SyncErrorInfo | null } {
  return {
    outcome: reason.outcome,
    error: reason.error === null ? null : toErrorInfo(reason.error, isoAt(clock.now()))
  }
}

export function createEngineShell(clock: SyncClock, execute: EngineExecute): SyncEngine {
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

  function setStatus(next: EngineStatus): void {
    if (next === status) return
    status = next
    for (const listener of statusListeners) listener(next)
  }

  const context: EngineRunContext = {
    onStop(stop) {
      stopCurrent = stop
    },
    emitProgress(progress) {
      latest.set(progress.resource, progress)
      for (const listener of progressListeners) listener(progress)
    },
    beginServerWait(wait) {
      const entry = { ...wait }
      waits.add(entry)
      emitServerWait()
      return () => {
        if (waits.delete(entry)) emitServerWait()
      }
    },
    setStatus
  }

  return {
    run(request = {}) {
      if (current !== null) return current
      const running = execute(request, context)
        .catch((error: unknown): SyncRunResult => ({
          // Only a bug gets here: every expected failure is already an outcome.
          outcome: 'failed',
          resources: {},
          requests: 0,
          retries: 0,
          error: toErrorInfo(error, isoAt(clock.now())),
          startedAt: isoAt(clock.now()),
          finishedAt: isoAt(clock.now())
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
