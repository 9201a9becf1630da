import { afterEach, describe, expect, it } from 'vitest'
import { NotFoundError, OutcomeUnknownError, ValidationError } from '../../../src/main/chartmogul'
import { UUIDS, closeTestbed, reply, testbed, wireOpportunity } from './support/server'

/** Creates carry the caller's idempotency key on every attempt; updates and deletes retry. */

afterEach(closeTestbed)

const DRAFT = { name: 'Acme Corp - Enterprise License', accountId: UUIDS.account }

function keysSent(bodies: unknown[]): unknown[] {
  return bodies.map((body) => (body as { idempotency_key?: unknown }).idempotency_key)
}

describe('create', () => {
  it.each([
    [429, { 'retry-after': '0' }],
    [503, {}]
  ])(
    'after a %i (refused at the door) it is sent again with the same key',
    async (status, headers) => {
      const { client, bodies } = await testbed((request, response) => {
        if (bodies().length === 1)
          return reply(response, status, { error: { code: 'busy', message: 'busy' } }, headers)
        reply(response, 200, { data: wireOpportunity() })
      })
      const created = await client.createOpportunity(DRAFT, UUIDS.key)
      expect(created.id).toBe(UUIDS.opportunity)
      expect(keysSent(bodies())).toEqual([UUIDS.key, UUIDS.key])
    }
  )

  it('an ambiguous failure is OutcomeUnknown, not resent; the caller’s resend carries the same key and Monaco answers the same deal', async () => {
    const seen = new Map<string, unknown>()
    let first = true
    const { client, bodies } = await testbed((request, response) => {
      const body = JSON.parse(request.bodyText) as { idempotency_key: string }
      // Monaco's documented promise: one key, one opportunity.
      const record =
        seen.get(body.idempotency_key) ?? wireOpportunity({ id: `opp_${seen.size + 1}` })
      seen.set(body.idempotency_key, record)
      if (first) {
        first = false
        return reply(response, 500, { error: { code: 'internal', message: 'oops' } })
      }
      reply(response, 200, { data: record })
    })
    const error = await client.createOpportunity(DRAFT, UUIDS.key).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OutcomeUnknownError)
    expect((error as Error).message).toMatch(/same idempotency key/)
    expect(bodies()).toHaveLength(1)

    const created = await client.createOpportunity(DRAFT, UUIDS.key)
    expect(created.id).toBe('opp_1')
    expect(keysSent(bodies())).toEqual([UUIDS.key, UUIDS.key])
    expect(seen.size).toBe(1)
  })

  it('a key that is not a UUID, or a bad draft, is refused before anything is sent', async () => {
    const { client, server } = await testbed((_request, response) => reply(response, 200, {}))
    const badKey = await client.createOpportunity(DRAFT, 'retry-1').catch((e: unknown) => e)
    expect(badKey).toBeInstanceOf(ValidationError)
    expect((badKey as ValidationError).fieldErrors).toEqual([
      { field: 'idempotencyKey', message: 'The idempotency key must be a UUID.' }
    ])
    const cents = await client
      .createOpportunity(
        { ...DRAFT, name: ' ', estimatedValue: { amountMinor: 1050, currency: 'USD' } },
        UUIDS.key
      )
      .catch((e: unknown) => e)
    expect(cents).toBeInstanceOf(ValidationError)
    const notCustom = await client
      .createOpportunity({ ...DRAFT, customFields: { name: 'sneaky' } }, UUIDS.key)
      .catch((e: unknown) => e)
    expect(notCustom).toBeInstanceOf(ValidationError)
    expect(server.requests).toHaveLength(0)
  })
})

describe('update and delete', () => {
  it('PATCH is retried after a 500 and answers the mapped opportunity', async () => {
    const { client, server } = await testbed((_request, response) =>
      server.requests.length === 1
        ? reply(response, 500, { error: { code: 'internal', message: 'oops' } })
        : reply(response, 200, { data: wireOpportunity({ stage: 'closed-won', tags: ['Won'] }) })
    )
    const updated = await client.updateOpportunity(UUIDS.opportunity, {
      stage: 'closed-won',
      tagIds: [UUIDS.tag]
    })
    expect(updated).toMatchObject({ stage: 'closed-won', tags: ['Won'] })
    expect(server.requests.map((r) => r.method)).toEqual(['PATCH', 'PATCH'])
  })

  it('DELETE: 204 is done; a 404 after a failed attempt is done; a first 404 is NotFound', async () => {
    let answers = [204]
    const { client, server } = await testbed((_request, response) => {
      const status = answers.shift() ?? 404
      reply(response, status, status === 204 ? undefined : { error: { code: 'x', message: 'x' } })
    })
    await expect(client.deleteOpportunity(UUIDS.opportunity)).resolves.toBeUndefined()

    answers = [502, 404]
    await expect(client.deleteOpportunity(UUIDS.opportunity)).resolves.toBeUndefined()

    answers = [404]
    await expect(client.deleteOpportunity(UUIDS.opportunity)).rejects.toBeInstanceOf(NotFoundError)
    expect(server.requests).toHaveLength(4)
  })

  it('an empty id never addresses the collection', async () => {
    const { client, server } = await testbed((_request, response) => reply(response, 204))
    await expect(client.deleteOpportunity('  ')).rejects.toBeInstanceOf(ValidationError)
    expect(server.requests).toHaveLength(0)
  })
})

describe('lists are reads', () => {
  it('a list POST that times out is retried, never reported as an unknown outcome', async () => {
    const { client, server } = await testbed(
      (_request, response) => {
        if (server.requests.length === 1) return // never answers: the attempt times out
        reply(response, 200, {
          data: [wireOpportunity()],
          pagination: { page: 1, page_size: 500, total_count: 1, total_pages: 1 }
        })
      },
      { timeoutMs: 200 }
    )
    const page = await client.listPage('opportunities')
    expect(page.items).toHaveLength(1)
    expect(server.requests).toHaveLength(2)
  })
})
