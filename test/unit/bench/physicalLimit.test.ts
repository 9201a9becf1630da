/**
 * bench:sync's distance from the physical limit: the floor is one request per full page of each
 * resource at the request budget's pace, and the official SDK walking every cursor to its end
 * against the simulator makes exactly that many requests (so the floor is not a guess).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { limitRatio, physicalLimit } from '../../../bench/sync/physicalLimit'
import {
  fetchEverythingWithSdk,
  fetchEverythingWithSdkInParallel,
  SDK_PER_PAGE
} from '../../../bench/sync/sdkBaseline'
import { startSimulator, type RunningSimulator } from '../../../src/main/simulator'
import { SYNC_RESOURCES } from '../../../src/shared/sync/pageSource'
import { expectedReplica } from '../sync/support/replica'

describe('physicalLimit', () => {
  test('one request per started page of each resource, at least one each, at the budget', () => {
    const limit = physicalLimit(
      { customers: 10_000, activities: 50_001, opportunities: 2_500, plans: 0 },
      200,
      20
    )
    expect(limit.pagesPerResource).toEqual({
      customers: 50,
      activities: 251,
      opportunities: 13,
      plans: 1
    })
    expect(limit.minimumRequests).toBe(315)
    expect(limit.floorMs).toBe(15_750)
    expect(limitRatio(18_112.5, limit)).toBeCloseTo(1.15, 10)
  })

  test('a nonsensical page size or budget is refused', () => {
    expect(() =>
      physicalLimit({ customers: 1, activities: 1, opportunities: 1, plans: 1 }, 0, 20)
    ).toThrow(RangeError)
  })
})

describe('the SDK baselines against the simulator', () => {
  let sim: RunningSimulator
  beforeAll(async () => {
    sim = await startSimulator({
      data: { seed: 3, customers: 400, targetActivities: 1_000, opportunities: 200, plans: 12 },
      rateLimit: false,
      maxConcurrent: false,
      // Enough latency for the parallel loops to overlap measurably.
      faults: { latencyMs: 30 },
      onError: () => undefined
    })
  })
  afterAll(async () => {
    await sim.close()
  })

  test('sequential: lists every record with exactly the minimum requests', async () => {
    const expected = expectedReplica(sim)
    const records = Object.fromEntries(SYNC_RESOURCES.map((r) => [r, expected[r].length]))
    sim.resetStats()
    const counts = await fetchEverythingWithSdk(sim.url, sim.apiKey)
    expect(counts).toEqual(records)
    const limit = physicalLimit(counts, SDK_PER_PAGE, 20)
    expect(sim.stats.requests).toBe(limit.minimumRequests)
    expect(sim.stats.maxConcurrency).toBe(1)
  })

  test('parallel: the same records and requests, with the four cursor loops in flight at once', async () => {
    const expected = expectedReplica(sim)
    sim.resetStats()
    const counts = await fetchEverythingWithSdkInParallel(sim.url, sim.apiKey)
    expect(counts).toEqual(Object.fromEntries(SYNC_RESOURCES.map((r) => [r, expected[r].length])))
    expect(sim.stats.requests).toBe(physicalLimit(counts, SDK_PER_PAGE, 20).minimumRequests)
    expect(sim.stats.maxConcurrency).toBe(4)
  })
})
