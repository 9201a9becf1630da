import { afterEach, describe, expect, it } from 'vitest'
import {
  BadResponseError,
  ForbiddenError,
  NotFoundError,
  RejectedError,
  ServerError,
  UnauthorizedError,
  ValidationError
} from '../../../src/main/chartmogul'
import { KEY, UUIDS, closeTestbed, reply, testbed } from './support/server'

/**
 * Both of Monaco's error bodies — the application's `{"error":{"code","message"}}` and the
 * auth layer's `{"detail": …}` — become the same typed errors as ChartMogul's, in Monaco's
 * words, and nothing the server writes carries the key into an error.
 */

afterEach(closeTestbed)

async function failWith(status: number, body: unknown, headers: Record<string, string> = {}) {
  const { client, server } = await testbed((_request, response) =>
    reply(response, status, body, headers)
  )
  const error = await client.getOpportunity(UUIDS.opportunity).catch((e: unknown) => e)
  return { error, requests: server.requests.length }
}

describe('status and body → typed error', () => {
  it('401 with the auth layer’s {"detail"} is Unauthorized, not retried, in Monaco’s words', async () => {
    const { error, requests } = await failWith(401, { detail: 'No key found' })
    expect(error).toBeInstanceOf(UnauthorizedError)
    expect(error).toMatchObject({
      kind: 'Unauthorized',
      status: 401,
      serverMessage: 'No key found'
    })
    expect((error as Error).message).toMatch(/^Monaco did not accept the API key/)
    expect((error as Error).message).not.toMatch(/ChartMogul/)
    expect(requests).toBe(1)
  })

  it('403 with {"error":{code,message}} is Forbidden and carries the message', async () => {
    const { error, requests } = await failWith(403, {
      error: { code: 'forbidden', message: 'Key lacks access to opportunities' }
    })
    expect(error).toBeInstanceOf(ForbiddenError)
    expect((error as Error).message).toContain('Monaco said: “Key lacks access to opportunities”')
    expect(requests).toBe(1)
  })

  it('404 {"error":{"code":"not_found"}} is NotFound for the resource', async () => {
    const { error } = await failWith(404, {
      error: { code: 'not_found', message: 'Resource not found' }
    })
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as Error).message).toBe(
      'That opportunity no longer exists in Monaco (it may have been deleted).'
    )
  })

  it('409 is a refusal (Rejected) with Monaco’s message', async () => {
    const { error } = await failWith(409, {
      error: { code: 'conflict', message: 'Invalid state transition' }
    })
    expect(error).toBeInstanceOf(RejectedError)
    expect((error as Error).message).toBe(
      'Monaco refused the request (HTTP 409). Monaco said: “Invalid state transition”'
    )
  })

  it('422 in either shape is a Validation error; wire field names come back as ours', async () => {
    const { client } = await testbed((request, response) =>
      request.method === 'PATCH'
        ? reply(response, 422, {
            detail: [
              {
                loc: ['body', 'estimated_value', 'amount'],
                msg: 'must be positive',
                type: 'value_error'
              }
            ]
          })
        : reply(response, 422, {
            error: { code: 'invalid_sort', message: 'Unsupported sort field' }
          })
    )
    const patch = await client
      .updateOpportunity(UUIDS.opportunity, {
        estimatedValue: { amountMinor: -100, currency: 'USD' }
      })
      .catch((e: unknown) => e)
    expect(patch).toBeInstanceOf(ValidationError)
    expect((patch as ValidationError).fieldErrors).toEqual([
      { field: 'estimatedValue.amount', message: 'must be positive' }
    ])
    expect((patch as Error).message).toBe(
      'Monaco rejected some fields — estimatedValue.amount: must be positive'
    )

    const list = await client.listPage('opportunities', { sort: 'nope' }).catch((e: unknown) => e)
    expect(list).toBeInstanceOf(ValidationError)
    expect((list as Error).message).toBe(
      'Monaco rejected the request as invalid. Monaco said: “Unsupported sort field”'
    )
  })

  it('5xx is a Server error after the retries; a 307 is never followed', async () => {
    const server = await failWith(502, 'Bad gateway')
    expect(server.error).toBeInstanceOf(ServerError)
    expect(server.requests).toBe(3)
    await closeTestbed()
    const redirect = await failWith(307, undefined, { location: 'http://127.0.0.1:1/elsewhere' })
    expect(redirect.error).toBeInstanceOf(BadResponseError)
    expect(redirect.requests).toBe(1)
  })
})

describe('redaction', () => {
  it('a server that echoes the key (raw, Bearer header, URL-encoded) never puts it in an error', async () => {
    const echo = `Invalid Authorization: Bearer ${KEY} (key ${KEY}, ${encodeURIComponent(KEY)})`
    for (const body of [{ detail: echo }, { error: { code: 'bad', message: echo } }]) {
      const { error } = await failWith(401, body)
      const everything = JSON.stringify({
        message: (error as Error).message,
        plain: (error as UnauthorizedError).toPlain()
      })
      expect(everything).not.toContain(KEY)
      expect(everything).not.toContain(KEY.slice(4, 20))
      expect((error as UnauthorizedError).serverMessage).toContain('[redacted]')
      await closeTestbed()
    }
  })

  it('field errors are cleaned too', async () => {
    const { client } = await testbed((_request, response) =>
      reply(response, 422, { detail: [{ loc: ['body', 'name'], msg: `bad token ${KEY}` }] })
    )
    const error = (await client
      .updateOpportunity(UUIDS.opportunity, { name: 'x' })
      .catch((e: unknown) => e)) as ValidationError
    expect(JSON.stringify(error.fieldErrors)).not.toContain(KEY)
    expect(error.message).not.toContain(KEY)
  })
})
