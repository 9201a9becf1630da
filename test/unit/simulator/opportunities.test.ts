/** Opportunity writes: status codes, bodies, defaults, validation shapes and the mutation log. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../../src/main/simulator'
import type { CustomerWire, OpportunityWire } from '../../../src/main/simulator/wire'
import { call, get, startSmall } from './support'

/** A controllable server clock, so updated_at bumps are exact, not timing-dependent. */
function manualClock(startIso: string) {
  let ms = Date.parse(startIso)
  return {
    now: () => new Date(ms),
    advance: (by: number) => {
      ms += by
    }
  }
}

describe('opportunity writes', () => {
  let sim: RunningSimulator
  let customer: CustomerWire
  let clock: ReturnType<typeof manualClock>
  const valid = () => ({
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
    custom: [
      { key: 'from_campaign', value: true },
      { key: 'seats', value: 3 }
    ]
  })

  beforeEach(async () => {
    clock = manualClock('2024-03-18T17:15:56.960Z')
    // The dataset's "today" precedes the server clock, so API-created deals are the newest.
    sim = await startSmall({
      clock: clock.now,
      data: { seed: 7, customers: 120, now: '2024-03-01' }
    })
    customer = sim.store.customers()[0] as CustomerWire
  })
  afterEach(() => sim.close())

  it('creates with 201 and the full object; custom goes in as an array and comes out as a map', async () => {
    const res = await call(sim, 'POST', '/v1/opportunities', { body: valid() })
    expect(res.status).toBe(201)
    const created = res.json<OpportunityWire>()
    expect(created).toEqual({
      uuid: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
      ),
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
      custom: { from_campaign: true, seats: 3 },
      created_at: '2024-03-18T17:15:56.960Z',
      updated_at: '2024-03-18T17:15:56.960Z'
    })
    expect((await get(sim, `/v1/opportunities/${created.uuid}`)).json()).toEqual(created)
    // Newest first: the new deal heads the list.
    const list = (await get(sim, '/v1/opportunities?per_page=1')).json<{
      entries: OpportunityWire[]
    }>()
    expect(list.entries[0]).toEqual(created)
  })

  it('fills documented defaults when the optional fields are omitted', async () => {
    const { type: _t, forecast_category: _f, win_likelihood: _w, custom: _c, ...required } = valid()
    const res = await call(sim, 'POST', '/v1/opportunities', {
      body: {
        ...required,
        pipeline_stage: 'Negotiation',
        estimated_close_date: '2024-05-01T10:00:00Z'
      }
    })
    expect(res.status).toBe(201)
    expect(res.json()).toMatchObject({
      win_likelihood: 60,
      forecast_category: 'best_case',
      type: 'recurring',
      custom: {},
      estimated_close_date: '2024-05-01'
    })
  })

  it('PATCHes with 200, the full object, a later updated_at and merged custom keys', async () => {
    const created = (
      await call(sim, 'POST', '/v1/opportunities', { body: valid() })
    ).json<OpportunityWire>()
    clock.advance(22_337)
    const res = await call(sim, 'PATCH', `/v1/opportunities/${created.uuid}`, {
      body: { estimated_close_date: '2024-04-30', custom: [{ key: 'seats', value: 5 }] }
    })
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({
      ...created,
      estimated_close_date: '2024-04-30',
      custom: { from_campaign: true, seats: 5 },
      updated_at: '2024-03-18T17:16:19.297Z'
    })
    // Two writes in the same millisecond still move updated_at forward.
    const again = (
      await call(sim, 'PATCH', `/v1/opportunities/${created.uuid}`, {
        body: { win_likelihood: 40 }
      })
    ).json<OpportunityWire>()
    expect(again.updated_at).toBe('2024-03-18T17:16:19.298Z')
    expect(again.created_at).toBe(created.created_at)
  })

  it('DELETEs with 200 `{}`, after which the deal is gone (404 on every verb)', async () => {
    const created = (
      await call(sim, 'POST', '/v1/opportunities', { body: valid() })
    ).json<OpportunityWire>()
    const res = await call(sim, 'DELETE', `/v1/opportunities/${created.uuid}`)
    expect(res.status).toBe(200)
    expect(res.text).toBe('{}')
    expect(res.headers['content-length']).toBe('2')
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const gone = await call(
        sim,
        method,
        `/v1/opportunities/${created.uuid}`,
        method === 'PATCH' ? { body: {} } : {}
      )
      expect(gone.status, method).toBe(404)
      expect(gone.json()).toMatchObject({ code: 404 })
    }
  })

  it('answers 400 "Parameter … is missing" for each missing required field, in field order', async () => {
    for (const field of [
      'customer_uuid',
      'owner',
      'pipeline',
      'pipeline_stage',
      'estimated_close_date',
      'currency',
      'amount_in_cents'
    ] as const) {
      const body: Record<string, unknown> = valid()
      delete body[field]
      const res = await call(sim, 'POST', '/v1/opportunities', { body })
      expect(res.status, field).toBe(400)
      expect(res.json()).toEqual({
        code: 400,
        message: `Parameter "${field}" is missing`,
        param: field
      })
    }
    const empty = await call(sim, 'POST', '/v1/opportunities', { rawBody: '' })
    expect(empty.json()).toMatchObject({ code: 400, param: 'customer_uuid' })
  })

  it('answers 400 for wrong JSON types and unparseable bodies', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ amount_in_cents: '1000' }, 'amount_in_cents'],
      [{ win_likelihood: 'high' }, 'win_likelihood'],
      [{ custom: { seats: 3 } }, 'custom'],
      [{ custom: [{ value: 1 }] }, 'custom']
    ]
    for (const [patch, param] of cases) {
      const res = await call(sim, 'POST', '/v1/opportunities', { body: { ...valid(), ...patch } })
      expect(res.status, param).toBe(400)
      expect(res.json()).toEqual({ code: 400, message: `Parameter "${param}" is invalid`, param })
    }
    const broken = await call(sim, 'POST', '/v1/opportunities', { rawBody: '{"owner": ' })
    expect(broken.status).toBe(400)
    expect(broken.json()).toMatchObject({ code: 400, param: null })
  })

  it('answers Rails-style 422 with error_details for semantic errors, all at once', async () => {
    const res = await call(sim, 'POST', '/v1/opportunities', {
      body: {
        ...valid(),
        customer_uuid: 'cus_00000000-0000-1000-8000-000000000000',
        amount_in_cents: -5,
        win_likelihood: 101,
        forecast_category: 'maybe',
        type: 'arr',
        estimated_close_date: '2024-02-30',
        currency: 'XYZ'
      }
    })
    expect(res.status).toBe(422)
    const body = res.json<
      Record<string, unknown> & {
        error_details: { param: string; code: string; message: string }[]
      }
    >()
    expect(body.error_details.map((d) => [d.param, d.code])).toEqual([
      ['customer_uuid', 'invalid'],
      ['estimated_close_date', 'invalid'],
      ['currency', 'inclusion'],
      ['amount_in_cents', 'greater_than_or_equal_to'],
      ['type', 'inclusion'],
      ['forecast_category', 'inclusion'],
      ['win_likelihood', 'less_than_or_equal_to']
    ])
    expect(body['win_likelihood']).toEqual(['Win likelihood must be less than or equal to 100'])
    expect(body['amount_in_cents']).toEqual(['Amount in cents must be greater than or equal to 0'])
    for (const d of body.error_details) expect(body[d.param]).toEqual([d.message])

    const stage = await call(sim, 'POST', '/v1/opportunities', {
      body: { ...valid(), pipeline: 'Renewals', pipeline_stage: 'Evaluation' }
    })
    expect(stage.status).toBe(422)
    expect(stage.json()).toEqual({
      pipeline_stage: ['Pipeline stage is not included in the list'],
      error_details: [
        {
          param: 'pipeline_stage',
          code: 'inclusion',
          message: 'Pipeline stage is not included in the list'
        }
      ]
    })
    expect(
      sim.store
        .opportunities()
        .some((o) => o.customer_uuid === 'cus_00000000-0000-1000-8000-000000000000')
    ).toBe(false)
  })

  it('validates PATCH bodies the same way and leaves the deal untouched on error', async () => {
    const body = { ...valid(), pipeline_stage: 'Evaluation' } // a stage Renewals does not have
    const created = (await call(sim, 'POST', '/v1/opportunities', { body })).json<OpportunityWire>()
    for (const patch of [
      { win_likelihood: -1 },
      { owner: null },
      { pipeline: 'Renewals' },
      { estimated_close_date: 'soon' }
    ]) {
      const res = await call(sim, 'PATCH', `/v1/opportunities/${created.uuid}`, { body: patch })
      expect(res.status, JSON.stringify(patch)).toBe(422)
      expect(res.json()).toHaveProperty('error_details')
    }
    expect(
      (
        await call(sim, 'PATCH', `/v1/opportunities/${created.uuid}`, {
          body: { amount_in_cents: 'x' }
        })
      ).status
    ).toBe(400)
    expect(sim.store.getOpportunity(created.uuid)).toEqual(created)
  })

  it('logs every write with body, uuid, status and whether it applied', async () => {
    const created = (
      await call(sim, 'POST', '/v1/opportunities', { body: valid() })
    ).json<OpportunityWire>()
    await call(sim, 'PATCH', `/v1/opportunities/${created.uuid}`, { body: { win_likelihood: 55 } })
    await call(sim, 'POST', '/v1/opportunities', { body: { ...valid(), win_likelihood: 500 } })
    await call(sim, 'DELETE', `/v1/opportunities/${created.uuid}`)
    await get(sim, '/v1/opportunities') // reads are not mutations
    const log = sim.mutationLog.map(
      ({ seq, source, action, method, path, uuid, status, applied, delivery }) => ({
        seq,
        source,
        action,
        method,
        path,
        uuid,
        status,
        applied,
        delivery
      })
    )
    expect(log).toEqual([
      {
        seq: 1,
        source: 'api',
        action: 'create',
        method: 'POST',
        path: '/v1/opportunities',
        uuid: created.uuid,
        status: 201,
        applied: true,
        delivery: 'delivered'
      },
      {
        seq: 2,
        source: 'api',
        action: 'update',
        method: 'PATCH',
        path: `/v1/opportunities/${created.uuid}`,
        uuid: created.uuid,
        status: 200,
        applied: true,
        delivery: 'delivered'
      },
      {
        seq: 3,
        source: 'api',
        action: 'create',
        method: 'POST',
        path: '/v1/opportunities',
        uuid: null,
        status: 422,
        applied: false,
        delivery: 'delivered'
      },
      {
        seq: 4,
        source: 'api',
        action: 'delete',
        method: 'DELETE',
        path: `/v1/opportunities/${created.uuid}`,
        uuid: created.uuid,
        status: 200,
        applied: true,
        delivery: 'delivered'
      }
    ])
    expect(sim.mutationLog[0]?.body).toEqual(valid())
    expect(sim.mutationLog[1]?.body).toEqual({ win_likelihood: 55 })
    expect(sim.mutationLog[0]?.at).toBe('2024-03-18T17:15:56.960Z')
  })

  it('lets tests edit a deal "as someone else": visible to the API, logged as out_of_band', async () => {
    const target = sim.store.opportunities()[0] as OpportunityWire
    const before = target.updated_at
    clock.advance(60_000)
    sim.store.outOfBand.editOpportunity(target.uuid, {
      pipeline_stage: 'Closed Won',
      forecast_category: 'won',
      win_likelihood: 100
    })
    const seen = (await get(sim, `/v1/opportunities/${target.uuid}`)).json<OpportunityWire>()
    expect(seen).toMatchObject({
      pipeline_stage: 'Closed Won',
      forecast_category: 'won',
      win_likelihood: 100
    })
    expect(seen.updated_at > before).toBe(true)
    expect(sim.mutationLog.at(-1)).toMatchObject({
      source: 'out_of_band',
      entity: 'opportunity',
      action: 'update',
      uuid: target.uuid,
      method: null,
      status: null,
      applied: true
    })
  })
})
