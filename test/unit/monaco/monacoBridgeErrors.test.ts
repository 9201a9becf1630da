/**
 * How Monaco's failures reach the page through the real dispatcher: the same bridge codes as
 * ChartMogul's, sentences in Monaco's name, field issues in the neutral deal names, and never
 * the API key — the test server echoes the Bearer header into every error body it sends.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/dispatcher'
import type { BridgeResult } from '../../../src/shared/bridge/errors'
import {
  startTestServer,
  type ReceivedRequest,
  type TestServer
} from '../chartmogul/support/testServer'
import { requestProblems } from '../support/monacoOpenApi'
import { testServices } from '../support/testServices'
import { reply, UUIDS, wireOpportunity } from './support/server'

const KEY = 'mks_Echo9f8e7d6c5b4a3f2e1d0c_-x'
const WORKSPACE_ID = 'globex'

/** Monaco's opportunity field schema with three stages (key + label). */
const STAGE_SCHEMA = {
  data: [
    {
      name: 'Stage',
      key: 'stage',
      type: 'enum',
      filterable: true,
      sortable: true,
      updatable: true,
      allowed_operators: ['is', 'is_not'],
      enum_field_settings: {
        allowed_values: [
          { key: 'discovery', display_value: 'Discovery' },
          { key: 'negotiation', display_value: 'Negotiation' },
          { key: 'closed-won', display_value: 'Closed Won' }
        ]
      }
    }
  ],
  meta: { timestamp: '2026-04-21T12:00:00Z' }
}

type Answer = (
  request: ReceivedRequest,
  response: ServerResponse,
  raw: IncomingMessage,
  authorization: string
) => void

let server: TestServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

/** A Monaco workspace pointed at a loopback server that answers the schema and then `answer`. */
async function monacoAt(answer: Answer): Promise<{ dispatch: Dispatch; server: TestServer }> {
  server = await startTestServer((request, response, raw) => {
    if (request.url.pathname === '/v1/schemas/opportunities') {
      reply(response, 200, STAGE_SCHEMA)
      return
    }
    // Both the header as sent and the bare key (a server may echo either).
    const authorization = String(request.headers.authorization)
    answer(request, response, raw, `${authorization} (${authorization.replace(/^Bearer /, '')})`)
  })
  const services = testServices()
  await services.workspaces.put({
    id: WORKSPACE_ID,
    name: 'Globex',
    kind: 'chartmogul',
    provider: 'monaco',
    baseUrl: server.url,
    requestsPerSecond: 20,
    syncIntervalMinutes: 15,
    createdAt: new Date(0).toISOString()
  })
  await services.vault.save(WORKSPACE_ID, KEY)
  return { dispatch: createDispatcher(createBridgeHandlers(services)), server }
}

function errorOf(result: BridgeResult<unknown>) {
  if (result.ok) throw new Error('expected a refusal')
  const serialised = JSON.stringify(result)
  expect(serialised).not.toContain(KEY)
  expect(serialised).not.toContain(KEY.slice(0, 12))
  expect(result.error.message).not.toContain('ChartMogul')
  return result.error
}

const draft = {
  customerUuid: UUIDS.account,
  name: 'Acme Corp - Enterprise License',
  pipelineStage: 'negotiation',
  currency: 'USD',
  amountCents: 5_000_000
}

describe('Monaco failures through the bridge', () => {
  it('401: unauthorized, in Monaco’s name, key redacted', async () => {
    const { dispatch } = await monacoAt((_req, res, _raw, auth) =>
      reply(res, 401, { detail: `No key found for ${auth}` })
    )
    const error = errorOf(
      await dispatch({
        method: 'monacoLookups',
        args: { workspaceId: WORKSPACE_ID, requestId: 'r' }
      })
    )
    expect(error.code).toBe('unauthorized')
    expect(error.message).toMatch(/^Monaco did not accept the API key/)
    expect(error.message).toContain('[redacted]')
  })

  it('403: forbidden, as ChartMogul’s 403 is', async () => {
    const { dispatch } = await monacoAt((_req, res, _raw, auth) =>
      reply(res, 403, { error: { code: 'forbidden', message: `Key ${auth} lacks access` } })
    )
    const error = errorOf(
      await dispatch({
        method: 'getOpportunity',
        args: { workspaceId: WORKSPACE_ID, uuid: UUIDS.opportunity }
      })
    )
    expect(error.code).toBe('forbidden')
    expect(error.message).toContain('Monaco refused access')
    expect(error.message).toContain('[redacted]')
  })

  it('422: validation, with issues in the neutral deal field names', async () => {
    const { dispatch, server } = await monacoAt((request, res, _raw, auth) => {
      expect(
        requestProblems(request.method, request.url.pathname, JSON.parse(request.bodyText))
      ).toEqual([])
      reply(res, 422, {
        detail: [
          { loc: ['body', 'account_id'], msg: `unknown account (${auth})` },
          { loc: ['body', 'stage'], msg: 'unknown stage' },
          { loc: ['body', 'estimated_value', 'currency_code'], msg: 'not a currency' },
          { loc: ['body', 'estimated_value', 'amount'], msg: 'too large' },
          { loc: ['body', 'owner_user_id'], msg: 'no such user' }
        ]
      })
    })
    const error = errorOf(
      await dispatch({
        method: 'monacoCreateOpportunity',
        args: { workspaceId: WORKSPACE_ID, draft, idempotencyKey: randomUUID() }
      })
    )
    expect(error.code).toBe('validation')
    expect(error.message).toMatch(/^Monaco rejected some fields/)
    expect(error.issues?.map((issue) => issue.path)).toEqual([
      'customerUuid',
      'pipelineStage',
      'currency',
      'amountCents',
      'owner'
    ])
    expect(error.issues?.[0]?.message).toContain('[redacted]')
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('429: rate_limited with the wait, the whole organization pausing', async () => {
    const { dispatch } = await monacoAt((_req, res, _raw, auth) =>
      reply(
        res,
        429,
        { error: { code: 'rate_limited', message: `Slow down, ${auth}` } },
        { 'retry-after': '120' }
      )
    )
    const error = errorOf(
      await dispatch({
        method: 'monacoListStep',
        args: { workspaceId: WORKSPACE_ID, requestId: 'r', entity: 'accounts' }
      })
    )
    expect(error.code).toBe('rate_limited')
    expect(error.retryAfterMs).toBeGreaterThan(5_000)
    expect(error.message).toContain('Monaco')
  })

  it('a create whose answer is lost: outcome_unknown, sent once, safe to resend', async () => {
    const { dispatch, server } = await monacoAt((_req, res, raw) => {
      void res
      raw.socket.destroy()
    })
    const error = errorOf(
      await dispatch({
        method: 'monacoCreateOpportunity',
        args: { workspaceId: WORKSPACE_ID, draft, idempotencyKey: randomUUID() }
      })
    )
    expect(error.code).toBe('outcome_unknown')
    expect(error.message).toContain('same idempotency key')
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('a listing that cannot advance is bad_response in Monaco’s name', async () => {
    const { dispatch } = await monacoAt((_req, res) =>
      reply(res, 200, {
        // Asked for records from 2026 on; answered one from 2020 (a server ignoring the filter).
        data: [wireOpportunity({ created_at: '2020-01-01T00:00:00Z' })],
        pagination: { page: 1, page_size: 500, total_count: 1, total_pages: 1 },
        meta: { timestamp: '2026-04-21T12:00:00Z' }
      })
    )
    const error = errorOf(
      await dispatch({
        method: 'monacoListStep',
        args: {
          workspaceId: WORKSPACE_ID,
          requestId: 'r',
          entity: 'opportunities',
          position: {
            createdAt: '2026-01-01T00:00:00Z',
            seenIdsAtThatInstant: [],
            instantDone: true
          }
        }
      })
    )
    expect(error.code).toBe('bad_response')
    expect(error.message).toBe('Monaco sent a response Revdesk could not understand.')
  })

  it('a deal read answers its stage as the schema’s key, and a 404 as null', async () => {
    let calls = 0
    const { dispatch } = await monacoAt((_req, res) => {
      calls++
      if (calls === 1) reply(res, 200, { data: wireOpportunity({ stage: 'Closed Won' }) })
      else reply(res, 404, { error: { code: 'not_found', message: 'Opportunity not found' } })
    })
    const args = { workspaceId: WORKSPACE_ID, uuid: UUIDS.opportunity }
    expect(await dispatch({ method: 'getOpportunity', args })).toMatchObject({
      ok: true,
      value: { uuid: UUIDS.opportunity, pipelineStage: 'closed-won', amountCents: 5_000_000 }
    })
    expect(await dispatch({ method: 'getOpportunity', args })).toEqual({ ok: true, value: null })
  })
})
