/**
 * A server that echoes the Authorization header back in its error bodies (a debugging proxy, a
 * misconfigured gateway) must not put the API key into what the page sees: bridge errors end up
 * in the UI and in IndexedDB (`syncState.lastError`). Real dispatcher + handlers + gateway over
 * loopback HTTP; the key is the one stored in the vault.
 */
import type { IncomingMessage } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import { createChartMogulClient, isChartMogulError } from '../../../src/main/chartmogul'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import {
  MAX_FIELD_ERRORS,
  MAX_SERVER_TEXT_LENGTH
} from '../../../src/main/security/redactServerText'
import type { BridgeResult } from '../../../src/shared/bridge/errors'
import { sendJson, startTestServer, type TestServer } from '../chartmogul/support/testServer'
import { testServices } from '../support/testServices'

const KEY = 'rd_test_9f8e7d6c5b4a~?>>'
const BASIC = Buffer.from(`${KEY}:`).toString('base64')
const FORMS = [
  KEY,
  BASIC,
  BASIC.replace(/=+$/, ''),
  BASIC.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
]
/** Bridge messages are user-facing sentences around the capped server text. */
const MAX_BRIDGE_MESSAGE = 1000

type Echo = (authorization: string) => { status: number; body: unknown; text?: boolean }

let server: TestServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

async function echoServer(echo: Echo): Promise<TestServer> {
  server = await startTestServer((request, response) => {
    const authorization = String((request.headers as IncomingMessage['headers']).authorization)
    const { status, body, text } = echo(authorization)
    if (text) {
      response.writeHead(status, { 'content-type': 'text/html' })
      response.end(String(body))
    } else sendJson(response, status, body)
  })
  return server
}

function expectClean(result: BridgeResult<unknown>): void {
  expect(result.ok).toBe(false)
  if (result.ok) return
  const serialised = JSON.stringify(result)
  for (const form of FORMS) expect(serialised).not.toContain(form)
  // Not even the head of one, left by a cut.
  expect(serialised).not.toContain(KEY.slice(0, 12))
  expect(serialised).not.toContain(BASIC.slice(0, 12))
  expect(result.error.message).toContain('[redacted]')
  expect(result.error.message.length).toBeLessThanOrEqual(MAX_BRIDGE_MESSAGE)
  expect(result.error.issues?.length ?? 0).toBeLessThanOrEqual(MAX_FIELD_ERRORS)
  for (const issue of result.error.issues ?? []) {
    expect(issue.path.length).toBeLessThanOrEqual(MAX_SERVER_TEXT_LENGTH)
    expect(issue.message.length).toBeLessThanOrEqual(MAX_SERVER_TEXT_LENGTH)
  }
}

const ECHOES: Array<[string, Echo]> = [
  [
    '400 message',
    (auth) => ({ status: 400, body: { code: 400, message: `Bad header ${auth}`, param: null } })
  ],
  [
    '422 with many field errors',
    (auth) => ({
      status: 422,
      body: {
        error_details: Array.from({ length: 60 }, (_, i) => ({
          param: i % 2 ? `field_${i}` : KEY,
          code: auth,
          message: `${'long '.repeat(200)} ${auth} and the key ${KEY}`
        }))
      }
    })
  ],
  [
    '422 Rails-style errors map',
    (auth) => ({ status: 422, body: { errors: { Authorization: [auth], [KEY]: 'seen' } } })
  ],
  [
    '403 with a JSON-escaped echo',
    (auth) => ({
      status: 403,
      // Some servers escape "/" and non-ASCII; the parsed string is still the key.
      body: `{"message":"denied for ${auth.replaceAll('/', '\\/').replaceAll('+', '\\u002b')}"}`,
      text: true
    })
  ],
  [
    '409 HTML from a proxy',
    (auth) => ({
      status: 409,
      body: `<html><title>Conflict for ${auth.slice('Basic '.length)} (${KEY})</title></html>`,
      text: true
    })
  ],
  [
    '400 plain text over a cap with the key at the edge',
    (auth) => ({ status: 400, body: `${'x'.repeat(290)} ${auth} ${'y'.repeat(5000)}`, text: true })
  ]
]

describe('server text that echoes the key', () => {
  it.each(ECHOES)('never reaches the page: fetchPage, %s', async (_label, echo) => {
    const { url } = await echoServer(echo)
    const services = testServices()
    const dispatch = createDispatcher(createBridgeHandlers(services))
    await services.workspaces.put({
      id: 'acme',
      name: 'Acme',
      kind: 'chartmogul',
      baseUrl: url,
      requestsPerSecond: 20,
      syncIntervalMinutes: 15,
      createdAt: new Date(0).toISOString()
    })
    await services.vault.save('acme', KEY)
    const result = await dispatch({
      method: 'fetchPage',
      args: { workspaceId: 'acme', requestId: 'r', resource: 'plans', query: {} }
    })
    expect(server?.requests[0]?.headers.authorization).toBe(`Basic ${BASIC}`)
    expectClean(result)
  })

  it('never reaches the page when a new key is checked (addWorkspace)', async () => {
    const { url } = await echoServer((auth) => ({
      status: 400,
      body: { message: `Authorization: ${auth}`, errors: { key: [KEY] } }
    }))
    const dispatch = createDispatcher(createBridgeHandlers(testServices()))
    const result = await dispatch({
      method: 'addWorkspace',
      args: { name: 'Echo', apiKey: KEY, baseUrl: url }
    })
    expectClean(result)
  })

  it('is removed from 5xx answers too (one attempt, no retries)', async () => {
    const { url } = await echoServer((auth) => ({
      status: 500,
      body: `500 Internal Server Error: request had ${auth}; key=${KEY}`,
      text: true
    }))
    const client = createChartMogulClient({
      apiKey: KEY,
      baseUrl: url,
      retry: { maxAttempts: 1 }
    })
    const error = await client.listPlans().catch((e: unknown) => e)
    if (!isChartMogulError(error)) throw new Error('expected a ChartMogul error')
    expect(error.kind).toBe('Server')
    const plain = JSON.stringify({ ...error.toPlain(), text: error.message })
    for (const form of FORMS) expect(plain).not.toContain(form)
    expect(error.message).toContain('[redacted]')
  })
})
