import { afterEach, describe, expect, it } from 'vitest'
import {
  createChartMogulClient,
  type ChartMogulClient,
  type FetchLike
} from '../../../src/main/chartmogul'
import { buildUrl, normalizeBaseUrl } from '../../../src/main/chartmogul/http'
import { sendJson, startTestServer, type Handler, type TestServer } from './support/testServer'

/** Request construction and transport failures, over loopback or an injected transport. */

let server: TestServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const emptyList = { entries: [], cursor: null, has_more: false }

async function serve(handle: Handler, timeoutMs = 2_000): Promise<ChartMogulClient> {
  server = await startTestServer(handle)
  return createChartMogulClient({
    apiKey: 'k',
    baseUrl: server.url,
    timeoutMs,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 }
  })
}

/** A client whose transport is a function, for failures loopback cannot produce. */
function injected(fetch: FetchLike, retry = { maxAttempts: 1 }) {
  return createChartMogulClient({
    apiKey: 'k',
    baseUrl: 'https://api.chartmogul.com',
    fetch,
    retry
  })
}

function fetchFailure(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) })
}

describe('configuration', () => {
  it('normalizes the base URL', () => {
    expect(normalizeBaseUrl('https://api.chartmogul.com')).toBe('https://api.chartmogul.com')
    expect(normalizeBaseUrl('https://api.chartmogul.com/')).toBe('https://api.chartmogul.com')
    expect(normalizeBaseUrl('https://api.chartmogul.com/v1/')).toBe('https://api.chartmogul.com')
    expect(normalizeBaseUrl('https://proxy.example/chartmogul')).toBe(
      'https://proxy.example/chartmogul'
    )
    expect(normalizeBaseUrl('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010')
    expect(normalizeBaseUrl('http://localhost:4010/v1')).toBe('http://localhost:4010')
  })

  it('refuses URLs that would leak the key or make no sense', () => {
    expect(() => normalizeBaseUrl('http://api.chartmogul.com')).toThrowError(/https/)
    expect(() => normalizeBaseUrl('ftp://x')).toThrowError(/https/)
    expect(() => normalizeBaseUrl('not a url')).toThrowError(/not a valid URL/)
    expect(() => normalizeBaseUrl('https://user:pw@api.chartmogul.com')).toThrowError(/credentials/)
  })

  it('refuses an API key that cannot go in a header, and a non-positive timeout', () => {
    expect(() => createChartMogulClient({ apiKey: 'abc\ndef' })).toThrowError(/HTTP header/)
    expect(() => createChartMogulClient({ apiKey: '' })).toThrowError(/HTTP header/)
    expect(() => createChartMogulClient({ apiKey: 'k', timeoutMs: 0 })).toThrowError(RangeError)
  })

  it('builds /v1 URLs, dropping empty params and keeping hyphenated names', () => {
    expect(
      buildUrl('https://api.chartmogul.com', '/activities', {
        'start-date': '2024-01-01',
        cursor: undefined,
        type: '',
        per_page: 50
      })
    ).toBe('https://api.chartmogul.com/v1/activities?start-date=2024-01-01&per_page=50')
  })
})

describe('query parameters on the wire', () => {
  it('customers: status in filter spelling, per_page clamped to 200', async () => {
    const client = await serve((_r, response) => sendJson(response, 200, emptyList))
    await client.listCustomers({
      status: 'New Lead',
      perPage: 500,
      dataSourceUuid: 'ds_1',
      system: 'Stripe'
    })
    expect(Object.fromEntries(server?.requests[0]?.url.searchParams ?? [])).toEqual({
      status: 'New_Lead',
      per_page: '200',
      data_source_uuid: 'ds_1',
      system: 'Stripe'
    })
  })

  it('plans and opportunities use their underscore filters', async () => {
    const client = await serve((request, response) =>
      sendJson(
        response,
        200,
        request.url.pathname.endsWith('/plans') ? { plans: [], has_more: false } : emptyList
      )
    )
    await client.listPlans({ externalId: 'plan_1', dataSourceUuid: 'ds_1', system: 'Stripe' })
    await client.listOpportunities({
      customerUuid: 'cus_1',
      owner: 'a@b.co',
      pipeline: 'New Business',
      pipelineStage: 'Discovery',
      estimatedCloseDateOnOrAfter: '2024-01-01',
      estimatedCloseDateOnOrBefore: '2024-12-31',
      perPage: 0
    })
    expect(server?.requests[0]?.url.search).toBe(
      '?data_source_uuid=ds_1&external_id=plan_1&system=Stripe'
    )
    expect(Object.fromEntries(server?.requests[1]?.url.searchParams ?? [])).toEqual({
      per_page: '1',
      customer_uuid: 'cus_1',
      owner: 'a@b.co',
      pipeline: 'New Business',
      pipeline_stage: 'Discovery',
      estimated_close_date_on_or_after: '2024-01-01',
      estimated_close_date_on_or_before: '2024-12-31'
    })
  })

  it('ids are path-encoded; an empty id is refused before sending', async () => {
    const client = await serve((_r, response) => sendJson(response, 404, {}))
    await client.getCustomer('cus/../x').catch(() => undefined)
    expect(server?.requests[0]?.url.pathname).toBe('/v1/customers/cus%2F..%2Fx')
    await expect(client.getOpportunity('  ')).rejects.toMatchObject({ kind: 'Validation' })
    await expect(client.searchCustomersByEmail('')).rejects.toMatchObject({ kind: 'Validation' })
    expect(server?.requests).toHaveLength(1)
  })

  it('sends the default user agent and JSON content type only with a body', async () => {
    const client = await serve((_r, response) => sendJson(response, 200, emptyList))
    await client.listCustomers()
    expect(server?.requests[0]?.headers['user-agent']).toBe('Revdesk/dev')
    expect(server?.requests[0]?.headers['content-type']).toBeUndefined()
  })
})

describe('transport failures', () => {
  it('a read that times out is retried, then surfaces as Timeout', async () => {
    const client = await serve(() => undefined, 100)
    const error = await client.listCustomers().catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'Timeout', attempts: 2 })
    expect(server?.requests).toHaveLength(2)
  })

  it('a read cut short is retried and then succeeds', async () => {
    let calls = 0
    const client = await serve((_r, response) => {
      calls += 1
      if (calls === 1) {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '999' })
        response.write('{"entries":[')
        setTimeout(() => response.socket?.destroy(), 5)
        return
      }
      sendJson(response, 200, emptyList)
    })
    await expect(client.listCustomers()).resolves.toMatchObject({ items: [], hasMore: false })
    expect(server?.requests).toHaveLength(2)
  })

  it('the caller aborting mid-request → Cancelled, not retried', async () => {
    const client = await serve(() => undefined)
    const controller = new AbortController()
    const pending = client.listCustomers({}, { signal: controller.signal })
    while ((server?.requests.length ?? 0) === 0) await new Promise((r) => setTimeout(r, 2))
    controller.abort()
    await expect(pending).rejects.toMatchObject({ kind: 'Cancelled', inFlight: true })
    expect(server?.requests).toHaveLength(1)
  })

  it('200 with a body that is not JSON → retried, then BadResponse (e.g. a captive portal)', async () => {
    const client = await serve((_r, response) => {
      response.writeHead(200, { 'content-type': 'text/html' })
      response.end('<html>Sign in to the hotel wifi</html>')
    })
    await expect(client.listCustomers()).rejects.toMatchObject({
      kind: 'BadResponse',
      status: 200,
      unparseable: true,
      attempts: 2
    })
    expect(server?.requests).toHaveLength(2)
  })

  it('200 JSON of the wrong shape → BadResponse at once (it would only come again)', async () => {
    const client = await serve((_r, response) => sendJson(response, 200, { customers: [] }))
    await expect(client.listCustomers()).rejects.toMatchObject({
      kind: 'BadResponse',
      unparseable: false,
      attempts: 1
    })
    expect(server?.requests).toHaveLength(1)
  })

  it('a delete whose 200 body is garbled still counts as done', async () => {
    const client = await serve((_r, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end('{"')
    })
    await expect(client.deleteOpportunity('op-1')).resolves.toBeUndefined()
    expect(server?.requests).toHaveLength(1)
  })

  it('a redirect is not followed', async () => {
    const client = await serve((_r, response) => {
      response.writeHead(301, { location: 'http://127.0.0.1:1/elsewhere' })
      response.end()
    })
    await expect(client.getAccount()).rejects.toMatchObject({ kind: 'BadResponse', status: 301 })
  })

  it.each([
    ['ENOTFOUND', 'Offline', false],
    ['EAI_AGAIN', 'Offline', false],
    ['ENETUNREACH', 'Offline', false],
    ['ECONNREFUSED', 'Network', false],
    ['UND_ERR_CONNECT_TIMEOUT', 'Network', false],
    ['CERT_HAS_EXPIRED', 'Network', false],
    ['ECONNRESET', 'Network', true],
    ['UND_ERR_SOCKET', 'Network', true],
    ['EPIPE', 'Network', true]
  ])('fetch failing with %s → %s (sent: %s)', async (code, kind, sent) => {
    const client = injected(async () => {
      throw fetchFailure(code)
    })
    await expect(client.getAccount()).rejects.toMatchObject({ kind, sent, code })
  })

  it('the injected transport receives the request as built', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = []
    const client = injected(async (url, init) => {
      seen.push({ url, init })
      return new Response(JSON.stringify({ data: 'pong!' }), { status: 200 })
    })
    await client.ping()
    expect(seen[0]?.url).toBe('https://api.chartmogul.com/v1/ping')
    expect(seen[0]?.init.method).toBe('GET')
    expect((seen[0]?.init.headers as Record<string, string>).Authorization).toBe(
      `Basic ${btoa('k:')}`
    )
  })
})
