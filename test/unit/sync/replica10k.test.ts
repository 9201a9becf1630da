/**
 * The headline guarantee at full size: a 10,000-customer account, synced through the real
 * gateway client at its default rate limiter against the simulator with ChartMogul's real
 * limits, ends as an exact replica — without a single 429 or 503.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createSyncEngine, type ResourceProgress } from '../../../src/renderer/src/sync'
import { SYNC_RESOURCES } from '../../../src/shared/sync/pageSource'
import { freshCache } from './support/cache'
import { countingSource } from './support/countingSource'
import { cachedReplica, counts, expectedReplica, sameReplica } from './support/replica'
import { startSimulatedAccount, type SimulatedAccount } from './support/simulatorSource'

let account: SimulatedAccount
beforeAll(async () => {
  account = await startSimulatedAccount({ seed: 10_000, customers: 10_000 })
})
afterAll(() => account.close())

test('a 10,000-customer account ends as an exact replica with zero 429s', async () => {
  const db = await freshCache('replica-10k')
  const source = countingSource(account.source)
  const engine = createSyncEngine({ db, source })
  const final = new Map<string, ResourceProgress>()
  engine.onProgress((p) => final.set(p.resource, p))

  const startedAt = performance.now()
  const result = await engine.run()
  const seconds = (performance.now() - startedAt) / 1000

  expect(result.outcome).toBe('complete')
  const expected = expectedReplica(account.sim)
  const actual = await cachedReplica(db)
  expect(counts(actual)).toEqual(counts(expected))
  if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)

  const stats = account.sim.stats
  expect(stats.status429).toBe(0)
  expect(stats.status503).toBe(0)
  expect(result.requests).toBe(stats.requests)
  for (const resource of SYNC_RESOURCES) {
    expect(final.get(resource)?.records).toBe(expected[resource].length)
  }
  const total = Object.values(counts(expected)).reduce((a, b) => a + b, 0)
  console.info(
    `10k sync: ${total} records, ${result.requests} requests, ${seconds.toFixed(1)} s, ` +
      `max ${stats.maxConcurrency} in flight; partitions ` +
      [...final.values()].map((p) => `${p.resource} ${p.partitions.total}`).join(', ')
  )
  db.close()
}, 60_000)
