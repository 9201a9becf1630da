import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createChartMogulClient,
  createRateLimiter,
  findOpportunitiesMatchingDraft,
  OutcomeUnknownError,
  type ChartMogulClient
} from '../../../src/main/chartmogul'
import { toWireOpportunityCreate } from '../../../src/main/chartmogul/wire/opportunity'
import { DRAFT, wireOpportunity } from './support/fixtures'
import { sendJson, startTestServer, type Handler, type TestServer } from './support/testServer'

/**
 * Writes over real loopback HTTP against servers that misbehave on purpose. The invariant:
 * a create is sent again only when the failure proves ChartMogul never processed it.
 */

let server: TestServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

async function serve(handle: Handler): Promise<ChartMogulClient> {
  server = await startTestServer(handle)
  return createChartMogulClient({
    apiKey: 'k',
    baseUrl: server.url,
    timeoutMs: 300,
    retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
    limiter: createRateLimiter({ ratePerSecond: 40, burst: 40, penaltyPauseMs: 5 })
  })
}

function posts() {
  return server?.requests.filter((r) => r.method === 'POST') ?? []
}

/** Replies from a script, one entry per request; the last entry repeats. */
function scripted(...steps: Array<(response: ServerResponse) => void>): Handler {
  let index = 0
  return (_request, response) => {
    const step = steps[Math.min(index, steps.length - 1)]
    index += 1
    step?.(response)
  }
}

const reset = (response: ServerResponse): void => void response.socket?.destroy()
const hang = () => undefined
const created = (response: ServerResponse) => sendJson(response, 201, wireOpportunity('op-1'))
const status =
  (code: number, body = '') =>
  (response: ServerResponse) => {
    response.writeHead(code, { 'content-type': 'text/plain; charset=utf-8' })
    response.end(body)
  }
const truncated = (response: ServerResponse) => {
  response.writeHead(201, { 'content-type': 'application/json', 'content-length': '461' })
  response.write('{"uuid":"op-1","customer_')
  setTimeout(() => response.socket?.destroy(), 5)
}

async function createFails(client: ChartMogulClient) {
  const error = await client.createOpportunity(DRAFT).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(OutcomeUnknownError)
  return error as OutcomeUnknownError
}

describe('create: outcome unknown → never re-sent', () => {
  it('connection reset after the body was read', async () => {
    const client = await serve(scripted(reset, created))
    const error = await createFails(client)
    expect(error.reason).toMatchObject({ kind: 'Network', sent: true })
    expect(error.request).toEqual({
      method: 'POST',
      path: '/opportunities',
      body: toWireOpportunityCreate(DRAFT)
    })
    expect(posts()).toHaveLength(1)
    expect(JSON.parse(posts()[0]?.bodyText ?? '')).toEqual(toWireOpportunityCreate(DRAFT))
  })

  it('no answer within the timeout', async () => {
    const client = await serve(scripted(hang, created))
    const error = await createFails(client)
    expect(error.reason.kind).toBe('Timeout')
    expect(posts()).toHaveLength(1)
  })

  it('a truncated 201', async () => {
    const client = await serve(scripted(truncated, created))
    const error = await createFails(client)
    expect(error.reason.kind).toBe('Network')
    expect(posts()).toHaveLength(1)
  })

  it('a 201 whose body is not JSON', async () => {
    const client = await serve(scripted(status(201, 'Created'), created))
    const error = await createFails(client)
    expect(error.reason).toMatchObject({ kind: 'BadResponse', status: 201 })
    expect(posts()).toHaveLength(1)
  })

  it.each([500, 502, 504])('a %i', async (code) => {
    const client = await serve(scripted(status(code, `${code} Gateway Error`), created))
    const error = await createFails(client)
    expect(error.reason).toMatchObject({ kind: 'Server', status: code })
    expect(posts()).toHaveLength(1)
  })

  it('cancelled while in flight', async () => {
    const client = await serve(scripted(hang))
    const controller = new AbortController()
    const pending = client.createOpportunity(DRAFT, { signal: controller.signal })
    while (posts().length === 0) await new Promise((r) => setTimeout(r, 2))
    controller.abort()
    const error = await pending.catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'OutcomeUnknown', reason: { kind: 'Cancelled' } })
    expect(posts()).toHaveLength(1)
  })
})

describe('create: provably not processed → retried', () => {
  it('429 then 201', async () => {
    const client = await serve(scripted(status(429, ''), created))
    await expect(client.createOpportunity(DRAFT)).resolves.toMatchObject({ uuid: 'op-1' })
    expect(posts()).toHaveLength(2)
    expect(client.limiter.stats().rateLimitedCount).toBe(1)
  })

  it('503 (too many parallel connections) then 201', async () => {
    const client = await serve(scripted(status(503, ''), created))
    await expect(client.createOpportunity(DRAFT)).resolves.toMatchObject({ uuid: 'op-1' })
    expect(posts()).toHaveLength(2)
  })

  it('connection refused: retried, then a plain Network error (nothing was created)', async () => {
    const closed = await startTestServer(() => undefined)
    const url = closed.url
    await closed.close()
    const client = createChartMogulClient({
      apiKey: 'k',
      baseUrl: url,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 }
    })
    const error = await client.createOpportunity(DRAFT).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'Network', sent: false, code: 'ECONNREFUSED', attempts: 3 })
  })
})

describe('create: refused or invalid → not retried, nothing unknown', () => {
  it('an invalid draft never leaves the machine', async () => {
    const client = await serve(scripted(created))
    const error = await client
      .createOpportunity({ ...DRAFT, amountCents: -1, currency: 'dollars' })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      kind: 'Validation',
      fieldErrors: [
        { field: 'currency', message: 'Use a three-letter currency code like USD.' },
        { field: 'amountCents', message: 'The amount cannot be negative.' }
      ]
    })
    expect(server?.requests).toHaveLength(0)
  })

  it('a server 422 names fields the domain way', async () => {
    const client = await serve((_request, response) =>
      sendJson(response, 422, {
        amount_in_cents: ['must be greater than 0'],
        error_details: [
          { param: 'amount_in_cents', code: 'greater_than', message: 'must be greater than 0' },
          { param: 'pipeline_stage', code: 'inclusion', message: 'is not in the pipeline' }
        ]
      })
    )
    const error = await client.createOpportunity(DRAFT).catch((e: unknown) => e)
    expect(error).toMatchObject({
      kind: 'Validation',
      status: 422,
      fieldErrors: [
        { field: 'amountCents', message: 'must be greater than 0', code: 'greater_than' },
        { field: 'pipelineStage', message: 'is not in the pipeline', code: 'inclusion' }
      ]
    })
    expect(posts()).toHaveLength(1)
  })

  it('403 without a CRM seat → Forbidden', async () => {
    const client = await serve((_request, response) =>
      sendJson(response, 403, { code: 403, message: 'CRM seat required', param: null })
    )
    await expect(client.createOpportunity(DRAFT)).rejects.toMatchObject({ kind: 'Forbidden' })
    expect(posts()).toHaveLength(1)
  })
})

describe('reconciling after an unknown outcome', () => {
  it('finds the opportunity the lost answer created, so it is not created twice', async () => {
    const store: unknown[] = []
    const client = await serve((request, response) => {
      if (request.method === 'POST') {
        store.push(wireOpportunity(`op-${store.length + 1}`))
        reset(response) // saved, but the answer never arrives
        return
      }
      sendJson(response, 200, { entries: store, cursor: 'c', has_more: false })
    })
    const before = new Date(Date.now() - 60_000).toISOString()
    await createFails(client)
    const matches = await findOpportunitiesMatchingDraft(client, DRAFT, {
      createdAfter: '2024-01-01T00:00:00Z'
    })
    expect(matches.map((m) => m.uuid)).toEqual(['op-1'])
    expect(
      server?.requests.find((r) => r.method === 'GET')?.url.searchParams.get('customer_uuid')
    ).toBe(DRAFT.customerUuid)
    // A look-alike created before the attempt is not mistaken for it.
    await expect(
      findOpportunitiesMatchingDraft(client, DRAFT, { createdAfter: before })
    ).resolves.toEqual([])
    expect(posts()).toHaveLength(1)
  })
})

describe('update and delete are idempotent, so they are retried', () => {
  it('PATCH after a 502 is sent again', async () => {
    const client = await serve(
      scripted(status(502), (response) => sendJson(response, 200, wireOpportunity('op-1')))
    )
    await expect(
      client.updateOpportunity('op-1', { pipelineStage: 'Closed Won' })
    ).resolves.toMatchObject({ uuid: 'op-1' })
    expect(server?.requests.map((r) => r.method)).toEqual(['PATCH', 'PATCH'])
    expect(JSON.parse(server?.requests[1]?.bodyText ?? '')).toEqual({
      pipeline_stage: 'Closed Won'
    })
  })

  it('an empty patch is refused locally', async () => {
    const client = await serve(scripted(created))
    await expect(client.updateOpportunity('op-1', {})).rejects.toMatchObject({
      kind: 'Validation',
      fieldErrors: [{ field: 'request', message: 'Nothing to change.' }]
    })
    expect(server?.requests).toHaveLength(0)
  })

  it('DELETE whose first answer was lost: the 404 on retry means it is gone → success', async () => {
    const client = await serve(
      scripted(reset, (response) => sendJson(response, 404, { code: 404 }))
    )
    await expect(client.deleteOpportunity('op-1')).resolves.toBeUndefined()
    expect(server?.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE'])
  })

  it('DELETE of an unknown id on the first attempt is NotFound', async () => {
    const client = await serve((_request, response) => sendJson(response, 404, {}))
    await expect(client.deleteOpportunity('nope')).rejects.toMatchObject({ kind: 'NotFound' })
  })

  it('DELETE answered 204 is fine', async () => {
    const client = await serve(scripted(status(204)))
    await expect(client.deleteOpportunity('op-1')).resolves.toBeUndefined()
  })
})
