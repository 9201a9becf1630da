/**
 * The simulator's responses against REAL recorded exchanges with api.chartmogul.com: same keys
 * (in the same order), same JSON types, same hyphen/underscore spelling, same envelopes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../../src/main/simulator'
import type { CustomerWire, OpportunityWire } from '../../../src/main/simulator/wire'
import {
  call,
  get,
  recordedFirst,
  recorded,
  shapeDiff,
  startSmall,
  type ShapeRules
} from './support'

const CUSTOMER_RULES: ShapeRules = {
  nullable: [
    'customer-since',
    'country',
    'state',
    'zip',
    'lead_created_at',
    'free_trial_started_at',
    'billing-system-url',
    'owner',
    'address.country',
    'address.state',
    'address.address_zip'
  ],
  maps: ['attributes.custom', 'attributes.clearbit', 'attributes.stripe'],
  optional: ['website_url']
}
const ENTRY_CUSTOMER_RULES: ShapeRules = {
  ...CUSTOMER_RULES,
  nullable: [...(CUSTOMER_RULES.nullable ?? []).map((p) => `entries[].${p}`), 'cursor'],
  maps: (CUSTOMER_RULES.maps ?? []).map((p) => `entries[].${p}`),
  optional: ['entries[].website_url']
}
const OPPORTUNITY_RULES: ShapeRules = { maps: ['custom'] }

function bodyOf(name: string, index = 0): unknown {
  const exchange = recorded(name)[index]
  if (!exchange) throw new Error(`no exchange ${index} in ${name}`)
  return exchange.response.body
}

function contentType(name: string, index = 0): string | undefined {
  return recorded(name)[index]?.response.headers['content-type']?.[0]
}

const CURSOR_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z&[\w-]+$/

function decodeCursor(cursor: unknown): string {
  return Buffer.from(String(cursor), 'base64').toString('utf8')
}

describe('wire shapes match the recorded real API', () => {
  let sim: RunningSimulator
  let lead: CustomerWire
  let payer: CustomerWire

  beforeAll(async () => {
    sim = await startSmall()
    const customers = sim.store.customers()
    lead = customers.find((c) => c.status === 'New Lead') as CustomerWire
    payer = customers.find((c) => c.status === 'Active' && c.country !== null) as CustomerWire
  })
  afterAll(() => sim.close())

  it('ping and the 401 body are byte-for-byte the recorded ones', async () => {
    const pong = await get(sim, '/v1/ping')
    expect(pong.json()).toEqual(bodyOf('ChartMogul_Ping__pings__when_credentials_correct'))
    const denied = await get(sim, '/v1/ping', { key: 'not-the-key' })
    const rec = recordedFirst('ChartMogul_Ping__pings__and_fails_on_incorrect_credentials')
    expect(denied.status).toBe(rec.response.status)
    expect(denied.json()).toEqual(rec.response.body)
    expect(denied.headers['content-type']).toBe('application/json')
  })

  it('account', async () => {
    const res = await get(sim, '/v1/account')
    expect(
      shapeDiff(bodyOf('ChartMogul_Account__returns_details_of_current_account'), res.json())
    ).toEqual([])
    expect(res.headers['content-type']).toBe(
      contentType('ChartMogul_Account__returns_details_of_current_account')
    )
  })

  it('customer retrieve: every key, type and spelling', async () => {
    const name = 'ChartMogul_Customer__API_Actions__retrieves_the_customer_correctly'
    const res = await get(sim, `/v1/customers/${lead.uuid}`)
    expect(res.status).toBe(200)
    expect(shapeDiff(bodyOf(name), res.json(), CUSTOMER_RULES)).toEqual([])
    const paying = (await get(sim, `/v1/customers/${payer.uuid}`)).json()
    expect(shapeDiff(bodyOf(name), paying, CUSTOMER_RULES)).toEqual([])
  })

  it('customer list: first page carries the deprecated fields, the next page does not', async () => {
    const name = 'ChartMogul_Customer__API_Actions__with_pagination__paginates_correctly'
    const first = await get(sim, '/v1/customers?per_page=1')
    const firstBody = first.json<{ cursor: string; total_pages: number }>()
    expect(shapeDiff(bodyOf(name, 0), firstBody, ENTRY_CUSTOMER_RULES)).toEqual([])
    expect(firstBody.total_pages).toBe(sim.store.customers().length)
    const second = await get(
      sim,
      `/v1/customers?per_page=1&cursor=${encodeURIComponent(firstBody.cursor)}`
    )
    expect(shapeDiff(bodyOf(name, 1), second.json(), ENTRY_CUSTOMER_RULES)).toEqual([])
    // Same cursor format as recorded: base64 of "<9-digit-fraction timestamp>&<numeric id>".
    const recordedCursor = (bodyOf(name, 0) as { cursor: string }).cursor
    expect(decodeCursor(recordedCursor)).toMatch(CURSOR_TEXT)
    expect(decodeCursor(firstBody.cursor)).toMatch(
      /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z)?&\d+$/
    )
  })

  it('customer list with a filter that matches nothing equals the recorded empty page', async () => {
    const res = await get(sim, '/v1/customers?external_id=unknown')
    expect(res.json()).toEqual(
      bodyOf('ChartMogul_Customer___find_by_external_id__returns_nil_if_customer_does_not_exist')
    )
  })

  it('customer search: envelope with total_pages null, and the recorded 404', async () => {
    const res = await get(sim, `/v1/customers/search?email=${encodeURIComponent(payer.email)}`)
    expect(
      shapeDiff(
        bodyOf('ChartMogul_Customer__API_Actions__searches_for_customers_correctly'),
        res.json(),
        ENTRY_CUSTOMER_RULES
      )
    ).toEqual([])
    expect(res.json<{ total_pages: null }>().total_pages).toBeNull()

    const rec = recordedFirst(
      'ChartMogul_Customer__API_Actions__raises_a_HTTP_404_if_searching_for_customers_does_not_find_any'
    )
    const missing = await get(sim, '/v1/customers/search?email=no%40email.com')
    expect(missing.status).toBe(404)
    expect(missing.json()).toEqual(rec.response.body)
  })

  it('plans: list root key `plans`, first-page fields, next page, and single-plan key order', async () => {
    const name = 'ChartMogul_Plan__API_Actions__with_pagination__paginates_correctly'
    const first = await get(sim, '/v1/plans?per_page=1')
    const firstBody = first.json<{ cursor: string }>()
    expect(shapeDiff(bodyOf(name, 0), firstBody)).toEqual([])
    expect(first.headers['content-type']).toBe(contentType(name))
    const second = await get(
      sim,
      `/v1/plans?per_page=1&cursor=${encodeURIComponent(firstBody.cursor)}`
    )
    expect(shapeDiff(bodyOf(name, 1), second.json())).toEqual([])
    expect(decodeCursor(firstBody.cursor)).toMatch(CURSOR_TEXT)

    const plan = sim.store.plans()[0]
    const single = await get(sim, `/v1/plans/${plan?.uuid}`)
    expect(
      shapeDiff(bodyOf('ChartMogul_Plan__API_Actions__retrieves_the_plan_correctly'), single.json())
    ).toEqual([])
  })

  it('activities: hyphenated entry keys, per_page only on the first page, uuid cursors', async () => {
    const name = 'ChartMogul_Metrics_Activity__should_paginate_using_cursor_when_called_with_next'
    const first = await get(sim, '/v1/activities?per_page=1')
    const firstBody = first.json<{ cursor: string; entries: { uuid: string }[] }>()
    expect(shapeDiff(bodyOf(name, 0), firstBody)).toEqual([])
    expect(firstBody.cursor).toBe(firstBody.entries[0]?.uuid)
    const second = await get(sim, `/v1/activities?per_page=1&cursor=${firstBody.cursor}`)
    expect(shapeDiff(bodyOf(name, 1), second.json())).toEqual([])
    const pageable = bodyOf(
      'ChartMogul_Metrics_Activity__behaves_like_PageableWithAnchor__should_be_pageable'
    )
    expect(shapeDiff(pageable, (await get(sim, '/v1/activities?per_page=2')).json())).toEqual([])
  })

  it('opportunities: list envelope, retrieve, create (201), update (200), delete (200 {})', async () => {
    const list = await get(sim, '/v1/opportunities?per_page=3')
    expect(
      shapeDiff(
        bodyOf('ChartMogul_Opportunity__API_Actions__retrieves_all_opportunities_correctly'),
        list.json(),
        { maps: ['entries[].custom'] }
      )
    ).toEqual([])
    const listCursor = list.json<{ cursor: string }>().cursor
    expect(decodeCursor(listCursor)).toMatch(CURSOR_TEXT)

    // Replay the recorded create request, pointed at one of our customers.
    const createRec = recordedFirst(
      'ChartMogul_Opportunity__API_Actions__creates_a_opportunity_correctly'
    )
    const requestBody = { ...(createRec.request.body as object), customer_uuid: payer.uuid }
    const created = await call(sim, 'POST', '/v1/opportunities', { body: requestBody })
    expect(created.status).toBe(createRec.response.status)
    const createdBody = created.json<OpportunityWire>()
    expect(shapeDiff(createRec.response.body, createdBody, OPPORTUNITY_RULES)).toEqual([])
    expect(createdBody.custom).toEqual((createRec.response.body as OpportunityWire).custom)
    const {
      uuid: _u,
      customer_uuid: _c,
      created_at: _ca,
      updated_at: _ua,
      ...fields
    } = createRec.response.body as OpportunityWire
    expect(createdBody).toMatchObject(fields)

    const retrieveRec = recordedFirst(
      'ChartMogul_Opportunity__API_Actions__retrieves_a_opportunity_correctly'
    )
    const retrieved = await get(sim, `/v1/opportunities/${createdBody.uuid}`)
    expect(shapeDiff(retrieveRec.response.body, retrieved.json(), OPPORTUNITY_RULES)).toEqual([])

    const updateRec = recordedFirst(
      'ChartMogul_Opportunity__API_Actions__updates_the_opportunity_correctly_with_the_class_method'
    )
    const updated = await call(sim, 'PATCH', `/v1/opportunities/${createdBody.uuid}`, {
      body: updateRec.request.body
    })
    expect(updated.status).toBe(updateRec.response.status)
    expect(shapeDiff(updateRec.response.body, updated.json(), OPPORTUNITY_RULES)).toEqual([])
    expect(updated.json<OpportunityWire>().estimated_close_date).toBe('2024-04-30')

    const deleteRec = recordedFirst(
      'ChartMogul_Opportunity__API_Actions__destroys_the_opportunity_correctly'
    )
    const deleted = await call(sim, 'DELETE', `/v1/opportunities/${createdBody.uuid}`)
    expect(deleted.status).toBe(deleteRec.response.status)
    expect(deleted.text).toBe('{}')
    expect(deleted.headers['content-length']).toBe(
      deleteRec.response.headers['content-length']?.[0]
    )
  })

  it('plain-text 5xx bodies and content type are the recorded ones', async () => {
    const texts = [
      recordedFirst('ChartMogul_Ping__pings__and_fails_with_500_internal_server_error'),
      recordedFirst('ChartMogul_Ping__pings__and_fails_with_504_gateway_timeout_error')
    ]
    sim.setFaults({ rate5xxText: 1, seed: 3 })
    try {
      const seen = new Set<number>()
      for (let i = 0; i < 12; i++) {
        const res = await get(sim, '/v1/ping')
        const rec = texts.find((t) => t.response.status === res.status)
        expect(rec, `status ${res.status}`).toBeDefined()
        expect(res.text).toBe(rec?.response.body)
        expect(res.headers['content-type']).toBe(rec?.response.headers['content-type']?.[0])
        seen.add(res.status)
      }
      expect(seen).toEqual(new Set([500, 504]))
    } finally {
      sim.clearFaults()
    }
  })
})
