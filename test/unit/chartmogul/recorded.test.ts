import { afterEach, describe, expect, it } from 'vitest'
import {
  createChartMogulClient,
  listAll,
  paginate,
  type ChartMogulClient
} from '../../../src/main/chartmogul'
import { readJson, sendRequest } from '../../../src/main/chartmogul/http'
import { systemClock } from '../../../src/main/chartmogul/clock'
import type { ListPage, Opportunity } from '../../../src/shared/domain'
import { DRAFT } from './support/fixtures'
import { loadRecording } from './support/recordings'
import { startReplayServer } from './support/replayServer'
import type { TestServer } from './support/testServer'

/**
 * The client against real ChartMogul responses, replayed byte for byte from recordings of
 * the live API: parsing and mapping must lose nothing, and errors must land in the right kind.
 */

const API_KEY = 'test-key-123'
let server: TestServer | null = null

afterEach(async () => {
  await server?.close()
  server = null
})

async function replay(...names: string[]): Promise<ChartMogulClient> {
  server = await startReplayServer(names)
  return createChartMogulClient({
    apiKey: API_KEY,
    baseUrl: server.url,
    userAgent: 'Revdesk/9.9.9',
    // Replayed failures are deterministic: one quick retry is enough to prove the policy.
    retry: { maxAttempts: 1 }
  })
}

function received() {
  if (server === null) throw new Error('no server')
  return server.requests
}

async function caught(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error as {
      kind: string
      status: number | null
      message: string
      serverMessage: string | null
    }
  }
  throw new Error('expected a rejection')
}

describe('ping', () => {
  it('resolves on 200 {"data":"pong!"} and sends auth, accept and user agent', async () => {
    const client = await replay('ChartMogul_Ping__pings__when_credentials_correct')
    await expect(client.ping()).resolves.toBeUndefined()
    const [request] = received()
    expect(request?.url.pathname).toBe('/v1/ping')
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`
    )
    expect(request?.headers.accept).toBe('application/json')
    expect(request?.headers['user-agent']).toBe('Revdesk/9.9.9')
  })

  it('401 → Unauthorized with the server text kept', async () => {
    const client = await replay('ChartMogul_Ping__pings__and_fails_on_incorrect_credentials')
    const error = await caught(client.ping())
    expect(error.kind).toBe('Unauthorized')
    expect(error.status).toBe(401)
    expect(error.serverMessage).toBe('No valid API key provided')
  })

  it('plain-text 500 → Server, not retried by default', async () => {
    const client = await replay('ChartMogul_Ping__pings__and_fails_with_500_internal_server_error')
    const error = await caught(client.ping({ retry: {} }))
    expect(error.kind).toBe('Server')
    expect(error.status).toBe(500)
    expect(error.serverMessage).toBe('500 Internal Server Error')
    expect(received()).toHaveLength(1)
  })

  it('plain-text 504 → Server', async () => {
    const client = await replay('ChartMogul_Ping__pings__and_fails_with_504_gateway_timeout_error')
    const error = await caught(client.ping())
    expect(error.kind).toBe('Server')
    expect(error.status).toBe(504)
    expect(error.serverMessage).toBe('504 Gateway Timeout Error')
  })

  it('a 5xx on a read is retried within the budget', async () => {
    const client = await replay('ChartMogul_Ping__pings__and_fails_with_504_gateway_timeout_error')
    const error = await caught(
      client.ping({ retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } })
    )
    expect(error.kind).toBe('Server')
    expect((error as unknown as { attempts: number }).attempts).toBe(3)
    expect(received()).toHaveLength(3)
  })
})

describe('account', () => {
  it('maps GET /v1/account', async () => {
    const client = await replay('ChartMogul_Account__returns_details_of_current_account')
    await expect(client.getAccount()).resolves.toEqual({
      name: 'Example Test Company',
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      weekStartOn: 'sunday'
    })
  })
})

describe('customers', () => {
  it('retrieves one customer with every field mapped', async () => {
    const client = await replay(
      'ChartMogul_Customer__API_Actions__retrieves_the_customer_correctly'
    )
    const customer = await client.getCustomer('cus_23e01538-2c7e-11ee-b2ce-fb986e96e21b')
    expect(customer).toEqual({
      id: 114167452,
      uuid: 'cus_23e01538-2c7e-11ee-b2ce-fb986e96e21b',
      externalId: 'cus_004',
      externalIds: ['cus_004'],
      name: 'Richard Hendricks',
      email: 'customer@example.com',
      company: 'Pied Piper',
      status: 'New Lead',
      customerSince: null,
      country: 'US',
      state: 'CA',
      city: 'San Francisco',
      zip: '12345',
      address: {
        country: 'United States',
        state: 'California',
        city: 'San Francisco',
        zip: '12345'
      },
      tags: ['managed'],
      customAttributes: {},
      stripeAttributes: {},
      clearbitAttributes: {},
      mrrCents: 0,
      arrCents: 0,
      currency: 'EUR',
      currencySign: '€',
      billingSystemType: 'Google Sheets',
      billingSystemUrl: null,
      chartmogulUrl: 'https://app.chartmogul.com/#/customers/114167452-Pied_Piper',
      dataSourceUuid: 'ds_03cfd2c4-2c7e-11ee-ab23-cb0f008cff46',
      dataSourceUuids: ['ds_03cfd2c4-2c7e-11ee-ab23-cb0f008cff46'],
      owner: null,
      websiteUrl: 'https://chartmogul.com',
      leadCreatedAt: '2015-11-01T00:00:00.000Z',
      freeTrialStartedAt: '2015-11-07T01:20:00.000Z'
    })
    expect(received()[0]?.url.pathname).toBe(
      '/v1/customers/cus_23e01538-2c7e-11ee-b2ce-fb986e96e21b'
    )
  })

  it("pages with a cursor; of the first page's deprecated fields only total_pages is kept", async () => {
    const client = await replay(
      'ChartMogul_Customer__API_Actions__with_pagination__paginates_correctly'
    )
    const first = await client.listCustomers({ perPage: 1 })
    expect(first.skipped).toEqual([])
    expect(first.hasMore).toBe(true)
    expect(first.cursor).toBe('MjAxNi0wMS0wMVQxMjowMDowMC4wMDAwMDAwMDBaJjExNDE2NzQ1MA==')
    expect(Object.keys(first).sort()).toEqual([
      'cursor',
      'hasMore',
      'items',
      'skipped',
      'totalPages'
    ])
    // At one record per page, the account's exact number of customers.
    expect(first.totalPages).toBe(19)
    const [john] = first.items
    expect(john).toMatchObject({
      uuid: 'cus_23740208-2c7e-11ee-9ea2-ffd2435982bb',
      name: 'John Smith',
      status: 'Active',
      customerSince: '2016-01-01T12:00:00.000Z',
      mrrCents: 8008,
      arrCents: 96096,
      customAttributes: { Toggle: true },
      tags: ['auto-churned-delinquent-subscription', 'merged-customer'],
      externalIds: ['cus_002', 'cus_009', 'test_cus_ext_id'],
      // The wire repeats a data source for merged customers.
      dataSourceUuids: [
        'ds_03cfd2c4-2c7e-11ee-ab23-cb0f008cff46',
        'ds_c0d412aa-5298-11ee-bb1f-332cea9687ed'
      ],
      websiteUrl: null
    })

    const second = await client.listCustomers({ perPage: 1, cursor: first.cursor ?? undefined })
    expect(received()[1]?.url.searchParams.get('cursor')).toBe(first.cursor)
    expect(received()[1]?.url.searchParams.get('per_page')).toBe('1')
    expect(second.items[0]).toMatchObject({
      name: 'Gavin Belson',
      status: 'Cancelled',
      country: null,
      city: '',
      address: { country: null, state: null, city: '', zip: null }
    })
    expect(second.hasMore).toBe(true)
  })

  it('filters by external id; an empty page has a null cursor', async () => {
    const client = await replay(
      'ChartMogul_Customer___find_by_external_id__returns_matching_user_if_exists',
      'ChartMogul_Customer___find_by_external_id__returns_nil_if_customer_does_not_exist'
    )
    const found = await client.listCustomers({ externalId: 'test_cus_ext_id' })
    // Real data: one external id, two customers (one per data source).
    expect(found.items.map((c) => [c.uuid, c.externalId])).toEqual([
      ['cus_c10aa086-5298-11ee-82da-ebac6f7a03c3', 'test_cus_ext_id'],
      ['cus_e6c9e1b4-749a-11ee-8b12-bbb6dade4cfc', 'test_cus_ext_id']
    ])
    const none = await client.listCustomers({ externalId: 'unknown' })
    expect(none).toEqual({ items: [], skipped: [], cursor: null, hasMore: false, totalPages: 1 })
    expect(received()[1]?.url.searchParams.get('external_id')).toBe('unknown')
  })

  it('searches by email', async () => {
    const client = await replay(
      'ChartMogul_Customer__API_Actions__searches_for_customers_correctly'
    )
    const page = await client.searchCustomersByEmail('gavin@example.com')
    expect(page.items.map((c) => c.email)).toEqual(['gavin@example.com'])
    expect(page.hasMore).toBe(false)
    expect(received()[0]?.url.pathname).toBe('/v1/customers/search')
    expect(received()[0]?.url.searchParams.get('email')).toBe('gavin@example.com')
  })

  it('paginated search sends per_page', async () => {
    const client = await replay(
      'ChartMogul_Customer__API_Actions__with_pagination__paginates_the___search_endpoint_correctly'
    )
    const page = await client.searchCustomersByEmail('gavin@example.com', { perPage: 1 })
    expect(page.items).toHaveLength(1)
    expect(received()[0]?.url.search).toBe('?email=gavin%40example.com&per_page=1')
  })

  it('a search 404 ("Can\'t find any customers") is an empty result, not an error', async () => {
    const client = await replay(
      'ChartMogul_Customer__API_Actions__raises_a_HTTP_404_if_searching_for_customers_does_not_find_any'
    )
    await expect(client.searchCustomersByEmail('no@email.com')).resolves.toEqual({
      items: [],
      skipped: [],
      cursor: null,
      hasMore: false
    })
  })

  it('a 204 with no body reads as null', async () => {
    server = await startReplayServer([
      'ChartMogul_Customer__API_Actions__destroys_the_customer_correctly'
    ])
    const response = await sendRequest(
      {
        apiKey: API_KEY,
        baseUrl: server.url,
        timeoutMs: 5_000,
        userAgent: 'Revdesk/test',
        fetch: (url, init) => fetch(url, init),
        clock: systemClock
      },
      {
        method: 'DELETE',
        path: '/customers/cus_a4680a9c-76a4-11ee-83ab-d3b9aabc7f00',
        resource: 'customer'
      }
    )
    expect(response).toEqual({ status: 204, text: '' })
    expect(readJson(response)).toBeNull()
  })
})

describe('plans', () => {
  it('reads the `plans` list key across pages', async () => {
    const client = await replay(
      'ChartMogul_Plan__API_Actions__with_pagination__paginates_correctly'
    )
    const first = await client.listPlans({ perPage: 1 })
    expect(first.items).toEqual([
      {
        uuid: 'pl_de9e281e-76cb-11ee-b63f-b727630ce4d4',
        dataSourceUuid: 'ds_03cfd2c4-2c7e-11ee-ab23-cb0f008cff46',
        name: 'Test Plan',
        intervalCount: 7,
        intervalUnit: 'day',
        externalId: 'test_cus_pl_ext_id'
      }
    ])
    expect(first.hasMore).toBe(true)
    const second = await client.listPlans({ perPage: 1, cursor: first.cursor ?? undefined })
    expect(second.items[0]).toMatchObject({ name: 'A another Test Plan', intervalUnit: 'month' })
  })
})

describe('activities', () => {
  it('maps hyphenated entry keys and follows uuid cursors', async () => {
    const client = await replay(
      'ChartMogul_Metrics_Activity__should_paginate_using_cursor_when_called_with_next'
    )
    const first = await client.listActivities({ perPage: 1 })
    expect(first.items[0]).toEqual({
      uuid: '561814e1-d7d3-42f3-8936-4689ec0fbb74',
      date: '2016-01-01T12:00:00.000Z',
      type: 'new_biz',
      mrrCents: 4004,
      mrrMovementCents: 4004,
      arrCents: 48048,
      currency: 'EUR',
      description: 'purchased the Test Plan1 plan',
      customerUuid: 'cus_c10aa086-5298-11ee-82da-ebac6f7a03c3',
      customerName: 'Test Customer',
      customerExternalId: 'test_cus_ext_id',
      planExternalId: 'adcdb9f0-34c6-013c-82df-0230272d2d1f',
      subscriptionExternalId: 'test_cus_sub_ext_id1',
      subscriptionSetExternalId: 'test_cus_sub_set_id1',
      dataSourceUuid: 'ds_c0d412aa-5298-11ee-bb1f-332cea9687ed'
    })
    expect(first.cursor).toBe('ff76d95f-0536-4b2e-85cf-cc49a42c8757')
    const second = await client.listActivities({ perPage: 1, cursor: first.cursor ?? undefined })
    expect(second.items[0]).toMatchObject({
      uuid: 'd868a892-37c7-45e3-ae84-e693181d2344',
      mrrMovementCents: 768,
      arrCents: 9216,
      customerName: 'Hooli'
    })
  })

  it('sends the date filters hyphenated', async () => {
    const client = await replay('ChartMogul_Metrics_Activity__should_have_Activity_entries')
    const page = await client.listActivities({
      perPage: 2,
      startDate: '2016-01-01T00:00:00Z',
      endDate: '2016-12-31',
      type: 'new_biz',
      order: '-date'
    })
    expect(page.items).toHaveLength(2)
    const query = received()[0]?.url.searchParams
    expect(query?.get('start-date')).toBe('2016-01-01T00:00:00Z')
    expect(query?.get('end-date')).toBe('2016-12-31')
    expect(query?.get('start_date')).toBeNull()
    expect(query?.get('type')).toBe('new_biz')
    expect(query?.get('order')).toBe('-date')
    expect(query?.get('per_page')).toBe('2')
  })

  it('401 on the activities endpoint → Unauthorized', async () => {
    const client = await replay('ChartMogul_Metrics_Activity')
    expect((await caught(client.listActivities())).kind).toBe('Unauthorized')
  })
})

describe('opportunities', () => {
  const CUSTOMER = 'cus_8bae29d0-df51-11ee-88c8-97dc7855258a'

  it('lists a customer’s opportunities with `custom` as an object', async () => {
    const client = await replay(
      'ChartMogul_Opportunity__API_Actions__retrieves_all_opportunities_correctly'
    )
    const page = await client.listOpportunities({ customerUuid: CUSTOMER })
    expect(received()[0]?.url.searchParams.get('customer_uuid')).toBe(CUSTOMER)
    expect(page.items.map((o) => o.custom)).toEqual([
      { from_campaign: true },
      { from_campaign: false },
      { from_campaign: true }
    ])
    // A cursor is sent even on the last page.
    expect(page.cursor).not.toBeNull()
    expect(page.hasMore).toBe(false)
  })

  it('retrieves one', async () => {
    const client = await replay(
      'ChartMogul_Opportunity__API_Actions__retrieves_a_opportunity_correctly'
    )
    const opportunity = await client.getOpportunity('3726cd86-e0f0-11ee-8d22-93b1d57bf35d')
    expect(opportunity).toEqual({
      uuid: '3726cd86-e0f0-11ee-8d22-93b1d57bf35d',
      customerUuid: CUSTOMER,
      owner: 'kamil+pavlicko@chartmogul.com',
      pipeline: 'New Business',
      pipelineStage: 'Discovery',
      estimatedCloseDate: '2024-03-30',
      currency: 'USD',
      amountCents: 100000,
      type: 'one-time',
      forecastCategory: 'best_case',
      winLikelihood: 30,
      custom: { from_campaign: true },
      createdAt: '2024-03-13T04:14:41.711Z',
      updatedAt: '2024-03-13T04:14:41.711Z'
    } satisfies Opportunity)
  })

  it('creates one: the body on the wire is exactly the recorded request (custom as [{key,value}])', async () => {
    const name = 'ChartMogul_Opportunity__API_Actions__creates_a_opportunity_correctly'
    const client = await replay(name)
    // DRAFT is the recorded request, in domain terms.
    const created = await client.createOpportunity(DRAFT)
    const [request] = received()
    expect(request?.method).toBe('POST')
    expect(request?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(request?.bodyText ?? '')).toEqual(loadRecording(name)[0]?.request.body)
    expect(created).toMatchObject({
      uuid: '2f0b0748-e54b-11ee-81c1-5bf872d9787a',
      amountCents: 100000,
      custom: { from_campaign: true },
      createdAt: '2024-03-18T17:15:56.960Z'
    })
  })

  it('creates one from the customer view recording too', async () => {
    const name =
      'ChartMogul_Customer__API_Actions__creates_a_opportunity_belonging_to_the_customer_correctly'
    const client = await replay(name)
    const body = loadRecording(name)[0]?.request.body as Record<string, unknown>
    const created = await client.createOpportunity({
      customerUuid: body['customer_uuid'] as string,
      owner: body['owner'] as string,
      pipeline: body['pipeline'] as string,
      pipelineStage: body['pipeline_stage'] as string,
      estimatedCloseDate: body['estimated_close_date'] as string,
      currency: body['currency'] as string,
      amountCents: body['amount_in_cents'] as number,
      type: body['type'] as 'recurring',
      forecastCategory: body['forecast_category'] as 'pipeline',
      winLikelihood: body['win_likelihood'] as number,
      custom: Object.fromEntries(
        (body['custom'] as Array<{ key: string; value: unknown }>).map((e) => [e.key, e.value])
      )
    })
    expect(JSON.parse(received()[0]?.bodyText ?? '')).toEqual(body)
    expect(created.uuid).toBe('b94b55b2-e54a-11ee-97ac-7f3fb38fdeda')
  })

  it('updates one with PATCH and only the changed field', async () => {
    const name =
      'ChartMogul_Opportunity__API_Actions__updates_the_opportunity_correctly_with_the_class_method'
    const client = await replay(name)
    const updated = await client.updateOpportunity('3726cd86-e0f0-11ee-8d22-93b1d57bf35d', {
      estimatedCloseDate: '2024-04-30'
    })
    expect(received()[0]?.method).toBe('PATCH')
    expect(JSON.parse(received()[0]?.bodyText ?? '')).toEqual({
      estimated_close_date: '2024-04-30'
    })
    expect(updated.estimatedCloseDate).toBe('2024-04-30')
    expect(updated.updatedAt).toBe('2024-03-18T17:16:19.297Z')
  })

  it('deletes one (200 {})', async () => {
    const client = await replay(
      'ChartMogul_Opportunity__API_Actions__destroys_the_opportunity_correctly'
    )
    await expect(
      client.deleteOpportunity('52115b0c-e54b-11ee-b769-a7d79ddfc0fb')
    ).resolves.toBeUndefined()
    expect(received()[0]?.method).toBe('DELETE')
  })

  it('paginate() follows the cursor and stops on has_more=false despite a cursor', async () => {
    const client = await replay(
      'ChartMogul_Opportunity__API_Actions__with_pagination__paginates_correctly'
    )
    const pages: ListPage<Opportunity>[] = []
    for await (const page of paginate(client.listOpportunities, { perPage: 1 })) pages.push(page)
    expect(pages.map((p) => p.items.map((o) => o.uuid))).toEqual([
      ['5bee0a42-df7b-11ee-9506-cb238e9b1218'],
      ['03d7d5bc-df72-11ee-b10d-8b789d757c2a']
    ])
    expect(pages[1]?.cursor).not.toBeNull()
    expect(received()).toHaveLength(2)
    expect(received()[1]?.url.searchParams.get('cursor')).toBe(pages[0]?.cursor)
  })

  it('listAll() concatenates the pages', async () => {
    const client = await replay(
      'ChartMogul_Opportunity__API_Actions__with_pagination__paginates_correctly'
    )
    const all = await listAll(client.listOpportunities, { perPage: 1 })
    expect(all.items).toHaveLength(2)
    expect(all.skipped).toEqual([])
  })
})

describe('error bodies from recordings', () => {
  it('Rails-style 422 → Validation with per-field messages from error_details', async () => {
    server = await startReplayServer([
      'ChartMogul_PlanGroup__API_Actions__correctly_handles_a_422_error'
    ])
    const error = await sendRequest(
      {
        apiKey: API_KEY,
        baseUrl: server.url,
        timeoutMs: 5_000,
        userAgent: 'Revdesk/test',
        fetch: (url, init) => fetch(url, init),
        clock: systemClock
      },
      { method: 'POST', path: '/plan_groups', body: {}, resource: 'plan group' }
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({
      kind: 'Validation',
      status: 422,
      fieldErrors: [
        { field: 'name', code: 'blank', message: "Name can't be blank" },
        { field: 'plan_ids', code: 'blank', message: "Plan ids can't be blank" }
      ]
    })
  })

  it('an unmatched URL fails loudly rather than passing as an API error', async () => {
    const client = await replay('ChartMogul_Ping__pings__when_credentials_correct')
    const error = await caught(client.getAccount())
    expect(error.kind).toBe('Rejected')
    expect(error.serverMessage).toContain('no recording')
  })
})
