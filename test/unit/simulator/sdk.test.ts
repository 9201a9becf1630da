/**
 * The official chartmogul-node SDK against the simulator, exactly as against the real API:
 * same calls, same parsing, same error classes. If the SDK can drive it, the wire is right.
 */
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../../src/main/simulator'
import type {
  ActivityWire,
  CustomerWire,
  OpportunityWire,
  PlanWire
} from '../../../src/main/simulator/wire'
import { startSmall } from './support'

interface SdkConfig {
  retries?: number
}
type SdkCall = (config: SdkConfig, ...args: unknown[]) => Promise<unknown>
/** The slice of the (untyped) SDK this test uses. */
interface ChartMogulSdk {
  Config: new (apiKey: string, apiBase?: string) => SdkConfig
  Ping: { ping: SdkCall }
  Account: { retrieve: SdkCall }
  Customer: { all: SdkCall; retrieve: SdkCall; search: SdkCall }
  Plan: { all: SdkCall }
  Metrics: { Activity: { all: SdkCall } }
  Opportunity: {
    all: SdkCall
    create: SdkCall
    retrieve: SdkCall
    patch: SdkCall
    destroy: SdkCall
  }
}

const ChartMogul = createRequire(import.meta.url)('chartmogul-node') as ChartMogulSdk

/**
 * What SDK 3.12 rejects with on a non-2xx answer: superagent's HTTP error (its own error
 * classes are only reached when superagent reports no error), carrying status and parsed body.
 */
function httpError(status: number, body: unknown) {
  return expect.objectContaining({ status, response: expect.objectContaining({ body }) })
}

interface CursorPage<T> {
  entries?: T[]
  plans?: T[]
  cursor: string | null
  has_more: boolean
}

describe('chartmogul-node SDK compatibility', () => {
  let sim: RunningSimulator
  let config: SdkConfig

  beforeAll(async () => {
    // Real-API limits stay on: the SDK must live within them like any client.
    sim = await startSmall({
      data: { seed: 13, customers: 130 },
      rateLimit: undefined,
      maxConcurrent: undefined
    })
    config = new ChartMogul.Config(sim.apiKey, sim.url)
    // Low, not zero: like a real client it may retry a 429 (the file stays well under 40 rps
    // anyway); 4xx answers are never retried by the SDK, so failures still surface at once.
    config.retries = 2
  })
  afterAll(() => sim.close())

  async function walk<T>(fetchPage: (cursor?: string) => Promise<unknown>): Promise<T[]> {
    const items: T[] = []
    let cursor: string | undefined
    for (;;) {
      const page = (await fetchPage(cursor)) as CursorPage<T>
      items.push(...(page.entries ?? page.plans ?? []))
      if (!page.has_more) return items
      cursor = page.cursor ?? undefined
    }
  }

  it('pings and reads the account', async () => {
    expect(await ChartMogul.Ping.ping(config)).toEqual({ data: 'pong!' })
    expect(await ChartMogul.Account.retrieve(config)).toEqual(sim.store.account)
  })

  it('lists every customer with cursor paging, retrieves and searches', async () => {
    const customers = await walk<CustomerWire>((cursor) =>
      ChartMogul.Customer.all(config, cursor ? { per_page: 50, cursor } : { per_page: 50 })
    )
    expect(customers.map((c) => c.uuid)).toEqual(sim.store.customers().map((c) => c.uuid))
    const one = customers[9] as CustomerWire
    expect(await ChartMogul.Customer.retrieve(config, one.uuid)).toEqual(one)
    const found = (await ChartMogul.Customer.search(config, {
      email: one.email
    })) as CursorPage<CustomerWire>
    expect(found.entries?.map((c) => c.uuid)).toContain(one.uuid)
    await expect(
      ChartMogul.Customer.search(config, { email: 'nobody@nowhere.test' })
    ).rejects.toEqual(
      httpError(404, {
        code: 404,
        message: 'Can\'t find any customers with email: "nobody@nowhere.test"',
        param: 'email'
      })
    )
  })

  it('lists plans and activities (hyphenated date filter) with paging', async () => {
    const plans = await walk<PlanWire>((cursor) =>
      ChartMogul.Plan.all(config, cursor ? { per_page: 4, cursor } : { per_page: 4 })
    )
    expect(plans.map((p) => p.uuid)).toEqual(sim.store.plans().map((p) => p.uuid))

    const all = sim.store.activities()
    const since = (all[Math.floor(all.length / 2)] as ActivityWire).date
    const activities = await walk<ActivityWire>((cursor) =>
      ChartMogul.Metrics.Activity.all(config, {
        per_page: 25,
        'start-date': since,
        ...(cursor ? { cursor } : {})
      })
    )
    expect(activities.map((a) => a.uuid)).toEqual(
      all.filter((a) => Date.parse(a.date) >= Date.parse(since)).map((a) => a.uuid)
    )
  })

  it('creates, retrieves, updates, lists and deletes an opportunity', async () => {
    const customer = sim.store.customers()[2] as CustomerWire
    const created = (await ChartMogul.Opportunity.create(config, {
      customer_uuid: customer.uuid,
      owner: 'kamil+pavlicko@chartmogul.com',
      pipeline: 'New Business',
      pipeline_stage: 'Discovery',
      estimated_close_date: '2024-03-30',
      currency: 'USD',
      amount_in_cents: 100000,
      type: 'one-time',
      forecast_category: 'best_case',
      win_likelihood: 30,
      custom: [{ key: 'from_campaign', value: true }]
    })) as OpportunityWire
    expect(created).toMatchObject({ customer_uuid: customer.uuid, custom: { from_campaign: true } })
    expect(sim.mutationLog.at(-1)).toMatchObject({
      action: 'create',
      status: 201,
      uuid: created.uuid
    })

    expect(await ChartMogul.Opportunity.retrieve(config, created.uuid)).toEqual(created)
    const updated = (await ChartMogul.Opportunity.patch(config, created.uuid, {
      estimated_close_date: '2024-04-30'
    })) as OpportunityWire
    expect(updated.estimated_close_date).toBe('2024-04-30')
    expect(updated.updated_at >= created.updated_at).toBe(true)

    const listed = (await ChartMogul.Opportunity.all(config, {
      customer_uuid: customer.uuid
    })) as CursorPage<OpportunityWire>
    expect(listed.entries?.map((o) => o.uuid)).toContain(created.uuid)

    expect(await ChartMogul.Opportunity.destroy(config, created.uuid)).toEqual({})
    await expect(ChartMogul.Opportunity.retrieve(config, created.uuid)).rejects.toEqual(
      httpError(404, expect.objectContaining({ code: 404 }))
    )
  })

  it('surfaces 401, 400 and 422 bodies through the SDK’s rejections', async () => {
    const wrong = new ChartMogul.Config('wrong-key', sim.url)
    wrong.retries = 0
    await expect(ChartMogul.Ping.ping(wrong)).rejects.toEqual(
      httpError(401, { code: 401, message: 'No valid API key provided', param: null })
    )
    await expect(ChartMogul.Opportunity.create(config, { owner: 'x@y.z' })).rejects.toEqual(
      httpError(400, {
        code: 400,
        message: 'Parameter "customer_uuid" is missing',
        param: 'customer_uuid'
      })
    )
    const customer = sim.store.customers()[0] as CustomerWire
    const invalid = ChartMogul.Opportunity.create(config, {
      customer_uuid: customer.uuid,
      owner: 'rep@example.com',
      pipeline: 'New Business',
      pipeline_stage: 'Discovery',
      estimated_close_date: '2024-03-30',
      currency: 'USD',
      amount_in_cents: -1
    })
    await expect(invalid).rejects.toEqual(
      httpError(
        422,
        expect.objectContaining({
          error_details: [expect.objectContaining({ param: 'amount_in_cents' })]
        })
      )
    )
  })
})
