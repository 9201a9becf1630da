import { afterEach, describe, expect, it } from 'vitest'
import { MONACO_OPERATIONS } from '../../../src/main/monaco'
import {
  findOperation,
  matchOperation,
  requestBodyErrors,
  responseExample
} from './support/openApi'
import { UUIDS, closeTestbed, reply, testbed } from './support/server'

/**
 * The client against the vendor's OpenAPI: every operation it calls exists there with that
 * method and exact path (trailing slashes included), every request body it sends validates
 * against the declared request schema, and the declared response examples parse.
 */

afterEach(closeTestbed)

describe('paths', () => {
  it.each(Object.entries(MONACO_OPERATIONS))(
    '%s is declared in openapi.json with its method and exact path',
    (_name, operation) => {
      expect(findOperation(operation.method, `/v1${operation.template}`)).toBeDefined()
    }
  )

  it('every request the client makes hits a declared operation; example answers parse', async () => {
    const { client, server, bodies } = await testbed((request, response) => {
      const template = matchOperation(request.method, request.url.pathname)
      // What Monaco does for a path missing its trailing slash: redirect (never followed).
      if (template === undefined) return reply(response, 307, undefined, { location: '/' })
      if (request.method === 'DELETE') return reply(response, 204)
      reply(response, 200, responseExample(request.method, template))
    })

    const me = await client.me()
    expect(me).toMatchObject({ orgName: 'Example Inc.', userEmail: 'ada@example.com' })
    for (const entity of ['accounts', 'contacts', 'opportunities'] as const) {
      const page = await client.listPage(entity, { page: 1, pageSize: 50 })
      expect(page.skipped).toEqual([])
      expect(page.items.length).toBeGreaterThan(0)
    }
    expect((await client.getFieldSchema('opportunities')).fields.length).toBeGreaterThan(0)
    expect((await client.listUsers()).items).toHaveLength(1)
    expect((await client.listTags('opportunities')).items).toHaveLength(1)
    expect((await client.getOpportunity(UUIDS.opportunity)).id).toBe('opp_abc123')
    await client.createOpportunity({ name: 'New deal', accountId: UUIDS.account }, UUIDS.key)
    await client.updateOpportunity(UUIDS.opportunity, { stage: 'negotiation' })
    await client.deleteOpportunity(UUIDS.opportunity)

    const calls = server.requests.map((r) => `${r.method} ${r.url.pathname}`)
    expect(calls).toEqual([
      'GET /v1/me',
      'POST /v1/accounts/list',
      'POST /v1/contacts/list',
      'POST /v1/opportunities/list',
      'GET /v1/schemas/opportunities',
      'GET /v1/users/',
      'GET /v1/tags/',
      `GET /v1/opportunities/${UUIDS.opportunity}`,
      'POST /v1/opportunities/',
      `PATCH /v1/opportunities/${UUIDS.opportunity}`,
      `DELETE /v1/opportunities/${UUIDS.opportunity}`
    ])
    for (const request of server.requests) {
      expect(matchOperation(request.method, request.url.pathname)).toBeDefined()
      expect(request.headers.authorization).toMatch(/^Bearer mks_/)
    }
    expect(server.requests[6]?.url.searchParams.get('object')).toBe('opportunities')
    expect(bodies().filter((body) => body !== undefined)).toHaveLength(5)
  })

  it('a configurable prefix moves every path below it', async () => {
    const { client, server } = await testbed(
      (_request, response) => reply(response, 200, responseExample('GET', '/v1/me')),
      {
        apiPrefix: '/v1/preview/'
      }
    )
    await client.me()
    expect(server.requests[0]?.url.pathname).toBe('/v1/preview/me')
  })
})

describe('request bodies', () => {
  async function sent(
    run: (client: Awaited<ReturnType<typeof testbed>>['client']) => Promise<unknown>
  ) {
    const bed = await testbed((request, response) => {
      const template = matchOperation(request.method, request.url.pathname) as string
      reply(response, 200, responseExample(request.method, template))
    })
    await run(bed.client)
    const request = bed.server.requests[0]
    if (request === undefined) throw new Error('nothing was sent')
    return {
      template: matchOperation(request.method, request.url.pathname) as string,
      method: request.method,
      body: JSON.parse(request.bodyText) as Record<string, unknown>
    }
  }

  it('a list request with sort and nested filters validates against OpportunityListRequest', async () => {
    const { method, template, body } = await sent((client) =>
      client.listPage('opportunities', {
        page: 2,
        pageSize: 9999,
        sort: '-updated_at',
        includeCustomFields: false,
        filters: {
          operator: 'or',
          filters: [
            { field: 'updated_at', condition: 'greater_than', value: '2026-01-01T00:00:00Z' },
            { filters: [{ field: 'stage', condition: 'is_empty' }] }
          ]
        }
      })
    )
    expect(body).toMatchObject({ page: 2, page_size: 500, sort: '-updated_at' })
    expect(requestBodyErrors(method, template, body)).toEqual([])
  })

  it('the validator is not vacuous: an unknown list key or page_size 501 is refused', () => {
    expect(
      requestBodyErrors('POST', '/v1/opportunities/list', { page: 1, page_size: 501 })
    ).not.toEqual([])
    expect(
      requestBodyErrors('POST', '/v1/opportunities/list', { page: 1, cursor: 'x' })
    ).not.toEqual([])
    expect(
      requestBodyErrors('POST', '/v1/opportunities/', {
        name: 'x',
        account_id: UUIDS.account,
        idempotency_key: 'nope'
      })
    ).not.toEqual([])
  })

  it.each(['accounts', 'contacts'] as const)('a %s list request validates', async (entity) => {
    const { method, template, body } = await sent((client) =>
      client.listPage(entity, {
        filters: [{ field: 'name', condition: 'contains', value: 'Acme' }]
      })
    )
    expect(requestBodyErrors(method, template, body)).toEqual([])
  })

  it('a create with every field validates against OpportunityCreateRequest', async () => {
    const { method, template, body } = await sent((client) =>
      client.createOpportunity(
        {
          name: 'Acme Corp - Enterprise License',
          accountId: UUIDS.account,
          ownerUserId: UUIDS.owner,
          stage: 'negotiation',
          estimatedValue: { amountMinor: 5_000_000, currency: 'USD' },
          estimatedCloseDate: '2025-09-30',
          notes: 'Follow up after Q3 board meeting',
          tagIds: [UUIDS.tag],
          customFields: { 'custom_field_550e8400-e29b-41d4-a716-446655440001': 'outbound' }
        },
        UUIDS.key
      )
    )
    expect(body).toEqual({
      name: 'Acme Corp - Enterprise License',
      account_id: UUIDS.account,
      owner_user_id: UUIDS.owner,
      stage: 'negotiation',
      estimated_value: { currency_code: 'USD', amount: 50000 },
      estimated_close_date: '2025-09-30',
      notes: 'Follow up after Q3 board meeting',
      tags: [UUIDS.tag],
      idempotency_key: UUIDS.key,
      'custom_field_550e8400-e29b-41d4-a716-446655440001': 'outbound'
    })
    expect(requestBodyErrors(method, template, body)).toEqual([])
  })

  it('a patch (clearing a field, replacing tags) validates against OpportunityUpdateRequest', async () => {
    const { method, template, body } = await sent((client) =>
      client.updateOpportunity(UUIDS.opportunity, {
        stage: 'closed-won',
        actualCloseDate: '2025-10-15',
        notes: null,
        tagIds: [UUIDS.tag]
      })
    )
    expect(body).toEqual({
      stage: 'closed-won',
      actual_close_date: '2025-10-15',
      notes: null,
      tags: [UUIDS.tag]
    })
    expect(requestBodyErrors(method, template, body)).toEqual([])
  })
})
