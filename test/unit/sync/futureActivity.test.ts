/**
 * One activity dated months ahead (a billing system's scheduled churn, a wrong clock) must not
 * move the incremental start point past the present: the high-water mark is bounded by the time
 * the pull that saw it started, so the next incremental pull still fetches everything recorded
 * since then.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createSyncEngine } from '../../../src/renderer/src/sync'
import { loadResourceState } from '../../../src/renderer/src/sync/passStore'
import { freshCache } from './support/cache'
import { countingSource } from './support/countingSource'
import { cachedReplica, expectedReplica, sameReplica } from './support/replica'
import { startSimulatedAccount, type SimulatedAccount } from './support/simulatorSource'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
let account: SimulatedAccount
beforeAll(async () => {
  account = await startSimulatedAccount({ seed: 23, customers: 300, fast: true })
})
afterAll(() => account.close())

test('a future-dated activity does not hide the activities recorded after the pull that saw it', async () => {
  const { store } = account.sim
  const newest = Math.max(...store.activities().map((a) => Date.parse(a.date)))
  // The pulls happen ten days after the newest real movement.
  let now = newest + 10 * DAY_MS
  const clock = {
    now: () => now,
    setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms),
    clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>)
  }
  const payers = store.customers().filter((c) => c.mrr > 0)
  const [scheduled] = store.outOfBand.addActivities((payers[0] ?? fail()).uuid, [
    { type: 'churn', date: new Date(now + 120 * DAY_MS) }
  ])

  const db = await freshCache('future-activity')
  const source = countingSource(account.source)
  const engine = createSyncEngine({ db, source, options: { clock } })
  const firstPullAt = now
  expect((await engine.run()).outcome).toBe('complete')
  expect(await db.activities.get(scheduled?.uuid as string)).toBeDefined()
  const highWater = (await loadResourceState(db, 'activities')).highWaterDate
  expect(Date.parse(highWater as string)).toBeLessThanOrEqual(firstPullAt)

  // An hour after that pull, another customer's movement is recorded; the next pull is incremental.
  const [recorded] = store.outOfBand.addActivities((payers[1] ?? fail()).uuid, [
    { type: 'expansion', date: new Date(firstPullAt + HOUR_MS) }
  ])
  now = firstPullAt + 2 * HOUR_MS
  source.reset()
  expect((await engine.run()).outcome).toBe('complete')
  expect(engine.progress().find((p) => p.resource === 'activities')?.mode).toBe('incremental')
  expect(await db.activities.get(recorded?.uuid as string)).toBeDefined()
  const actual = await cachedReplica(db)
  const expected = expectedReplica(account.sim)
  if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
  db.close()
})

test('a cache whose mark was already pushed into the future heals on its next incremental pull', async () => {
  const { store } = account.sim
  const newest = Math.max(...store.activities().map((a) => Date.parse(a.date)))
  let now = newest + 20 * DAY_MS
  const clock = {
    now: () => now,
    setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms),
    clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>)
  }
  const db = await freshCache('future-activity-healed')
  const engine = createSyncEngine({ db, source: account.source, options: { clock } })
  const firstPullAt = now
  expect((await engine.run()).outcome).toBe('complete')
  // As an earlier version stored it after meeting an activity dated months ahead.
  const state = await loadResourceState(db, 'activities')
  await db.syncState.put({
    ...state,
    highWaterDate: new Date(firstPullAt + 90 * DAY_MS).toISOString()
  })

  const payer = store.customers().filter((c) => c.mrr > 0)[2] ?? fail()
  const [recorded] = store.outOfBand.addActivities(payer.uuid, [
    { type: 'expansion', date: new Date(firstPullAt + HOUR_MS) }
  ])
  now = firstPullAt + 2 * HOUR_MS
  expect((await engine.run()).outcome).toBe('complete')
  expect(engine.progress().find((p) => p.resource === 'activities')?.mode).toBe('incremental')
  expect(await db.activities.get(recorded?.uuid as string)).toBeDefined()
  db.close()
})

function fail(): never {
  throw new Error('the dataset has too few paying customers')
}
