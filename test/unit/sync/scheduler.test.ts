/**
 * The scheduler's triggers under fake timers: at start, every interval after the previous run
 * ends, "Sync now", and the network's return — and nothing at all while offline.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import {
  createSyncScheduler,
  manualConnectivity,
  type EngineStatus,
  type SyncEngine,
  type SyncRunOptions,
  type SyncRunResult,
  type SyncTrigger
} from '../../../src/renderer/src/sync'

const INTERVAL = 15 * 60_000

/** An engine double: each run takes `runMs` of (fake) time. */
function engineDouble(runMs = 1_000) {
  const runs: SyncRunOptions[] = []
  let status: EngineStatus = 'idle'
  let current: Promise<SyncRunResult> | null = null
  const calls = { cancel: 0, setOffline: 0 }
  const engine: SyncEngine = {
    run(options = {}) {
      if (current) return current
      runs.push(options)
      status = 'syncing'
      current = new Promise<SyncRunResult>((resolve) =>
        setTimeout(() => {
          current = null
          status = 'idle'
          resolve({
            outcome: 'complete',
            resources: {},
            requests: 0,
            retries: 0,
            error: null,
            startedAt: '',
            finishedAt: ''
          })
        }, runMs)
      )
      return current
    },
    cancel: () => void (calls.cancel += 1),
    setOffline: () => {
      calls.setOffline += 1
      status = 'offline'
    },
    onProgress: () => () => undefined,
    onStatus: () => () => undefined,
    onServerWait: () => () => undefined,
    serverWait: null,
    get status() {
      return status
    },
    get running() {
      return current !== null
    },
    lastResult: null,
    progress: () => []
  }
  return { engine, runs, calls }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

test('runs at start, then every interval after the previous run ended', async () => {
  const { engine, runs } = engineDouble(1_000)
  const triggers: SyncTrigger[] = []
  const scheduler = createSyncScheduler({
    engine,
    connectivity: manualConnectivity(true),
    intervalMs: INTERVAL,
    onRun: (trigger) => triggers.push(trigger)
  })
  scheduler.start()
  expect(runs).toHaveLength(1)
  await vi.advanceTimersByTimeAsync(1_000) // the run ends; the countdown starts now
  await vi.advanceTimersByTimeAsync(INTERVAL - 1)
  expect(runs).toHaveLength(1)
  await vi.advanceTimersByTimeAsync(1)
  expect(runs).toHaveLength(2)
  await vi.advanceTimersByTimeAsync(1_000 + INTERVAL)
  expect(runs).toHaveLength(3)
  expect(triggers).toEqual(['start', 'interval'])
  scheduler.stop()
  await vi.advanceTimersByTimeAsync(10 * INTERVAL)
  expect(runs).toHaveLength(3)
})

test('"Sync now" runs at once, passes its options and restarts the countdown', async () => {
  const { engine, runs } = engineDouble(1_000)
  const scheduler = createSyncScheduler({
    engine,
    connectivity: manualConnectivity(true),
    intervalMs: INTERVAL
  })
  scheduler.start()
  await vi.advanceTimersByTimeAsync(1_000 + INTERVAL / 2)
  const manual = scheduler.syncNow({ full: true })
  expect(runs).toEqual([{}, { full: true }])
  await vi.advanceTimersByTimeAsync(1_000)
  expect((await manual)?.outcome).toBe('complete')
  await vi.advanceTimersByTimeAsync(INTERVAL - 1)
  expect(runs).toHaveLength(2)
  await vi.advanceTimersByTimeAsync(1)
  expect(runs).toHaveLength(3)
  scheduler.stop()
})

test('a trigger during a run joins it instead of starting another', async () => {
  const { engine, runs } = engineDouble(5_000)
  const scheduler = createSyncScheduler({ engine, connectivity: manualConnectivity(true) })
  scheduler.start()
  const joined = scheduler.syncNow()
  await vi.advanceTimersByTimeAsync(5_000)
  await joined
  expect(runs).toHaveLength(1)
  scheduler.stop()
})

test('offline: nothing runs, however long; back online: it runs at once', async () => {
  const { engine, runs, calls } = engineDouble(1_000)
  const connectivity = manualConnectivity(false)
  const scheduler = createSyncScheduler({ engine, connectivity, intervalMs: INTERVAL })
  scheduler.start()
  expect(runs).toHaveLength(0)
  expect(engine.status).toBe('offline')
  expect(await scheduler.syncNow()).toBeNull()
  await vi.advanceTimersByTimeAsync(10 * INTERVAL)
  expect(runs).toHaveLength(0)

  connectivity.set(true)
  expect(runs).toHaveLength(1)
  await vi.advanceTimersByTimeAsync(1_000 + INTERVAL)
  expect(runs).toHaveLength(2)

  // Going offline mid-run tells the engine (which stops its run) and stops the schedule.
  await vi.advanceTimersByTimeAsync(500)
  const offlineCalls = calls.setOffline
  connectivity.set(false)
  expect(calls.setOffline).toBe(offlineCalls + 1)
  await vi.advanceTimersByTimeAsync(500 + 10 * INTERVAL)
  expect(runs).toHaveLength(2)
  scheduler.stop()
  expect(calls.cancel).toBe(1)
})
