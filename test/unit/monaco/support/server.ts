import type { ServerResponse } from 'node:http'
import {
  createMonacoClient,
  createMonacoRateLimiter,
  type MonacoClient,
  type MonacoClientOptions
} from '../../../../src/main/monaco'
import {
  startTestServer,
  type Handler,
  type ReceivedRequest,
  type TestServer
} from '../../chartmogul/support/testServer'
import { responseExample } from './openApi'

/** A loopback Monaco for one test, and a client pointed at it. */

export const KEY = 'mks_Zq3vXr8tY2LpWk5sNb7mQd1hJf4gCe6aUo9iRy0T_-xvBn2M'

export interface MonacoTestbed {
  server: TestServer
  client: MonacoClient
  /** Parsed JSON bodies of the requests received, in order. */
  bodies(): unknown[]
}

let current: TestServer | null = null

export async function closeTestbed(): Promise<void> {
  await current?.close()
  current = null
}

export async function testbed(
  handle: Handler,
  options: Partial<MonacoClientOptions> = {}
): Promise<MonacoTestbed> {
  const server = await startTestServer(handle)
  current = server
  const client = createMonacoClient({
    apiKey: KEY,
    baseUrl: server.url,
    timeoutMs: 2_000,
    random: () => 0,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    // A 429 without headers would otherwise pause the test for 5 s.
    limiter: createMonacoRateLimiter({ penaltyPauseMs: 10 }),
    ...options
  })
  return {
    server,
    client,
    bodies: () =>
      server.requests.map((r: ReceivedRequest) =>
        r.bodyText === '' ? undefined : JSON.parse(r.bodyText)
      )
  }
}

export function reply(
  response: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {}
): void {
  if (body === undefined) {
    response.writeHead(status, headers)
    response.end()
    return
  }
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

export const UUIDS = {
  account: '550e8400-e29b-41d4-a716-446655440000',
  owner: '550e8400-e29b-41d4-a716-446655440001',
  tag: '550e8400-e29b-41d4-a716-446655440002',
  key: '550e8400-e29b-41d4-a716-446655440003',
  otherKey: '7d444840-9dc0-11d1-b245-5ffdce74fad2',
  opportunity: '6ba7b810-9dad-11d1-80b4-00c04fd430c8'
}

/** A minimal valid opportunity record, as Monaco would answer. */
export function wireOpportunity(overrides: Record<string, unknown> = {}) {
  return {
    id: UUIDS.opportunity,
    account_id: UUIDS.account,
    name: 'Acme Corp - Enterprise License',
    stage: 'negotiation',
    estimated_value: { currency_code: 'USD', amount: 50000 },
    estimated_close_date: '2025-09-30',
    risks: [],
    tags: [],
    created_at: '2026-04-21T12:00:00Z',
    updated_at: '2026-04-21T12:00:00Z',
    ...overrides
  }
}

/** The OpenAPI's own example answers. */
export const responseBodyFor = {
  me: responseExample('GET', '/v1/me'),
  users: responseExample('GET', '/v1/users/')
}
