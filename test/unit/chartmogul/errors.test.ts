import { describe, expect, it } from 'vitest'
import { parseErrorBody } from '../../../src/main/chartmogul/errorBody'
import { errorFromResponse } from '../../../src/main/chartmogul/responseError'
import { parseRetryAfter } from '../../../src/main/chartmogul/retryAfter'
import { MAX_SERVER_TEXT_LENGTH } from '../../../src/main/security/redactServerText'
import {
  OutcomeUnknownError,
  TimeoutError,
  type ValidationError
} from '../../../src/main/chartmogul'

/** Every error body shape ChartMogul has been seen to send, and what a user gets from it. */

describe('parseErrorBody', () => {
  it('{code, message, param} (current API, recorded 400/401/404)', () => {
    expect(
      parseErrorBody('{"code":400,"message":"Parameter \\"name\\" is missing","param":"name"}')
    ).toEqual({
      message: 'Parameter "name" is missing',
      fieldErrors: [{ field: 'name', message: 'Parameter "name" is missing' }]
    })
    expect(
      parseErrorBody('{"code":401,"message":"No valid API key provided","param":null}')
    ).toEqual({ message: 'No valid API key provided', fieldErrors: [] })
  })

  it('{error: "…"} (legacy import API)', () => {
    expect(parseErrorBody('{"error":"Data source not found"}')).toEqual({
      message: 'Data source not found',
      fieldErrors: []
    })
  })

  it('{error: {code, message}} (nested)', () => {
    expect(parseErrorBody('{"error":{"code":"not_found","message":"Resource not found"}}')).toEqual(
      { message: 'Resource not found', fieldErrors: [] }
    )
  })

  it('JSON-schema style message in {error} (the malformed-custom report)', () => {
    const body = JSON.stringify({
      error: "The property '#/custom' of type object did not match the following type: array"
    })
    expect(parseErrorBody(body).message).toMatch(/#\/custom/)
  })

  it('{errors: {field: msg}} (legacy 422)', () => {
    expect(
      parseErrorBody('{"errors":{"name":"A name is required for each data source."}}')
    ).toEqual({
      message: 'A name is required for each data source.',
      fieldErrors: [{ field: 'name', message: 'A name is required for each data source.' }]
    })
  })

  it('{errors: {field: [msgs]}} and {errors: ["msg"]}', () => {
    expect(
      parseErrorBody('{"errors":{"owner":["is invalid","is not a CRM user"]}}').fieldErrors
    ).toEqual([
      { field: 'owner', message: 'is invalid' },
      { field: 'owner', message: 'is not a CRM user' }
    ])
    expect(parseErrorBody('{"errors":["Something is off"]}')).toEqual({
      message: 'Something is off',
      fieldErrors: [{ field: 'request', message: 'Something is off' }]
    })
  })

  it('Rails style: field arrays + error_details → error_details wins, no duplicates', () => {
    const body = {
      name: ["Name can't be blank"],
      plan_ids: ["Plan ids can't be blank"],
      error_details: [
        { param: 'name', code: 'blank', message: "Name can't be blank" },
        { param: 'plan_ids', code: 'blank', message: "Plan ids can't be blank" }
      ]
    }
    expect(parseErrorBody(JSON.stringify(body))).toEqual({
      message: "Name can't be blank; Plan ids can't be blank",
      fieldErrors: [
        { field: 'name', code: 'blank', message: "Name can't be blank" },
        { field: 'plan_ids', code: 'blank', message: "Plan ids can't be blank" }
      ]
    })
  })

  it('Rails style without error_details', () => {
    expect(parseErrorBody('{"amount_in_cents":["must be an integer"]}')).toEqual({
      message: 'must be an integer',
      fieldErrors: [{ field: 'amount_in_cents', message: 'must be an integer' }]
    })
  })

  it('FastAPI-style detail (string and list)', () => {
    expect(parseErrorBody('{"detail":"No key found"}').message).toBe('No key found')
    expect(
      parseErrorBody('{"detail":[{"loc":["body","name"],"msg":"field required"}]}').fieldErrors
    ).toEqual([{ field: 'name', message: 'field required' }])
  })

  it('plain text (recorded 500/504)', () => {
    expect(parseErrorBody('500 Internal Server Error')).toEqual({
      message: '500 Internal Server Error',
      fieldErrors: []
    })
    expect(parseErrorBody('  504 Gateway\n Timeout Error \n')).toEqual({
      message: '504 Gateway Timeout Error',
      fieldErrors: []
    })
  })

  it('HTML from a proxy: only its title', () => {
    expect(
      parseErrorBody('<html><head><title>502 Bad Gateway</title></head><body>…</body></html>')
        .message
    ).toBe('502 Bad Gateway')
    expect(parseErrorBody('<html><body>oops</body></html>').message).toBeNull()
  })

  it('empty, whitespace, non-object JSON, truncated JSON', () => {
    expect(parseErrorBody('')).toEqual({ message: null, fieldErrors: [] })
    expect(parseErrorBody('  \n')).toEqual({ message: null, fieldErrors: [] })
    expect(parseErrorBody('null')).toEqual({ message: null, fieldErrors: [] })
    expect(parseErrorBody('[1,2]')).toEqual({ message: null, fieldErrors: [] })
    expect(parseErrorBody('"just a string"').message).toBe('just a string')
    expect(parseErrorBody('{"code":400,"mess').message).toBe('{"code":400,"mess')
  })

  it('clips very long messages (the cap of all server text, see security/redactServerText)', () => {
    const message = parseErrorBody('x'.repeat(5000)).message ?? ''
    expect(message.length).toBe(MAX_SERVER_TEXT_LENGTH)
    expect(message.endsWith('…')).toBe(true)
  })
})

describe('errorFromResponse: status → kind', () => {
  const cases: Array<[number, string, string]> = [
    [401, '{"code":401,"message":"No valid API key provided","param":null}', 'Unauthorized'],
    [403, '{"code":403,"message":"Trial expired"}', 'Forbidden'],
    [404, '{"error":"Data source not found"}', 'NotFound'],
    [400, '{"code":400,"message":"Parameter \\"name\\" is missing","param":"name"}', 'Validation'],
    [422, '{"errors":{"name":"A name is required"}}', 'Validation'],
    [422, '', 'Validation'],
    [402, 'Request Failed', 'Rejected'],
    [409, '{"message":"conflict"}', 'Rejected'],
    [429, '', 'RateLimited'],
    [500, '500 Internal Server Error', 'Server'],
    [502, '<html><title>502</title></html>', 'Server'],
    [503, '', 'Server'],
    [504, '504 Gateway Timeout Error', 'Server'],
    [302, '', 'BadResponse']
  ]
  it.each(cases)('%i %s → %s', (status, bodyText, kind) => {
    const error = errorFromResponse({ status, bodyText, retryAfter: null }, 'customer', 0)
    expect(error.kind).toBe(kind)
    expect(error.status).toBe(status)
    expect(error.message.length).toBeGreaterThan(10)
  })

  it('user-facing messages carry what ChartMogul said', () => {
    const forbidden = errorFromResponse(
      { status: 403, bodyText: '{"message":"Your trial has expired"}', retryAfter: null },
      'opportunity',
      0
    )
    expect(forbidden.message).toMatch(/CRM seat/)
    expect(forbidden.message).toMatch(/Your trial has expired/)

    const validation = errorFromResponse(
      {
        status: 422,
        bodyText: '{"error_details":[{"param":"pipeline_stage","message":"is unknown"}]}',
        retryAfter: null
      },
      'opportunity',
      0
    ) as ValidationError
    expect(validation.fieldErrors).toEqual([{ field: 'pipeline_stage', message: 'is unknown' }])
    expect(validation.message).toBe('ChartMogul rejected some fields — pipeline_stage: is unknown')

    const notFound = errorFromResponse(
      { status: 404, bodyText: '', retryAfter: null },
      'opportunity',
      0
    )
    expect(notFound.message).toMatch(/opportunity/)
  })

  it('reads Retry-After (seconds or HTTP date) on 429 and 503', () => {
    const now = Date.parse('2024-03-18T17:00:00Z')
    expect(
      errorFromResponse({ status: 429, bodyText: '', retryAfter: '7' }, 'x', now).retryAfterMs
    ).toBe(7000)
    expect(
      errorFromResponse(
        { status: 503, bodyText: '', retryAfter: 'Mon, 18 Mar 2024 17:00:30 GMT' },
        'x',
        now
      ).retryAfterMs
    ).toBe(30_000)
  })

  it('toPlain() is structured-clone safe', () => {
    const error = errorFromResponse(
      { status: 422, bodyText: '{"errors":{"name":"blank"}}', retryAfter: null },
      'x',
      0
    )
    const plain = structuredClone(error.toPlain())
    expect(plain).toEqual({
      kind: 'Validation',
      message: error.message,
      status: 422,
      serverMessage: 'blank',
      attempts: 1,
      retryAfterMs: null,
      fieldErrors: [{ field: 'name', message: 'blank' }]
    })
  })

  it('OutcomeUnknown keeps the request body and the reason', () => {
    const reason = new TimeoutError(30_000)
    const error = new OutcomeUnknownError(
      { method: 'POST', path: '/opportunities', body: { amount_in_cents: 1 } },
      reason
    )
    expect(error.kind).toBe('OutcomeUnknown')
    expect(error.request.body).toEqual({ amount_in_cents: 1 })
    expect(error.reason).toBe(reason)
    expect(error.cause).toBe(reason)
    expect(error.name).toBe('ChartMogulOutcomeUnknownError')
    expect(error).toBeInstanceOf(Error)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-01-01T00:00:00Z')
  it.each([
    [null, null],
    ['', null],
    ['0', 0],
    ['120', 120_000],
    ['1.5', 1500],
    ['Mon, 01 Jan 2024 00:00:10 GMT', 10_000],
    ['Sun, 31 Dec 2023 23:00:00 GMT', 0],
    ['soon', null]
  ])('%s → %s', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected)
  })
})
