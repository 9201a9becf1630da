/**
 * Between weekly full passes, activities are pulled from the newest one seen minus an overlap
 * window — so a run after new activities fetches those and the overlap, nothing older.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createSyncEngine } from '../../../src/renderer/src/sync'
import { loadResourceState } from '../../../src/renderer/src/sync/passStore'
import { freshCache } from './support/cache'
import { countingSource } from './support/countingSource'
import { cachedReplica, expectedReplica, sameReplica } from './support/replica'
import { startSimulatedAccount, type SimulatedAccount } from './support/simulatorSource'

const DAY_MS = 86_400_000
let account: SimulatedAccount
beforeAll(async () => {
  account = await startSimulatedAccount({ seed: 21, customers: 600, fast: true })
})
afterAll(() => account.close())

test('an incremental run fetches only the new activities plus the overlap window', async () => {
  const db = await freshCache('incremental')
  const source = countingSource(account.source)
  const engine = createSyncEngine({ db, source })
  expect((await engine.run()).outcome).toBe('complete')
  const highWater = (await loadResourceState(db, 'activities')).highWaterDate
  expect(highWater).toBe(
    expectedReplica(account.sim)
      .activities.map((a) => a.date)
      .sort()
      .at(-1)
  )

  // Someone else's billing system records new movements for a few customers.
  const { store } = account.sim
  const payers = store
    .customers()
    .filter((c) => c.mrr > 0)
    .slice(0, 5)
  const added = payers.flatMap((c) => store.outOfBand.addActivities(c.uuid, [{ type: 'churn' }]))
  const overlapFrom = Date.parse(highWater as string) - DAY_MS
  const inOverlap = store.activities().filter((a) => {
    const ms = Date.parse(a.date)
    return ms >= overlapFrom && !added.some((n) => n.uuid === a.uuid)
  }).length

  source.reset()
  const result = await engine.run()
  expect(result.outcome).toBe('complete')
  expect(engine.progress().find((p) => p.resource === 'activities')?.mode).toBe('incremental')
  expect(source.requestsFor('activities')).toBe(1)
  expect(source.requests.find((r) => r.resource === 'activities')?.query).toEqual({
    startDate: new Date(overlapFrom).toISOString()
  })
  expect(source.records.activities).toBe(added.length + inOverlap)

  const actual = await cachedReplica(db)
  const expected = expectedReplica(account.sim)
  if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
  db.close()
})

test('a full pass comes on request and weekly, and finds what an incremental pull cannot', async () => {
  let now = Date.parse('2027-01-01T00:00:00Z')
  const clock = {
    now: () => now,
    setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms),
    clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>)
  }
  const db = await freshCache('incremental-weekly')
  const engine = createSyncEngine({ db, source: account.source, options: { clock } })
  const mode = () => engine.progress().find((p) => p.resource === 'activities')?.mode
  await engine.run()
  const highWater = Date.parse((await loadResourceState(db, 'activities')).highWaterDate as string)

  // A movement recorded late, dated well before the overlap window: only a full pass sees it.
  const { store } = account.sim
  const lastDate = (uuid: string) =>
    Math.max(
      ...store
        .activities()
        .filter((a) => a['customer-uuid'] === uuid)
        .map((a) => Date.parse(a.date))
    )
  const customer = store
    .customers()
    .find((c) => c.mrr > 0 && lastDate(c.uuid) < highWater - 30 * DAY_MS)
  if (!customer) throw new Error('the dataset has no long-quiet paying customer')
  const [backdated] = store.outOfBand.addActivities(customer.uuid, [
    { type: 'churn', date: new Date(highWater - 10 * DAY_MS) }
  ])

  now += DAY_MS
  await engine.run()
  expect(mode()).toBe('incremental')
  expect(await db.activities.get(backdated?.uuid as string)).toBeUndefined()

  now += 7 * DAY_MS
  await engine.run()
  expect(mode()).toBe('full')
  expect(await db.activities.get(backdated?.uuid as string)).toBeDefined()

  now += DAY_MS
  await engine.run({ full: true })
  expect(mode()).toBe('full')
  const actual = await cachedReplica(db)
  const expected = expectedReplica(account.sim)
  if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
  db.close()
})
