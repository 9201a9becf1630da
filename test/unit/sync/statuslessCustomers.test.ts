/**
 * A handful of customers with no status (no list filter reaches them) must cost no second
 * listing of every customer: before, 3 such customers among 3,000 made the first sync list all
 * of them twice (34 requests: 19 by status, then 15 unfiltered after the completeness check).
 */
import { afterEach, expect, test } from 'vitest'
import { createSyncEngine } from '../../../src/renderer/src/sync'
import { loadResourceState } from '../../../src/renderer/src/sync/passStore'
import type { WorkspaceCache } from '../../../src/renderer/src/cache/db'
import { freshCache } from './support/cache'
import { countingSource, type CountingSource } from './support/countingSource'
import { cachedReplica, expectedReplica, sameReplica } from './support/replica'
import { startSimulatedAccount, type SimulatedAccount } from './support/simulatorSource'

const CUSTOMERS = 3_000
let account: SimulatedAccount | undefined
let db: WorkspaceCache | undefined
afterEach(async () => {
  db?.close()
  await account?.close()
  account = undefined
  db = undefined
})

/** 3,000 customers; three paying ones (named by activities), past the first page, lose their status. */
async function accountWithStatuslessCustomers(): Promise<{
  sim: SimulatedAccount['sim']
  source: CountingSource
  statusless: string[]
}> {
  account = await startSimulatedAccount({ seed: 7, customers: CUSTOMERS, fast: true })
  const { store } = account.sim
  const statusless = store
    .customers()
    .slice(300)
    .filter((c) => c.mrr > 0)
    .slice(0, 3)
    .map((c) => c.uuid)
  for (const uuid of statusless) store.outOfBand.editCustomer(uuid, { status: null as never })
  return { sim: account.sim, source: countingSource(account.source), statusless }
}

async function expectExactReplica(sim: SimulatedAccount['sim']): Promise<void> {
  const actual = await cachedReplica(db as WorkspaceCache)
  const expected = expectedReplica(sim)
  if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
}

/** Listing pages (not the one-record counts a first sync sends with its probe). */
function listingRequests(source: CountingSource): number {
  return source.requests.filter((r) => r.resource === 'customers' && r.perPage !== 1).length
}

function countRequests(source: CountingSource): number {
  return source.requests.filter((r) => r.resource === 'customers' && r.perPage === 1).length
}

test('3,000 customers, 3 without a status: the first sync lists them once (15 pages of 200)', async () => {
  const { sim, source, statusless } = await accountWithStatuslessCustomers()
  db = await freshCache('statusless')
  const engine = createSyncEngine({ db, source })
  expect((await engine.run()).outcome).toBe('complete')
  expect(listingRequests(source)).toBeLessThanOrEqual(17)
  expect(listingRequests(source)).toBe(Math.ceil(CUSTOMERS / 200))
  // Sent with the probe on a first sync (everyone + the 7 statuses), before the length is known.
  expect(countRequests(source)).toBeLessThanOrEqual(8)
  expect((await loadResourceState(db, 'customers')).lastPass?.fellBack).toBe(false)
  for (const uuid of statusless) expect((await db.customers.get(uuid))?.status).toBeNull()
  await expectExactReplica(sim)

  source.reset()
  expect((await engine.run()).outcome).toBe('complete')
  expect(source.requestsFor('customers')).toBe(Math.ceil(CUSTOMERS / 200))
  await expectExactReplica(sim)
}, 60_000)

test('a listing long enough to split by status: exact counts first, then one unfiltered listing', async () => {
  // At 50 per page the listing is 60 pages: long enough for status partitions to pay off.
  const { sim, source, statusless } = await accountWithStatuslessCustomers()
  db = await freshCache('statusless-long')
  const engine = createSyncEngine({ db, source, options: { perPage: 50 } })
  expect((await engine.run()).outcome).toBe('complete')
  const pages = Math.ceil(CUSTOMERS / 50)
  const countProbes = source.requests.filter((r) => r.resource === 'customers' && r.perPage === 1)
  expect(countProbes).toHaveLength(8) // everyone + the 7 statuses, one record each
  expect(source.requestsFor('customers')).toBe(pages + countProbes.length)
  expect((await loadResourceState(db, 'customers')).lastPass?.fellBack).toBe(false)
  for (const uuid of statusless) expect((await db.customers.get(uuid))?.status).toBeNull()
  await expectExactReplica(sim)

  // Later passes list unfiltered straight away, without counting again.
  source.reset()
  expect((await engine.run()).outcome).toBe('complete')
  expect(source.requestsFor('customers')).toBe(pages)
  await expectExactReplica(sim)
}, 60_000)

test('when every customer has a known status, a long listing is split by status after counting', async () => {
  account = await startSimulatedAccount({ seed: 7, customers: CUSTOMERS, fast: true })
  const source = countingSource(account.source)
  db = await freshCache('statuses-long')
  const engine = createSyncEngine({ db, source, options: { perPage: 50 } })
  expect((await engine.run()).outcome).toBe('complete')
  expect(engine.progress().find((p) => p.resource === 'customers')?.partitions.total).toBe(7)
  expect((await loadResourceState(db, 'customers')).lastPass?.fellBack).toBe(false)
  await expectExactReplica(account.sim)
}, 60_000)
