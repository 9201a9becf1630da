/**
 * The scheduler says when it really tries again, and tries sooner when the machine is online
 * but the provider's server cannot be reached (no "online" event will say when it is back).
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import {
  createSyncScheduler,
  manualConnectivity,
  type RunOutcome,
  type SyncEngine,
  type SyncRunResult
} from '../../../src/renderer/src/sync'

const INTERVAL = 15 * 60_000
const MINUTE = 60_000

/** An engine double whose runs end at once with the next outcome of `outcomes`. */
function engineWith(outcomes: RunOutcome[]): { engine: SyncEngine; runs: () => number } {
  let runs = 0
  const result = (outcome: RunOutcome): SyncRunResult => ({
    outcome,
    resources: {},
    requests: 0,
    retries: 0,
    error: null,
    startedAt: '',
    finishedAt: ''
  })
  const engine: SyncEngine = {
    run: () => Promise.resolve(result(outcomes[runs++] ?? 'complete')),
    cancel: () => undefined,
    setOffline: () => undefined,
    onProgress: () => () => undefined,
    onStatus: () => () => undefined,
    onServerWait: () => () => undefined,
    serverWait: null,
    status: 'idle',
    running: false,
    lastResult: null,
    progress: () => []
  }
  return { engine, runs: () => runs }
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-01-01T06:00:00Z'))
})
afterEach(() => {
  vi.useRealTimers()
})

test('reports the next attempt: the interval after a run, none once stopped', async () => {
  const { engine } = engineWith(['complete'])
  const heard: (number | null)[] = []
  const scheduler = createSyncScheduler({
    engine,
    connectivity: manualConnectivity(true),
    intervalMs: INTERVAL,
    onNextRun: (at) => heard.push(at)
  })
  scheduler.start()
  await vi.advanceTimersByTimeAsync(0)
  expect(scheduler.nextRunAt).toBe(Date.now() + INTERVAL)
  expect(heard.at(-1)).toBe(Date.now() + INTERVAL)
  scheduler.stop()
  expect(scheduler.nextRunAt).toBeNull()
  expect(heard.at(-1)).toBeNull()
})

test('the next attempt is already known when the run is reported', async () => {
  const { engine } = engineWith(['offline'])
  let seen: number | null = null
  const scheduler = createSyncScheduler({
    engine,
    connectivity: manualConnectivity(true),
    intervalMs: INTERVAL,
    onRun: () => (seen = scheduler.nextRunAt)
  })
  scheduler.start()
  await vi.advanceTimersByTimeAsync(0)
  expect(seen).toBe(Date.now() + MINUTE)
  scheduler.stop()
})

test('server out of reach while online: retries after 1, 2, 4… minutes, back to the interval once it answers', async () => {
  const { engine, runs } = engineWith(['offline', 'offline', 'offline', 'complete'])
  const scheduler = createSyncScheduler({
    engine,
    connectivity: manualConnectivity(true),
    intervalMs: INTERVAL
  })
  scheduler.start()
  await vi.advanceTimersByTimeAsync(0)
  expect(runs()).toBe(1)
  expect(scheduler.nextRunAt).toBe(Date.now() + MINUTE)
  await vi.advanceTimersByTimeAsync(MINUTE)
  expect(runs()).toBe(2)
  expect(scheduler.nextRunAt).toBe(Date.now() + 2 * MINUTE)
  await vi.advanceTimersByTimeAsync(2 * MINUTE)
  expect(runs()).toBe(3)
  expect(scheduler.nextRunAt).toBe(Date.now() + 4 * MINUTE)
  await vi.advanceTimersByTimeAsync(4 * MINUTE)
  expect(runs()).toBe(4)
  // It answered: the ordinary interval again.
  expect(scheduler.nextRunAt).toBe(Date.now() + INTERVAL)
  scheduler.stop()
})

test('the quicker retries never wait longer than the interval', async () => {
  const { engine } = engineWith(Array<RunOutcome>(10).fill('offline'))
  const scheduler = createSyncScheduler({
    engine,
    connectivity: manualConnectivity(true),
    intervalMs: 3 * MINUTE
  })
  scheduler.start()
  await vi.advanceTimersByTimeAsync(MINUTE + 2 * MINUTE)
  expect(scheduler.nextRunAt).toBe(Date.now() + 3 * MINUTE)
  scheduler.stop()
})
