/** Progress events: per resource, counts that only grow, sane estimates, right final numbers. */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createSyncEngine, type ResourceProgress } from '../../../src/renderer/src/sync'
import { SYNC_RESOURCES } from '../../../src/shared/sync/pageSource'
import { freshCache } from './support/cache'
import { counts, expectedReplica } from './support/replica'
import { startSimulatedAccount, type SimulatedAccount } from './support/simulatorSource'

let account: SimulatedAccount
beforeAll(async () => {
  account = await startSimulatedAccount({ seed: 31, customers: 800, fast: true })
})
afterAll(() => account.close())

function byResource(events: ResourceProgress[]): Map<string, ResourceProgress[]> {
  const map = new Map<string, ResourceProgress[]>()
  for (const event of events) map.set(event.resource, [...(map.get(event.resource) ?? []), event])
  return map
}

test('progress is monotonic per resource and ends with the right counts', async () => {
  const db = await freshCache('progress')
  const engine = createSyncEngine({ db, source: account.source, options: { perPage: 100 } })
  const events: ResourceProgress[] = []
  engine.onProgress((p) => events.push(p))
  const result = await engine.run()
  expect(result.outcome).toBe('complete')
  const expected = counts(expectedReplica(account.sim))

  const grouped = byResource(events)
  for (const resource of SYNC_RESOURCES) {
    const list = grouped.get(resource) ?? []
    expect(list.length).toBeGreaterThan(2)
    for (let i = 1; i < list.length; i++) {
      const [before, after] = [list[i - 1] as ResourceProgress, list[i] as ResourceProgress]
      expect(after.pages).toBeGreaterThanOrEqual(before.pages)
      expect(after.records).toBeGreaterThanOrEqual(before.records)
      expect(after.partitions.done).toBeGreaterThanOrEqual(before.partitions.done)
    }
    for (const event of list) {
      if (event.estimatedTotal !== null)
        expect(event.estimatedTotal).toBeGreaterThanOrEqual(event.records)
      if (event.etaSeconds !== null) expect(event.etaSeconds).toBeGreaterThanOrEqual(0)
      if (event.recordsPerSecond !== null) expect(event.recordsPerSecond).toBeGreaterThan(0)
    }
    const last = list.at(-1) as ResourceProgress
    expect(last).toMatchObject({
      phase: 'done',
      mode: 'full',
      records: expected[resource],
      estimatedTotal: expected[resource],
      etaSeconds: 0,
      skipped: 0,
      lastError: null
    })
    expect(last.partitions.done).toBe(last.partitions.total)
    expect(last.pages).toBeGreaterThanOrEqual(Math.ceil(expected[resource] / 100))
  }
  // Date windows extrapolate a total before they finish.
  const activities = grouped.get('activities') ?? []
  expect(activities.some((e) => e.phase === 'fetching' && e.estimatedTotal !== null)).toBe(true)

  // The second pass knows its size from the first, from its very first event.
  events.length = 0
  await engine.run()
  const customers = (byResource(events).get('customers') ?? []).filter(
    (e) => e.phase === 'fetching'
  )
  expect(customers[0]?.estimatedTotal).toBe(expected.customers)
  expect(engine.progress().map((p) => p.phase)).toEqual(SYNC_RESOURCES.map(() => 'done'))
  db.close()
})
