/**
 * When the engine runs: at start, every `intervalMs` after the previous run ended, on "Sync
 * now", and when the machine comes back online. While offline nothing is attempted (no retry
 * loop): the engine is marked offline and the next "online" event triggers the run.
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
}

export interface SyncScheduler {
  start(): void
  stop(): void
  /** Runs now (joining a run under way), unless offline. */
  syncNow(options?: SyncRunOptions): Promise<SyncRunResult | null>
  readonly started: boolean
}

export const DEFAULT_SYNC_INTERVAL_MS = 15 * 60_000

export function createSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const { engine, connectivity } = options
  const intervalMs = options.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS
  const clock = options.clock ?? systemSyncClock
  let timer: unknown = null
  let unsubscribe: (() => void) | null = null
  let started = false

  function clearTimer(): void {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
  }

  function armTimer(): void {
    clearTimer()
    if (!started) return
    timer = clock.setTimeout(() => {
      timer = null
      void trigger('interval')
    }, intervalMs)
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
    }
  }
}
