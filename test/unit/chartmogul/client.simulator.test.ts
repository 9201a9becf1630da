import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createChartMogulClient,
  createRateLimiter,
  findOpportunitiesMatchingDraft,
  listAll,
  mapCustomer,
  OutcomeUnknownError,
  wireCustomerSchema,
  type ChartMogulClient,
  type ChartMogulClientOptions
} from '../../../src/main/chartmogul'
import { startSimulator, type RunningSimulator } from '../../../src/main/simulator'
import type { Opportunity, OpportunityDraft } from '../../../src/shared/domain'

/**
 * The client against the ChartMogul simulator over real loopback HTTP: every endpoint and
 * filter, the simulator's own admission limits (40/s → 429, 20 parallel → 503), and then 20 %
 * injected faults, where listings must still be complete and duplicate-free and creates must
 * never produce two opportunities.
 */

let sim: RunningSimulator
let client: ChartMogulClient

function makeClient(overrides: Partial<ChartMogulClientOptions> = {}): ChartMogulClient {
  return createChartMogulClient({
    apiKey: sim.apiKey,
    baseUrl: sim.url,
    timeoutMs: 2_000,
    retry: { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 40, maxElapsedMs: 20_000 },
    limiter: createRateLimiter({
      ratePerSecond: 40,
      burst: 10,
      maxConcurrent: 8,
      penaltyPauseMs: 20,
      minRatePerSecond: 10,
      recoveryIntervalMs: 200
    }),
    ...overrides
  })
}

beforeAll(async () => {
  sim = await startSimulator({ data: { seed: 7, customers: 120 }, onError: () => undefined })
  client = makeClient()
})
afterAll(async () => {
  await sim.close()
})
beforeEach(() => {
  sim.clearFaults()
  sim.setLimits({ rateLimit: { perWindow: 40, windowMs: 1000 }, maxConcurrent: 20 })
})

const uuids = (items: ReadonlyArray<{ uuid: string }>) => items.map((i) => i.uuid)

describe('every endpoint', () => {
  it('ping, and a wrong key is Unauthorized', async () => {
    await expect(client.ping()).resolves.toBeUndefined()
    await expect(makeClient({ apiKey: 'wrong' }).ping()).rejects.toMatchObject({
      kind: 'Unauthorized',
      status: 401
    })
  })

  it('account', async () => {
    const account = await client.getAccount()
    expect(account.name).not.toBe('')
    expect(account.currency).toMatch(/^[A-Z]{3}$/)
  })

  it('customers: the full listing is the store, in API order, mapped without loss', async () => {
    const { items, skipped } = await listAll(client.listCustomers, { perPage: 17 })
    expect(skipped).toEqual([])
    expect(uuids(items)).toEqual(uuids(sim.store.customers()))
    const expected = sim.store.customers().map((c) => mapCustomer(wireCustomerSchema.parse(c)))
    expect(items).toEqual(expected)
    expect(items.every((c) => Number.isInteger(c.mrrCents))).toBe(true)
  })

  it('customers: every filter', async () => {
    const all = sim.store.customers()
    const sample = all.find((c) => c.status === 'Active') ?? all[0]
    if (!sample) throw new Error('empty dataset')

    for (const status of ['Active', 'New Lead', 'Cancelled'] as const) {
      const { items } = await listAll(client.listCustomers, { status })
      expect(uuids(items)).toEqual(uuids(all.filter((c) => c.status === status)))
    }
    const byDs = await listAll(client.listCustomers, { dataSourceUuid: sample.data_source_uuid })
    expect(uuids(byDs.items)).toEqual(
      uuids(all.filter((c) => c.data_source_uuids.includes(sample.data_source_uuid)))
    )
    const byExt = await client.listCustomers({ externalId: sample.external_id ?? '' })
    expect(uuids(byExt.items)).toContain(sample.uuid)
    const system = sample['billing-system-type']
    const bySystem = await listAll(client.listCustomers, { system })
    expect(uuids(bySystem.items)).toEqual(
      uuids(all.filter((c) => c['billing-system-type'] === system))
    )
  })

  it('customers: retrieve, not found, search by email (hit and 404 miss)', async () => {
    const sample = sim.store.customers()[3]
    if (!sample) throw new Error('empty dataset')
    const customer = await client.getCustomer(sample.uuid)
    expect(customer).toMatchObject({ uuid: sample.uuid, mrrCents: sample.mrr, email: sample.email })
    await expect(
      client.getCustomer('cus_00000000-0000-0000-0000-000000000000')
    ).rejects.toMatchObject({ kind: 'NotFound', status: 404 })
    const found = await client.searchCustomersByEmail(sample.email.toUpperCase())
    expect(uuids(found.items)).toContain(sample.uuid)
    await expect(client.searchCustomersByEmail('nobody@nowhere.invalid')).resolves.toEqual({
      items: [],
      skipped: [],
      cursor: null,
      hasMore: false
    })
  })

  it('plans: full listing and filters', async () => {
    const all = sim.store.plans()
    const { items, skipped } = await listAll(client.listPlans, { perPage: 5 })
    expect(skipped).toEqual([])
    expect(uuids(items)).toEqual(uuids(all))
    const sample = all[0]
    if (!sample) throw new Error('no plans')
    const byDs = await listAll(client.listPlans, { dataSourceUuid: sample.data_source_uuid })
    expect(uuids(byDs.items)).toEqual(
      uuids(all.filter((p) => p.data_source_uuid === sample.data_source_uuid))
    )
    const byExt = await client.listPlans({ externalId: sample.external_id })
    expect(uuids(byExt.items)).toEqual([sample.uuid])
  })

  it('activities: full listing, date range, type and order', async () => {
    const all = sim.store.activities()
    const { items, skipped } = await listAll(client.listActivities, { perPage: 100 })
    expect(skipped).toEqual([])
    expect(uuids(items)).toEqual(uuids(all))
    expect(items[0]?.mrrMovementCents).toBe(all[0]?.['activity-mrr-movement'])

    const middle = all[Math.floor(all.length / 2)]
    const late = all[Math.floor((all.length * 3) / 4)]
    if (!middle || !late) throw new Error('too few activities')
    const ranged = await listAll(client.listActivities, {
      startDate: middle.date,
      endDate: late.date
    })
    expect(ranged.items.length).toBeGreaterThan(0)
    const from = Date.parse(middle.date)
    const to = Date.parse(late.date)
    expect(ranged.items.every((a) => Date.parse(a.date) >= from && Date.parse(a.date) <= to)).toBe(
      true
    )

    const churn = await listAll(client.listActivities, { type: 'churn' })
    expect(uuids(churn.items)).toEqual(uuids(all.filter((a) => a.type === 'churn')))

    const newestFirst = await client.listActivities({ order: '-date', perPage: 5 })
    const dates = newestFirst.items.map((a) => a.date)
    expect([...dates].sort().reverse()).toEqual(dates)
  })

  it('opportunities: full listing and every filter', async () => {
    const all = sim.store.opportunities()
    const { items, skipped } = await listAll(client.listOpportunities, { perPage: 7 })
    expect(skipped).toEqual([])
    expect(uuids(items)).toEqual(uuids(all))
    const sample = all[0]
    if (!sample) throw new Error('no opportunities')

    const cases: Array<[Parameters<ChartMogulClient['listOpportunities']>[0], typeof all]> = [
      [
        { customerUuid: sample.customer_uuid },
        all.filter((o) => o.customer_uuid === sample.customer_uuid)
      ],
      [{ owner: sample.owner }, all.filter((o) => o.owner === sample.owner)],
      [{ pipeline: sample.pipeline }, all.filter((o) => o.pipeline === sample.pipeline)],
      [
        { pipeline: sample.pipeline, pipelineStage: sample.pipeline_stage },
        all.filter(
          (o) => o.pipeline === sample.pipeline && o.pipeline_stage === sample.pipeline_stage
        )
      ],
      [
        {
          estimatedCloseDateOnOrAfter: sample.estimated_close_date,
          estimatedCloseDateOnOrBefore: sample.estimated_close_date
        },
        all.filter((o) => o.estimated_close_date === sample.estimated_close_date)
      ]
    ]
    for (const [params, expected] of cases) {
      const { items: filtered } = await listAll(client.listOpportunities, params ?? {})
      expect(uuids(filtered)).toEqual(uuids(expected))
    }
  })

  it('opportunities: create (201), retrieve, update (PATCH), delete', async () => {
    const draft = draftFor(0, 'crud')
    const created = await client.createOpportunity(draft)
    expect(created).toMatchObject({
      customerUuid: draft.customerUuid,
      amountCents: draft.amountCents,
      custom: draft.custom
    })
    expect(sim.store.getOpportunity(created.uuid)?.amount_in_cents).toBe(draft.amountCents)
    await expect(client.getOpportunity(created.uuid)).resolves.toEqual(created)

    const updated = await client.updateOpportunity(created.uuid, {
      pipelineStage: 'Negotiation',
      winLikelihood: 65
    })
    expect(updated).toMatchObject({ pipelineStage: 'Negotiation', winLikelihood: 65 })
    expect(updated.updatedAt && created.updatedAt && updated.updatedAt > created.updatedAt).toBe(
      true
    )

    await client.deleteOpportunity(created.uuid)
    await expect(client.getOpportunity(created.uuid)).rejects.toMatchObject({ kind: 'NotFound' })
    await expect(client.deleteOpportunity(created.uuid)).rejects.toMatchObject({ kind: 'NotFound' })
    await expect(
      client.updateOpportunity(created.uuid, { winLikelihood: 1 })
    ).rejects.toMatchObject({ kind: 'NotFound' })
  })

  it('opportunities: the server’s validation comes back per field, in domain names', async () => {
    const error = await client
      .createOpportunity({ ...draftFor(1, 'invalid'), pipelineStage: 'Daydreaming' })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      kind: 'Validation',
      status: 422,
      fieldErrors: [
        { field: 'pipelineStage', message: expect.stringMatching(/not included in the list/) }
      ]
    })
    const unknownCustomer = await client
      .createOpportunity({ ...draftFor(1, 'invalid'), customerUuid: 'cus_nope' })
      .catch((e: unknown) => e)
    expect(unknownCustomer).toMatchObject({
      kind: 'Validation',
      fieldErrors: [{ field: 'customerUuid' }]
    })
  })
})

describe('the simulator’s admission limits', () => {
  it('429s from its rate window slow the shared limiter, and every call still succeeds', async () => {
    sim.setLimits({ rateLimit: { perWindow: 4, windowMs: 100 } })
    const limiter = createRateLimiter({
      ratePerSecond: 40,
      burst: 20,
      maxConcurrent: 20,
      penaltyPauseMs: 50,
      recoveryIntervalMs: 60_000
    })
    const fast = makeClient({ limiter })
    const targets = sim.store.customers().slice(0, 16)
    const results = await Promise.all(targets.map((c) => fast.getCustomer(c.uuid)))
    expect(uuids(results)).toEqual(uuids(targets))
    expect(limiter.stats().rateLimitedCount).toBeGreaterThan(0)
    expect(limiter.stats().currentRatePerSecond).toBeLessThan(40)
  })

  it('503s from its parallel-connection cap are retried', async () => {
    sim.setLimits({ maxConcurrent: 2 })
    sim.setFaults({ latencyMs: 20 })
    const wide = makeClient({
      limiter: createRateLimiter({ ratePerSecond: 40, burst: 12, maxConcurrent: 12 })
    })
    sim.resetStats()
    const targets = sim.store.customers().slice(0, 12)
    const results = await Promise.all(targets.map((c) => wide.getCustomer(c.uuid)))
    expect(uuids(results)).toEqual(uuids(targets))
    expect(sim.stats.status503).toBeGreaterThan(0)
  })

  it('our own limiter keeps within the documented limits: no 429 or 503 at defaults', async () => {
    // A fresh simulator: the shared one's rate window still holds the previous tests' requests.
    const fresh = await startSimulator({ data: { seed: 9, customers: 30 } })
    try {
      const polite = createChartMogulClient({
        apiKey: fresh.apiKey,
        baseUrl: fresh.url,
        limiter: createRateLimiter()
      })
      const targets = fresh.store.customers()
      const results = await Promise.all(targets.map((c) => polite.getCustomer(c.uuid)))
      expect(uuids(results)).toEqual(uuids(targets))
      expect(fresh.stats).toMatchObject({ requests: targets.length, status429: 0, status503: 0 })
      expect(fresh.stats.maxConcurrency).toBeLessThanOrEqual(8)
    } finally {
      await fresh.close()
    }
  })
})

describe('under 20 % injected faults', () => {
  const TWENTY_PERCENT = {
    rate429: 0.04,
    rate5xxJson: 0.03,
    rate5xxText: 0.03,
    rateReset: 0.04,
    rateTruncated: 0.03,
    rateMalformed: 0.03
  }

  it('a full listing returns every record exactly once', async () => {
    sim.setFaults({ ...TWENTY_PERCENT, seed: 2 })
    sim.resetStats()
    // Small pages: many requests, so every fault family strikes somewhere.
    // Injected 429s are not real overload: a high floor keeps the limiter from crawling.
    const faulty = makeClient({
      limiter: createRateLimiter({ ratePerSecond: 40, minRatePerSecond: 35, penaltyPauseMs: 5 })
    })
    const customers = await listAll(faulty.listCustomers, { perPage: 4 })
    const activities = await listAll(faulty.listActivities, { perPage: 15 })
    const opportunities = await listAll(faulty.listOpportunities, { perPage: 2 })
    const { faults, requests } = sim.stats
    sim.clearFaults()

    for (const [listed, expected] of [
      [customers.items, sim.store.customers()],
      [activities.items, sim.store.activities()],
      [opportunities.items, sim.store.opportunities()]
    ] as const) {
      expect(new Set(uuids(listed)).size).toBe(listed.length)
      expect(uuids(listed)).toEqual(uuids(expected))
    }
    // The faults really happened, of every family.
    expect(requests).toBeGreaterThan(60)
    expect(faults.status429 + faults.serverErrorJson + faults.serverErrorText).toBeGreaterThan(0)
    expect(faults.reset).toBeGreaterThan(0)
    expect(faults.truncated + faults.malformed).toBeGreaterThan(0)
  })

  it('creates never produce two opportunities, even when answers are lost after applying', async () => {
    sim.setFaults({ ...TWENTY_PERCENT, applyThenFail: 0.3, seed: 202 })
    const drafts = Array.from({ length: 12 }, (_, i) => draftFor(i, 'faulty'))
    const logStart = sim.mutationLog.length
    let unknownOutcomes = 0

    const created: Opportunity[] = []
    for (const draft of drafts) {
      const result = await createExactlyOnce(draft)
      unknownOutcomes += result.unknowns
      created.push(result.opportunity)
    }
    sim.clearFaults()

    expect(unknownOutcomes).toBeGreaterThan(0) // the dangerous path was exercised
    const applied = sim.mutationLog
      .slice(logStart)
      .filter((e) => e.entity === 'opportunity' && e.action === 'create' && e.applied)
    expect(applied).toHaveLength(drafts.length)
    for (const draft of drafts) {
      const matching = sim.store
        .opportunities()
        .filter((o) => o.custom['revdesk_ref'] === draft.custom?.['revdesk_ref'])
      expect(matching).toHaveLength(1)
    }
    expect(new Set(uuids(created)).size).toBe(drafts.length)
  })

  it('updates and deletes converge (idempotent retries)', async () => {
    const drafts = Array.from({ length: 6 }, (_, i) => draftFor(i, 'converge'))
    const created = await Promise.all(drafts.map((d) => client.createOpportunity(d)))
    sim.setFaults({ ...TWENTY_PERCENT, applyThenFail: 0.3, seed: 303 })
    for (const opportunity of created) {
      await client.updateOpportunity(opportunity.uuid, { pipelineStage: 'Verbal Commit' })
    }
    for (const opportunity of created) {
      expect(sim.store.getOpportunity(opportunity.uuid)?.pipeline_stage).toBe('Verbal Commit')
    }
    for (const opportunity of created) await client.deleteOpportunity(opportunity.uuid)
    sim.clearFaults()
    for (const opportunity of created) {
      expect(sim.store.getOpportunity(opportunity.uuid)).toBeUndefined()
    }
  })
})

/** A valid draft for the i-th customer, tagged so each one can be found in the store. */
function draftFor(i: number, tag: string): OpportunityDraft {
  const customer = sim.store.customers()[i]
  const owner = sim.store.opportunities()[0]?.owner
  if (!customer || !owner) throw new Error('dataset too small')
  return {
    customerUuid: customer.uuid,
    owner,
    pipeline: 'New Business',
    pipelineStage: 'Discovery',
    estimatedCloseDate: '2031-01-15',
    currency: 'USD',
    amountCents: 10_000 + i,
    type: 'recurring',
    custom: { revdesk_ref: `${tag}-${i}` }
  }
}

/** What the outbox does: on an unknown outcome, look before sending again. */
async function createExactlyOnce(
  draft: OpportunityDraft
): Promise<{ opportunity: Opportunity; unknowns: number }> {
  let unknowns = 0
  for (let tries = 0; tries < 20; tries++) {
    try {
      return { opportunity: await client.createOpportunity(draft), unknowns }
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) throw error
      unknowns += 1
      const [found] = await findOpportunitiesMatchingDraft(client, draft)
      if (found) return { opportunity: found, unknowns }
    }
  }
  throw new Error('could not create the opportunity')
}
