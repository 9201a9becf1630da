/**
 * bench:sync's apply comparison: the variants (including raw bulkPut at the page writer's own
 * batch) are interleaved in rotated order over several rounds, each into a fresh database that
 * ends up holding every record, and every run is kept as a sample.
 */
import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { APPLY_VARIANTS, runApplyBench } from '../../../bench/sync/applyBench'
import { interleavedOrder, median } from '../../../bench/stats'
import { startSimulator, type RunningSimulator } from '../../../src/main/simulator'
import { resolveSyncOptions } from '../../../src/renderer/src/sync/options'
import { expectedReplica } from '../sync/support/replica'

describe('interleavedOrder', () => {
  test('runs every variant once per round, each round starting one later', () => {
    expect(interleavedOrder(['a', 'b', 'c'], 3)).toEqual([
      ['a', 'b', 'c'],
      ['b', 'c', 'a'],
      ['c', 'a', 'b']
    ])
  })

  test('with as many rounds as variants, each variant runs once in every position', () => {
    const order = interleavedOrder(APPLY_VARIANTS, APPLY_VARIANTS.length)
    for (let position = 0; position < APPLY_VARIANTS.length; position++) {
      expect(new Set(order.map((round) => round[position]))).toEqual(new Set(APPLY_VARIANTS))
    }
  })

  test('median of an even count averages the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(() => median([])).toThrow(RangeError)
  })
})

describe('runApplyBench', () => {
  let sim: RunningSimulator
  beforeAll(async () => {
    sim = await startSimulator({
      data: { seed: 7, customers: 40, targetActivities: 1_000, opportunities: 0, plans: 3 },
      onError: () => undefined
    })
  })
  afterAll(async () => {
    await sim.close()
  })

  test('times every variant in every round, into fresh databases holding every record', async () => {
    const records = expectedReplica(sim).activities
    expect(records.length).toBeGreaterThan(400)
    const result = await runApplyBench('activities', records, 3)

    expect(result.rounds).toBe(3)
    expect(result.order).toEqual(interleavedOrder(APPLY_VARIANTS, 3))
    expect(result.pagesPerCommit).toBe(resolveSyncOptions().pagesAhead)
    for (const variant of APPLY_VARIANTS) {
      expect(result.samples[variant]).toHaveLength(3)
      for (const ms of result.samples[variant]) expect(ms).toBeGreaterThan(0)
      // A database that kept another run's rows would still say records.length; one that lost a
      // batch would say less: together with the fresh name per run this pins both.
      expect(result.rowsWritten[variant]).toEqual([records.length, records.length, records.length])
    }
    const left = await indexedDB.databases()
    expect(left.filter((d) => d.name?.includes('bench-apply'))).toEqual([])
  })
})
