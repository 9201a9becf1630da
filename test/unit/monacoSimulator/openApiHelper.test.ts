/**
 * The OpenAPI validator the simulator suites (and later the gateway's) rely on: it must accept
 * the vendor's own examples and reject what the vendor's schemas forbid, or every "validated"
 * response elsewhere proves nothing.
 */
import { describe, expect, it } from 'vitest'
import {
  monacoOpenApi,
  pathTemplate,
  requestProblems,
  responseProblems
} from '../support/monacoOpenApi'

interface Example {
  method: string
  path: string
  status: string
  example: unknown
}

function responseExamples(): Example[] {
  const out: Example[] = []
  for (const [path, ops] of Object.entries(monacoOpenApi.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const responses = (
        op as { responses?: Record<string, { content?: Record<string, { example?: unknown }> }> }
      ).responses
      for (const [status, r] of Object.entries(responses ?? {})) {
        const example = r.content?.['application/json']?.example
        if (example !== undefined && /^\d+$/.test(status))
          out.push({ method, path, status, example })
      }
    }
  }
  return out
}

describe('Monaco OpenAPI validator', () => {
  it('accepts every response example the document gives for the simulated operations', () => {
    const simulated = [
      '/v1/me',
      '/v1/users/',
      '/v1/tags/',
      '/v1/schemas/{entity}',
      '/v1/opportunities/',
      '/v1/opportunities/{opportunity_id}',
      '/v1/accounts/list',
      '/v1/contacts/list',
      '/v1/opportunities/list'
    ]
    const examples = responseExamples().filter((e) => simulated.includes(e.path))
    expect(examples.length).toBeGreaterThanOrEqual(9)
    for (const e of examples) {
      const concrete = e.path.replace(/\{[^}]+\}/g, '3c90c3cc-0d44-4b50-8888-8dd25736052a')
      expect(
        responseProblems(e.method, concrete, Number(e.status), e.example),
        `${e.method} ${e.path}`
      ).toEqual([])
    }
  })

  it('rejects a list response without pagination and an error without a message', () => {
    expect(responseProblems('POST', '/v1/accounts/list', 200, { data: [] }).join()).toMatch(
      /pagination/
    )
    expect(responseProblems('GET', '/v1/me', 404, { error: { code: 'not_found' } }).join()).toMatch(
      /message/
    )
    expect(responseProblems('GET', '/v1/me', 200, { data: { org_id: 'o' } }).join()).toMatch(
      /user_id/
    )
  })

  it('requires an empty body where the response declares none (204)', () => {
    const path = '/v1/opportunities/3c90c3cc-0d44-4b50-8888-8dd25736052a'
    expect(responseProblems('DELETE', path, 204, undefined)).toEqual([])
    expect(responseProblems('DELETE', path, 204, { data: null })).not.toEqual([])
  })

  it('checks requests: unknown list keys and out-of-range page sizes are refused, the create example passes', () => {
    expect(requestProblems('POST', '/v1/opportunities/list', { page: 1, page_size: 50 })).toEqual(
      []
    )
    expect(requestProblems('POST', '/v1/opportunities/list', { per_page: 5 }).join()).toMatch(
      /additional/
    )
    expect(requestProblems('POST', '/v1/opportunities/list', { page_size: 501 }).join()).toMatch(
      /500/
    )
    expect(
      requestProblems('POST', '/v1/opportunities/list', {
        filters: { field: 'name', condition: 'is', value: 'a' }
      })
    ).not.toEqual([])
    expect(
      requestProblems('POST', '/v1/opportunities/', {
        name: 'Acme',
        account_id: '550e8400-e29b-41d4-a716-446655440000',
        idempotency_key: '550e8400-e29b-41d4-a716-446655440003'
      })
    ).toEqual([])
    expect(
      requestProblems('POST', '/v1/opportunities/', { name: 'Acme', account_id: 'acc_1' }).join()
    ).toMatch(/uuid/)
  })

  it('maps concrete paths to their templates, exact paths first', () => {
    expect(pathTemplate('/v1/opportunities/list')).toBe('/v1/opportunities/list')
    expect(pathTemplate('/v1/opportunities/abc')).toBe('/v1/opportunities/{opportunity_id}')
    expect(() => pathTemplate('/v1/nothing')).toThrow()
  })
})
