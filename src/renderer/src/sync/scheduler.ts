/**
 * When the engine runs: at start, every `intervalMs` after the previous run ended, on "Sync
 * now", and when the machine comes back online. While offline nothing is attempted (no retry
 * loop): the engine is marked offline and the next "online" event triggers the run. When the
 * machine is online but the provider's server cannot be reached, the next attempt comes sooner
 * than the interval (1, 2, 4… minutes, never later than the interval): the network "works", so
 * no event will say when the server is back. Every (re)armed attempt is reported, so the UI can
 * say when Revdesk really tries again.
 */
import type { SyncClock } from './clock'
import { systemSyncClock } from './clock'
import type { ConnectivitySource } from './connectivity'
import type { SyncEngine, SyncRunOptions, SyncRunResult } from './engine'

export type SyncTrigger = 'start' | 'interval' | 'manual' | 'online'

export interface SyncSchedulerOptions {
  engine: SyncEngine
  connectivity: ConnectivitySource
  /** Default 15 minutes. */
  intervalMs?: number
  clock?: SyncClock
  /** Observes each run the scheduler starts (logging, tests). */
  onRun?: (trigger: SyncTrigger, result: SyncRunResult | null) => void
  /** Hears when the next attempt is due (epoch ms), or null when none is armed. */
  onNextRun?: (at: number | null) => void
  /** First retry after the server could not be reached while online (default 1 min; doubles). */
  unreachableRetryMs?: number
}

export interface SyncScheduler {
  start(): void
  stop(): void
  /** Runs now (joining a run under way), unless offline. */
  syncNow(options?: SyncRunOptions): Promise<SyncRunResult | null>
  readonly started: boolean
  /** When the next attempt is due (epoch ms), or null when none is armed. */
  readonly nextRunAt: number | null
}

export const DEFAULT_SYNC_INTERVAL_MS = 15 * 60_000

export function createSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const { engine, connectivity } = options
  const intervalMs = options.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS
  const clock = options.clock ?? systemSyncClock
  const unreachableRetryMs = options.unreachableRetryMs ?? 60_000
  let timer: unknown = null
  let nextRunAt: number | null = null
  /** Runs in a row that could not reach the server while the machine was online. */
  let unreachableRuns = 0
  let unsubscribe: (() => void) | null = null
  let started = false

  function setNextRun(at: number | null): void {
    if (at === nextRunAt) return
    nextRunAt = at
    options.onNextRun?.(at)
  }

  function clearTimer(): void {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    setNextRun(null)
  }

  function armTimer(): void {
    clearTimer()
    if (!started) return
    const delay =
      unreachableRuns === 0
        ? intervalMs
        : Math.min(intervalMs, unreachableRetryMs * 2 ** (unreachableRuns - 1))
    timer = clock.setTimeout(() => {
      timer = null
      setNextRun(null)
      void trigger('interval')
    }, delay)
    setNextRun(clock.now() + delay)
  }

  async function trigger(
    reason: SyncTrigger,
    request: SyncRunOptions = {}
  ): Promise<SyncRunResult | null> {
    if (!connectivity.isOnline()) {
      engine.setOffline()
      options.onRun?.(reason, null)
      // Waiting for the "online" event, not polling.
      return null
    }
    clearTimer()
    try {
      const result = await engine.run(request)
      // "offline" while the machine says it is online: the server is out of reach.
      const unreachable = result.outcome === 'offline' && connectivity.isOnline()
      unreachableRuns = unreachable ? unreachableRuns + 1 : 0
      // Armed before the run is reported, so listeners already see the real next attempt.
      armTimer()
      options.onRun?.(reason, result)
      return result
    } finally {
      // Offline runs re-arm too: the event may never come if the network "works" but
      // ChartMogul does not answer, and one attempt per interval is not a storm.
      armTimer()
    }
  }

  return {
    start() {
      if (started) return
      started = true
      unsubscribe = connectivity.subscribe((online) => {
        if (online) void trigger('online')
        else engine.setOffline()
      })
      void trigger('start')
    },
    stop() {
      started = false
      clearTimer()
      unsubscribe?.()
      unsubscribe = null
      engine.cancel()
    },
    syncNow(request) {
      return trigger('manual', request)
    },
    get started() {
      return started
    },
    get nextRunAt() {
      return nextRunAt
    }
  }
}
