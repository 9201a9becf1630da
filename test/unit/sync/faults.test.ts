/**
 * One request in ten fails — 429s, JSON and plain-text 5xx, dropped connections, bodies cut
 * short, unparseable JSON — and the result is still an exact replica.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createChartMogulClient } from '../../../src/main/chartmogul'
import { createSyncEngine } from '../../../src/renderer/src/sync'
import { freshCache } from './support/cache'
import { cachedReplica, expectedReplica, sameReplica } from './support/replica'
import {
  clientPageSource,
  startSimulatedAccount,
  unlimited,
  type SimulatedAccount
} from './support/simulatorSource'

let account: SimulatedAccount
beforeAll(async () => {
  account = await startSimulatedAccount({
    seed: 51,
    customers: 800,
    fast: true,
    // The gateway's own retries, with short delays so the test stays quick.
    client: { retry: { baseDelayMs: 5, maxDelayMs: 40 } }
  })
})
afterAll(() => account.close())

const injectedFaults = () => Object.values(account.sim.stats.faults).reduce((a, b) => a + b, 0)

test('under 10% injected faults of every kind the cache ends as an exact replica', async () => {
  account.sim.resetStats()
  account.sim.setFaults({
    seed: 5,
    rate429: 0.02,
    rate5xxJson: 0.02,
    rate5xxText: 0.02,
    rateReset: 0.015,
    rateTruncated: 0.015,
    rateMalformed: 0.01
  })
  const db = await freshCache('faults')
  const engine = createSyncEngine({
    db,
    source: account.source,
    options: { perPage: 25, retryDelayMs: 5 }
  })
  // A first sync, then full passes over a populated cache (where a lost page would also
  // remove rows): every one must end exact.
  for (const full of [false, true, true]) {
    expect((await engine.run({ full })).outcome).toBe('complete')
    const actual = await cachedReplica(db)
    const expected = expectedReplica(account.sim)
    if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
  }
  account.sim.clearFaults()

  const { faults, requests } = account.sim.stats
  console.info(`faults: ${injectedFaults()} of ${requests} requests`, faults)
  expect(injectedFaults() / requests).toBeGreaterThan(0.07)
  for (const kind of [
    'status429',
    'serverErrorJson',
    'serverErrorText',
    'reset',
    'truncated',
    'malformed'
  ] as const) {
    expect(faults[kind], kind).toBeGreaterThan(0)
  }
  db.close()
}, 30_000)

test('with the gateway not retrying, the engine’s own bounded page retries carry the sync', async () => {
  account.sim.resetStats()
  // Connection-level faults would read as "offline" once the gateway gives up on them, and
  // stop the run by design; the engine's retries are for pages that come back bad.
  account.sim.setFaults({
    seed: 9,
    rate429: 0.03,
    rate5xxJson: 0.03,
    rate5xxText: 0.02,
    rateMalformed: 0.02
  })
  const client = createChartMogulClient({
    apiKey: account.sim.apiKey,
    baseUrl: account.sim.url,
    limiter: unlimited,
    retry: { maxAttempts: 1 }
  })
  const db = await freshCache('faults-engine')
  const engine = createSyncEngine({
    db,
    source: clientPageSource(client),
    options: { perPage: 25, retryDelayMs: 1, pageAttempts: 8 }
  })
  const result = await engine.run()
  account.sim.clearFaults()

  expect(result.outcome).toBe('complete')
  const actual = await cachedReplica(db)
  const expected = expectedReplica(account.sim)
  if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
  // Every failed request was retried once by the engine, and nothing else was.
  expect(account.sim.stats.faults.malformed).toBeGreaterThan(0)
  expect(result.retries).toBe(injectedFaults())
  expect(engine.progress().reduce((n, p) => n + p.retries, 0)).toBe(result.retries)
  db.close()
}, 30_000)
