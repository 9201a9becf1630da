/**
 * Offline is a state, not an error storm: the first fetch that cannot reach ChartMogul stops
 * the run with nothing retried, and the run that follows the network's return resumes it.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { OfflineError, createChartMogulClient } from '../../../src/main/chartmogul'
import {
  createSyncEngine,
  createSyncScheduler,
  manualConnectivity,
  type SyncRunResult
} from '../../../src/renderer/src/sync'
import { freshCache } from './support/cache'
import { countingSource, type Interceptor } from './support/countingSource'
import { cachedReplica, expectedReplica, sameReplica } from './support/replica'
import {
  clientPageSource,
  startSimulatedAccount,
  unlimited,
  type SimulatedAccount
} from './support/simulatorSource'

let account: SimulatedAccount
beforeAll(async () => {
  account = await startSimulatedAccount({ seed: 71, customers: 600, fast: true })
})
afterAll(() => account.close())

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/**
 * Resources start together, so how many first requests are out before the first failure comes
 * back depends on timing; what must not happen is any request once the run knows of a failure.
 */
function failureWatch(): { intercept: Interceptor; failures: number; sentAfterFailure: number } {
  const watch = {
    failures: 0,
    sentAfterFailure: 0,
    intercept: (async (_request, _index, forward) => {
      if (watch.failures > 0) watch.sentAfterFailure += 1
      try {
        return await forward()
      } catch (error) {
        watch.failures += 1
        throw error
      }
    }) as Interceptor
  }
  return watch
}

test('an unreachable server stops the run as offline: nothing is sent once a request has failed', async () => {
  const client = createChartMogulClient({
    apiKey: 'key',
    baseUrl: `http://127.0.0.1:${await closedPort()}`,
    limiter: unlimited,
    retry: { maxAttempts: 1 }
  })
  const db = await freshCache('offline-refused')
  const watch = failureWatch()
  const source = countingSource(clientPageSource(client), watch.intercept)
  const engine = createSyncEngine({ db, source })
  const statuses: string[] = []
  engine.onStatus((s) => statuses.push(s))
  const result = await engine.run()

  expect(result.outcome).toBe('offline')
  expect(result.error?.kind).toBe('network')
  expect(engine.status).toBe('offline')
  expect(statuses).toEqual(['syncing', 'offline'])
  expect(result.retries).toBe(0)
  expect(watch.failures).toBeGreaterThan(0)
  expect(watch.sentAfterFailure).toBe(0)
  // The first wave only: no more than the engine lets out at once (8 in flight by default).
  expect(source.requests.length).toBeLessThanOrEqual(8)
  db.close()
})

test('a refused API key stops the run as failed, without retrying', async () => {
  const client = createChartMogulClient({
    apiKey: 'not-the-key',
    baseUrl: account.sim.url,
    limiter: unlimited
  })
  const db = await freshCache('refused-key')
  const watch = failureWatch()
  const source = countingSource(clientPageSource(client), watch.intercept)
  const engine = createSyncEngine({ db, source })
  const result = await engine.run()
  expect(result.outcome).toBe('failed')
  expect(result.error?.kind).toBe('unauthorized')
  expect(engine.status).toBe('error')
  expect(result.retries).toBe(0)
  expect(watch.failures).toBeGreaterThan(0)
  expect(watch.sentAfterFailure).toBe(0)
  // The first wave only: no more than the engine lets out at once (8 in flight by default).
  expect(source.requests.length).toBeLessThanOrEqual(8)
  db.close()
})

test('going offline mid-sync stops quietly; coming back online resumes to an exact replica', async () => {
  const db = await freshCache('offline-resume')
  const connectivity = manualConnectivity(true)
  let offline = false
  let failedWhileOffline = 0
  // The network drops mid-sync: from the 20th request on, nothing gets through (until it is back).
  let dropped = false
  const source = countingSource(account.source, (_request, index, forward) => {
    if (!dropped && index >= 20) dropped = offline = true
    if (!offline) return forward()
    failedWhileOffline += 1
    return Promise.reject(new OfflineError({ code: 'ENETUNREACH', sent: false }))
  })
  const engine = createSyncEngine({ db, source, options: { perPage: 50 } })
  const runs: Array<SyncRunResult | null> = []
  let onRun: (() => void) | null = null
  const scheduler = createSyncScheduler({
    engine,
    connectivity,
    onRun: (_trigger, result) => {
      runs.push(result)
      onRun?.()
    }
  })
  const nextRun = () => new Promise<void>((resolve) => (onRun = resolve))

  let ran = nextRun()
  scheduler.start()
  await ran
  expect(runs[0]?.outcome).toBe('offline')
  expect(engine.status).toBe('offline')
  // No error storm: only fetches already on their way failed, none was retried.
  expect(failedWhileOffline).toBeLessThanOrEqual(8)
  expect(runs[0]?.retries).toBe(0)

  // The OS reports the outage; "Sync now" while offline does nothing.
  connectivity.set(false)
  const requestsWhileOffline = source.requests.length
  expect(await scheduler.syncNow()).toBeNull()
  expect(source.requests.length).toBe(requestsWhileOffline)

  offline = false
  ran = nextRun()
  connectivity.set(true)
  await ran
  scheduler.stop()
  expect(runs.at(-1)?.outcome).toBe('complete')
  expect(engine.status).toBe('idle')
  const actual = await cachedReplica(db)
  const expected = expectedReplica(account.sim)
  if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
  db.close()
})
