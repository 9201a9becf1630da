/**
 * Server-side deletions reach the cache through complete passes: rows a complete pass did not
 * see are removed. Opportunities with local edits still to push are never removed, and a pull
 * never overwrites their edited fields.
 */
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import type { CachedOpportunity } from '../../../src/renderer/src/cache/records'
import { deleteOpportunity } from '../../../src/renderer/src/outbox'
import { createSyncEngine } from '../../../src/renderer/src/sync'
import { loadResourceState } from '../../../src/renderer/src/sync/passStore'
import { freshCache } from './support/cache'
import { cachedReplica, expectedReplica, sameReplica } from './support/replica'
import { startSimulatedAccount, type SimulatedAccount } from './support/simulatorSource'

let account: SimulatedAccount
beforeAll(async () => {
  account = await startSimulatedAccount({ seed: 41, customers: 500, fast: true })
})
afterAll(() => account.close())

test('deleted records disappear after the next complete pass; pending opportunities stay', async () => {
  const db = await freshCache('deletes')
  const engine = createSyncEngine({ db, source: account.source, options: { perPage: 50 } })
  expect((await engine.run()).outcome).toBe('complete')
  const { store } = account.sim

  // Local edits, not pushed yet, on two opportunities.
  const [keptDeleted, keptEdited, plainDeleted] = store.opportunities().slice(3, 6)
  if (!keptDeleted || !keptEdited || !plainDeleted) throw new Error('dataset too small')
  const markPending = (uuid: string, patch: Partial<CachedOpportunity>) =>
    db.opportunities.update(uuid, { ...patch, _pending: Object.keys(patch) as never, _dirty: 1 })
  await markPending(keptDeleted.uuid, { amountCents: 4_242 })
  await markPending(keptEdited.uuid, { pipelineStage: 'Negotiation', winLikelihood: 77 })
  const localDeletedRow = await db.opportunities.get(keptDeleted.uuid)

  // Meanwhile on the server: a customer (with its activities and deals) and deals are deleted,
  // and someone edits the deal we also edited.
  const customer = store.customers().find((c) => c.mrr > 0 && c.uuid !== keptEdited.customer_uuid)
  if (!customer) throw new Error('no paying customer')
  const customerActivities = store.activities().filter((a) => a['customer-uuid'] === customer.uuid)
  store.outOfBand.deleteCustomer(customer.uuid)
  store.outOfBand.deleteOpportunity(keptDeleted.uuid)
  store.outOfBand.deleteOpportunity(plainDeleted.uuid)
  store.outOfBand.editOpportunity(keptEdited.uuid, {
    pipeline_stage: 'Evaluation',
    amount_in_cents: 999
  })

  // Customers and opportunities are listed in full every run: their deletions show at once.
  // Activities are pulled incrementally, so theirs wait for the next full pass.
  expect((await engine.run()).outcome).toBe('complete')
  expect(await db.customers.get(customer.uuid)).toBeUndefined()
  expect(await db.opportunities.get(plainDeleted.uuid)).toBeUndefined()
  expect(await db.activities.get(customerActivities[0]?.uuid as string)).toBeDefined()

  expect((await engine.run({ full: true })).outcome).toBe('complete')
  expect(await db.activities.bulkGet(customerActivities.map((a) => a.uuid))).toEqual(
    customerActivities.map(() => undefined)
  )
  const removed = (await loadResourceState(db, 'activities')).lastPass?.removed
  expect(removed).toBe(customerActivities.length)

  // The deal deleted on the server but edited here is kept as it was edited.
  expect(await db.opportunities.get(keptDeleted.uuid)).toEqual(localDeletedRow)
  // The deal edited on both sides: our pending fields win, the rest is the server's.
  const merged = await db.opportunities.get(keptEdited.uuid)
  expect(merged).toMatchObject({
    pipelineStage: 'Negotiation',
    winLikelihood: 77,
    amountCents: 999,
    _pending: ['pipelineStage', 'winLikelihood'],
    _dirty: 1
  })
  expect(await db.opportunities.where('_dirty').equals(1).count()).toBe(2)

  // Everything else is exactly the server's.
  const expected = expectedReplica(account.sim)
  const actual = await cachedReplica(db)
  const isLocal = (o: { uuid: string }) => o.uuid === keptDeleted.uuid || o.uuid === keptEdited.uuid
  const withoutLocal = {
    ...actual,
    opportunities: actual.opportunities.filter((o) => !isLocal(o))
  }
  const expectedWithoutLocal = {
    ...expected,
    opportunities: expected.opportunities.filter((o) => !isLocal(o))
  }
  if (!sameReplica(withoutLocal, expectedWithoutLocal)) {
    expect(withoutLocal).toEqual(expectedWithoutLocal)
  }
  db.close()
})

test('a deal deleted here, with the delete not pushed yet, does not come back with a pull', async () => {
  const db = await freshCache('queued-delete')
  const engine = createSyncEngine({ db, source: account.source, options: { perPage: 50 } })
  expect((await engine.run()).outcome).toBe('complete')
  const [deleted, kept] = account.sim.store.opportunities().slice(10, 12)
  if (!deleted || !kept) throw new Error('dataset too small')

  await deleteOpportunity(db, deleted.uuid)
  expect(await db.opportunities.get(deleted.uuid)).toBeUndefined()

  expect((await engine.run({ full: true })).outcome).toBe('complete')
  expect(await db.opportunities.get(deleted.uuid)).toBeUndefined()
  expect(await db.opportunities.get(kept.uuid)).toBeDefined()
  // The delete is still queued, with the row kept for an undo.
  const queued = await db.outbox.where('opportunityUuid').equals(deleted.uuid).toArray()
  expect(queued.map((e) => e.kind)).toEqual(['delete'])
  db.close()
})

test('a first sync into an empty cache does not look for rows to remove; later full passes do', async () => {
  const db = await freshCache('started-empty')
  const lookups = vi.spyOn(db, 'writtenBefore')
  const engine = createSyncEngine({ db, source: account.source, options: { perPage: 50 } })
  expect((await engine.run()).outcome).toBe('complete')
  expect(lookups).not.toHaveBeenCalled()

  expect((await engine.run({ full: true })).outcome).toBe('complete')
  const resources = new Set(lookups.mock.calls.map(([resource]) => resource))
  expect(resources).toEqual(new Set(['customers', 'plans', 'activities', 'opportunities']))
  db.close()
})
