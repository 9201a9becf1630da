/** Authentication, filters, lookups and error envelopes of the read endpoints. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../../src/main/simulator'
import type { CustomerWire, OpportunityWire, PlanWire } from '../../../src/main/simulator/wire'
import { call, get, startSmall } from './support'

interface Page<T> {
  entries: T[]
  plans?: T[]
  has_more: boolean
}

describe('read endpoints', () => {
  let sim: RunningSimulator
  beforeAll(async () => {
    sim = await startSmall({
      apiKey: 'k_live_123',
      data: { seed: 8, customers: 300, opportunities: 120 }
    })
  })
  afterAll(() => sim.close())

  describe('authentication', () => {
    it('accepts the key as user with an empty password or the key again', async () => {
      expect((await get(sim, '/v1/ping')).status).toBe(200)
      expect((await get(sim, '/v1/ping', { password: 'k_live_123' })).status).toBe(200)
    })

    it('answers 401 with the recorded body for a missing, wrong or malformed credential', async () => {
      const body = { code: 401, message: 'No valid API key provided', param: null }
      const attempts = [
        get(sim, '/v1/customers', { key: null }),
        get(sim, '/v1/customers', { key: 'k_live_124' }),
        get(sim, '/v1/customers', { password: 'something-else' }),
        get(sim, '/v1/customers', { key: null, headers: { authorization: 'Bearer k_live_123' } })
      ]
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(401)
        expect(res.json()).toEqual(body)
      }
    })

    it('rejects the old key once the key is regenerated, and accepts the new one', async () => {
      sim.rotateApiKey('k_live_456')
      try {
        expect((await get(sim, '/v1/ping', { key: 'k_live_123' })).status).toBe(401)
        expect((await get(sim, '/v1/ping', { key: 'k_live_456' })).status).toBe(200)
        expect(sim.apiKey).toBe('k_live_456')
      } finally {
        sim.rotateApiKey('k_live_123')
      }
      expect((await get(sim, '/v1/ping', { key: 'k_live_123' })).status).toBe(200)
    })

    it('checks the key before telling whether a path exists', async () => {
      expect((await get(sim, '/v1/nope', { key: 'wrong' })).status).toBe(401)
      const missing = await get(sim, '/v1/nope')
      expect(missing.status).toBe(404)
      expect(missing.json()).toMatchObject({ code: 404 })
      expect((await call(sim, 'PUT', '/v1/customers')).status).toBe(405)
      expect((await get(sim, '/v1/customers/%E0%A4%A')).status).toBe(404)
      // Trailing slashes name the same resource.
      expect((await get(sim, '/v1/ping/')).json()).toEqual({ data: 'pong!' })
    })
  })

  describe('customers', () => {
    it('filters by status using the underscore spelling, answering the spaced one', async () => {
      for (const [filter, status] of [
        ['New_Lead', 'New Lead'],
        ['Past_Due', 'Past Due'],
        ['Active', 'Active'],
        ['Unqualified_Lead', 'Unqualified Lead']
      ] as const) {
        const page = (await get(sim, `/v1/customers?status=${filter}`)).json<Page<CustomerWire>>()
        const expected = sim.store.customers().filter((c) => c.status === status)
        expect(expected.length, status).toBeGreaterThan(0)
        expect(page.entries.map((c) => c.uuid)).toEqual(expected.slice(0, 200).map((c) => c.uuid))
        expect(page.has_more).toBe(expected.length > 200)
      }
      expect(
        (await get(sim, '/v1/customers?status=Bogus')).json<Page<CustomerWire>>().entries
      ).toEqual([])
    })

    it('filters by data source (including merged customers), external id and billing system', async () => {
      const [stripe, recurly] = sim.store.dataSources
      const bySource = (await get(sim, `/v1/customers?data_source_uuid=${recurly?.uuid}`)).json<
        Page<CustomerWire>
      >()
      expect(bySource.entries.map((c) => c.uuid)).toEqual(
        sim.store
          .customers()
          .filter((c) => c.data_source_uuids.includes(recurly?.uuid ?? ''))
          .map((c) => c.uuid)
      )
      const bySystem = (await get(sim, '/v1/customers?system=Stripe')).json<Page<CustomerWire>>()
      expect(bySystem.entries.length).toBeGreaterThan(0)
      expect(bySystem.entries.every((c) => c['billing-system-type'] === 'Stripe')).toBe(true)
      expect(bySystem.entries.every((c) => c.data_source_uuid === stripe?.uuid)).toBe(true)
      const someone = sim.store.customers()[17] as CustomerWire
      const byExternal = (await get(sim, `/v1/customers?external_id=${someone.external_id}`)).json<
        Page<CustomerWire>
      >()
      expect(byExternal.entries.map((c) => c.uuid)).toEqual([someone.uuid])
    })

    it('retrieves by uuid and answers 404 JSON for an unknown one', async () => {
      const someone = sim.store.customers()[5] as CustomerWire
      expect((await get(sim, `/v1/customers/${someone.uuid}`)).json()).toEqual(someone)
      const missing = await get(sim, '/v1/customers/cus_00000000-0000-1000-8000-000000000000')
      expect(missing.status).toBe(404)
      expect(missing.json()).toMatchObject({
        code: 404,
        message: expect.any(String),
        param: expect.anything()
      })
    })

    it('searches by e-mail case-insensitively, finds duplicates, and needs the email parameter', async () => {
      const emails = sim.store.customers().map((c) => c.email)
      const duplicated = emails.find((e, i) => emails.indexOf(e) !== i) as string
      const res = await get(
        sim,
        `/v1/customers/search?email=${encodeURIComponent(duplicated.toUpperCase())}`
      )
      expect(res.status).toBe(200)
      const found = res.json<Page<CustomerWire>>().entries
      expect(found.length).toBeGreaterThanOrEqual(2)
      expect(found.every((c) => c.email === duplicated)).toBe(true)
      const noParam = await get(sim, '/v1/customers/search')
      expect(noParam.status).toBe(400)
      expect(noParam.json()).toEqual({
        code: 400,
        message: 'Parameter "email" is missing',
        param: 'email'
      })
    })
  })

  describe('plans', () => {
    it('filters by data source, billing system and external id; 404 for an unknown uuid', async () => {
      const [, recurly] = sim.store.dataSources
      const bySource = (await get(sim, `/v1/plans?data_source_uuid=${recurly?.uuid}`)).json<
        Page<PlanWire>
      >()
      expect(bySource.plans?.length).toBeGreaterThan(0)
      expect(bySource.plans?.every((p) => p.data_source_uuid === recurly?.uuid)).toBe(true)
      const bySystem = (await get(sim, '/v1/plans?system=Recurly')).json<Page<PlanWire>>()
      expect(bySystem.plans?.map((p) => p.uuid)).toEqual(bySource.plans?.map((p) => p.uuid))
      const one = sim.store.plans()[3] as PlanWire
      const byExternal = (await get(sim, `/v1/plans?external_id=${one.external_id}`)).json<
        Page<PlanWire>
      >()
      expect(byExternal.plans).toEqual([one])
      expect((await get(sim, '/v1/plans/pl_nope')).status).toBe(404)
    })
  })

  describe('activities', () => {
    it('rejects bad type, order and dates with the 400 envelope', async () => {
      for (const [query, param] of [
        ['type=upsell', 'type'],
        ['order=date_desc', 'order'],
        ['start-date=yesterday', 'start-date'],
        ['end-date=2024-02-30', 'end-date']
      ]) {
        const res = await get(sim, `/v1/activities?${query}`)
        expect(res.status, query).toBe(400)
        expect(res.json()).toEqual({ code: 400, message: `Parameter "${param}" is invalid`, param })
      }
    })
  })

  describe('opportunities list', () => {
    const entries = async (query: string) =>
      (await get(sim, `/v1/opportunities?${query}`)).json<Page<OpportunityWire>>().entries

    it('filters by customer, owner, pipeline and stage', async () => {
      const all = sim.store.opportunities()
      const sample = all[7] as OpportunityWire
      expect((await entries(`customer_uuid=${sample.customer_uuid}`)).map((o) => o.uuid)).toEqual(
        all.filter((o) => o.customer_uuid === sample.customer_uuid).map((o) => o.uuid)
      )
      expect(
        (await entries(`owner=${encodeURIComponent(sample.owner)}`)).map((o) => o.uuid)
      ).toEqual(all.filter((o) => o.owner === sample.owner).map((o) => o.uuid))
      const renewals = await entries('pipeline=Renewals&pipeline_stage=Closed%20Won')
      expect(renewals.length).toBeGreaterThan(0)
      expect(renewals.map((o) => o.uuid)).toEqual(
        all
          .filter((o) => o.pipeline === 'Renewals' && o.pipeline_stage === 'Closed Won')
          .map((o) => o.uuid)
      )
    })

    it('filters by estimated close date, both bounds inclusive', async () => {
      const all = sim.store.opportunities()
      const dates = all.map((o) => o.estimated_close_date).sort()
      const from = dates[20] as string
      const to = dates[80] as string
      const got = await entries(
        `estimated_close_date_on_or_after=${from}&estimated_close_date_on_or_before=${to}`
      )
      const expected = all.filter(
        (o) => o.estimated_close_date >= from && o.estimated_close_date <= to
      )
      expect(got.map((o) => o.uuid)).toEqual(expected.map((o) => o.uuid))
      expect(got.some((o) => o.estimated_close_date === from)).toBe(true)
      expect(got.some((o) => o.estimated_close_date === to)).toBe(true)
      const bad = await get(sim, '/v1/opportunities?estimated_close_date_on_or_after=30/03/2024')
      expect(bad.status).toBe(400)
    })
  })
})
