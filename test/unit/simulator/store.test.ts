/** Out-of-band helpers: tests change the account "as someone else" and the API shows it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateDataset, type RunningSimulator } from '../../../src/main/simulator'
import type { ActivityWire, CustomerWire } from '../../../src/main/simulator/wire'
import { get, startSmall } from './support'

describe('store out-of-band helpers', () => {
  let sim: RunningSimulator
  beforeEach(async () => {
    sim = await startSmall()
  })
  afterEach(() => sim.close())

  it('turns a lead into a paying customer through consistent activities', async () => {
    const lead = sim.store.customers().find((c) => c.status === 'Working Lead') as CustomerWire
    const added = sim.store.outOfBand.addActivities(lead.uuid, [
      { type: 'new_biz', date: '2030-01-01T10:00:00Z', mrr: 5_000 },
      { type: 'expansion', date: '2030-02-01T10:00:00Z', mrr: 7_500 },
      { type: 'churn', date: '2030-03-01T10:00:00Z' },
      { type: 'reactivation', date: '2030-04-01T10:00:00Z', mrr: 2_000 }
    ])
    expect(
      added.map((a) => [a.type, a['activity-mrr-movement'], a['activity-mrr'], a['activity-arr']])
    ).toEqual([
      ['new_biz', 5_000, 5_000, 60_000],
      ['expansion', 2_500, 7_500, 90_000],
      ['churn', -7_500, 0, 0],
      ['reactivation', 2_000, 2_000, 24_000]
    ])
    const seen = (await get(sim, `/v1/customers/${lead.uuid}`)).json<CustomerWire>()
    expect(seen).toMatchObject({
      status: 'Active',
      mrr: 2_000,
      arr: 24_000,
      'customer-since': '2030-01-01T10:00:00+00:00'
    })
    const tail = (await get(sim, '/v1/activities?order=-date&per_page=4')).json<{
      entries: ActivityWire[]
    }>()
    expect(tail.entries.map((a) => a.uuid)).toEqual(added.map((a) => a.uuid).reverse())
    expect(sim.mutationLog.at(-1)).toMatchObject({
      source: 'out_of_band',
      entity: 'activity',
      action: 'create'
    })
  })

  it('refuses activity histories that could not happen', () => {
    const payer = sim.store.customers().find((c) => c.mrr > 0) as CustomerWire
    const lead = sim.store.customers().find((c) => c.status === 'New Lead') as CustomerWire
    const add =
      (
        uuid: string,
        spec: Parameters<RunningSimulator['store']['outOfBand']['addActivities']>[1][number]
      ) =>
      () =>
        sim.store.outOfBand.addActivities(uuid, [spec])
    expect(add(payer.uuid, { type: 'new_biz' })).toThrow(/first activity/)
    expect(add(payer.uuid, { type: 'reactivation' })).toThrow(/after a churn/)
    expect(add(payer.uuid, { type: 'expansion', mrr: 1 })).toThrow(/increase/)
    expect(add(payer.uuid, { type: 'contraction', mrr: payer.mrr + 1 })).toThrow(/decrease/)
    expect(add(payer.uuid, { type: 'churn', date: '2000-01-01' })).toThrow(/predate/)
    expect(add(lead.uuid, { type: 'churn' })).toThrow(/positive MRR/)
    expect(() => sim.store.outOfBand.addActivities('cus_nope', [])).toThrow(/no customer/)
  })

  it('deletes a customer with its activities and opportunities', async () => {
    const withDeals = sim.store.opportunities()[0]?.customer_uuid as string
    expect(sim.store.outOfBand.deleteCustomer(withDeals)).toBe(true)
    expect((await get(sim, `/v1/customers/${withDeals}`)).status).toBe(404)
    expect(sim.store.activities().some((a) => a['customer-uuid'] === withDeals)).toBe(false)
    const deals = (await get(sim, `/v1/opportunities?customer_uuid=${withDeals}`)).json<{
      entries: unknown[]
    }>()
    expect(deals.entries).toEqual([])
    expect(sim.store.outOfBand.deleteCustomer(withDeals)).toBe(false)
    expect(sim.mutationLog.at(-1)).toMatchObject({
      entity: 'customer',
      action: 'delete',
      uuid: withDeals
    })
  })

  it('adds and edits customers that the list and search then return', async () => {
    const added = sim.store.outOfBand.addCustomer({ name: 'Zed Corp', email: 'ops@zed.example' })
    const last = sim.store.customers().at(-1)
    expect(last?.uuid).toBe(added.uuid)
    expect(added.id).toBeGreaterThan(sim.store.customers().at(-2)?.id ?? Infinity)
    sim.store.outOfBand.editCustomer(added.uuid, { name: 'Zed Corporation' })
    const found = (await get(sim, '/v1/customers/search?email=ops@zed.example')).json<{
      entries: CustomerWire[]
    }>()
    expect(found.entries.map((c) => c.name)).toEqual(['Zed Corporation'])
  })

  it('copies a dataset it is given, so writes never reach back into the caller’s objects', async () => {
    const dataset = generateDataset({ seed: 5, customers: 30 })
    const pristine = structuredClone(dataset)
    const own = await startSmall({ data: dataset })
    try {
      const victim = dataset.customers[0] as CustomerWire
      own.store.outOfBand.deleteCustomer(victim.uuid)
      own.store.outOfBand.editOpportunity(dataset.opportunities[0]?.uuid ?? '', {
        win_likelihood: 1
      })
      expect(dataset).toEqual(pristine)
    } finally {
      await own.close()
    }
  })

  it('closes idempotently', async () => {
    const other = await startSmall()
    await Promise.all([other.close(), other.close()])
    await expect(other.close()).resolves.toBeUndefined()
  })
})
