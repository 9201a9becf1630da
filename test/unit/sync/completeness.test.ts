/**
 * Status partitions only reach the statuses we know. When a pass shows evidence of missing
 * something — a record its sample saw, a customer that activities name, records outside their
 * partition's filter, an unusual number of removals — it completes itself with one unfiltered
 * listing before removing anything.
 */
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { CustomerWire } from '../../../src/main/simulator'
import { createSyncEngine, type SyncEngine } from '../../../src/renderer/src/sync'
import { loadResourceState } from '../../../src/renderer/src/sync/passStore'
import type { WorkspaceCache } from '../../../src/renderer/src/cache/db'
import { freshCache } from './support/cache'
import { countingSource } from './support/countingSource'
import { cachedReplica, expectedReplica, sameReplica } from './support/replica'
import { startSimulatedAccount, type SimulatedAccount } from './support/simulatorSource'

let account: SimulatedAccount
let db: WorkspaceCache
beforeEach(async () => {
  account = await startSimulatedAccount({ seed: 91, customers: 500, fast: true })
  db = await freshCache('completeness')
})
afterEach(async () => {
  db.close()
  await account.close()
})

// 10 pages of customers: split by status (the default wants 28 pages before splitting pays off).
const OPTIONS = { perPage: 50, pagesPerPartition: 1 }

async function expectReplica(): Promise<void> {
  const actual = await cachedReplica(db)
  const expected = expectedReplica(account.sim)
  if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
}

const customerPartitions = (engine: SyncEngine) =>
  engine.progress().find((p) => p.resource === 'customers')?.partitions.total

function giveStatus(customer: CustomerWire | undefined, status: string): CustomerWire {
  if (!customer) throw new Error('no such customer')
  account.sim.store.outOfBand.editCustomer(customer.uuid, { status: status as never })
  return customer
}

test('a customer with a status no filter reaches, named by activities, is found by the fallback', async () => {
  const store = account.sim.store
  const engine = createSyncEngine({ db, source: account.source, options: OPTIONS })
  expect((await engine.run()).outcome).toBe('complete')
  // After the first sync (which counts customers by status before listing them), a customer not
  // on the first page (the sample), but with activities that name it, gets a status we do not know.
  const payer = store
    .customers()
    .slice(100)
    .find((c) => c.mrr > 0)
  const trialing = giveStatus(payer, 'Trialing')

  expect((await engine.run()).outcome).toBe('complete')
  expect((await db.customers.get(trialing.uuid))?.status).toBe('Trialing')
  expect((await loadResourceState(db, 'customers')).lastPass?.fellBack).toBe(true)
  expect(customerPartitions(engine)).toBe(8) // 7 statuses + the unfiltered fallback
  await expectReplica()

  // Having met an unreachable status, the next passes list customers unfiltered.
  expect((await engine.run()).outcome).toBe('complete')
  expect(customerPartitions(engine)).toBe(1)
  expect((await loadResourceState(db, 'customers')).lastPass?.fellBack).toBe(false)
  await expectReplica()
})

test('an unknown status on the probe page makes the whole pass unfiltered at once', async () => {
  giveStatus(account.sim.store.customers()[3], 'Trialing')
  const engine = createSyncEngine({ db, source: account.source, options: OPTIONS })
  expect((await engine.run()).outcome).toBe('complete')
  expect(customerPartitions(engine)).toBe(1)
  await expectReplica()
})

test('a lead with a new status that only the sample page shows triggers the fallback', async () => {
  // A lead has no activities: only the sample (the unfiltered first page) can reveal it. Its
  // status is known on the sample page but changes before its partition is listed.
  const lead = account.sim.store
    .customers()
    .slice(0, 50)
    .find((c) => c.mrr === 0)
  if (!lead) throw new Error('no lead on the first page')
  let changed = false
  const source = countingSource(account.source, async (request, _index, forward) => {
    // The first page of a status listing, after planning counted the statuses (one per page).
    const listing = request.perPage !== 1 && Object.keys(request.query).length > 0
    if (!changed && request.resource === 'customers' && listing) {
      changed = true
      giveStatus(lead, 'Archived')
    }
    return forward()
  })
  const engine = createSyncEngine({ db, source, options: OPTIONS })
  expect((await engine.run()).outcome).toBe('complete')
  expect((await loadResourceState(db, 'customers')).lastPass?.fellBack).toBe(true)
  expect((await db.customers.get(lead.uuid))?.status).toBe('Archived')
  await expectReplica()
})

test('a server that ignores the status filter is detected and the result stays exact', async () => {
  const source = countingSource(account.source, (request, _index, forward) =>
    forward().then((page) => page)
  )
  const ignoring = countingSource({
    fetchPage: (request, signal) =>
      source.fetchPage(
        request.resource === 'customers' ? { ...request, query: {} } : request,
        signal
      )
  })
  // On a first sync the counts show it at once (every status "has" every customer)…
  const engine = createSyncEngine({ db, source: ignoring, options: OPTIONS })
  expect((await engine.run()).outcome).toBe('complete')
  expect(customerPartitions(engine)).toBe(1)
  expect((await loadResourceState(db, 'customers')).lastPass?.fellBack).toBe(false)
  await expectReplica()

  // …and on a later pass (no counting), the records outside their filter give it away.
  const later = await freshCache('completeness-later')
  try {
    await createSyncEngine({ db: later, source: account.source, options: OPTIONS }).run()
    const again = createSyncEngine({ db: later, source: ignoring, options: OPTIONS })
    expect((await again.run()).outcome).toBe('complete')
    expect((await loadResourceState(later, 'customers')).lastPass?.fellBack).toBe(true)
    const actual = await cachedReplica(later)
    const expected = expectedReplica(account.sim)
    if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
  } finally {
    later.close()
  }
})

test('a pass that would remove an unusual share of rows is confirmed unfiltered first', async () => {
  const engine = createSyncEngine({ db, source: account.source, options: OPTIONS })
  await engine.run()
  // The Active listing comes back empty (say, a server-side bug): those customers were not
  // deleted, so they must not be removed.
  const flaky = countingSource(account.source, async (request, _index, forward) => {
    const page = await forward()
    const status = (request.query as { status?: string }).status
    return status === 'Active' ? { ...page, items: [], hasMore: false } : page
  })
  const second = createSyncEngine({ db, source: flaky, options: OPTIONS })
  expect((await second.run()).outcome).toBe('complete')
  const state = await loadResourceState(db, 'customers')
  expect(state.lastPass).toMatchObject({ fellBack: true, removed: 0 })
  await expectReplica()
})
