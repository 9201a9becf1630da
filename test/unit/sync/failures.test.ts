/** One vocabulary for failures, whether they come from the gateway client or over the bridge. */
import { expect, test } from 'vitest'
import {
  BadResponseError,
  CancelledError,
  ForbiddenError,
  NetworkError,
  OfflineError,
  ServerError,
  TimeoutError,
  ValidationError
} from '../../../src/main/chartmogul'
import { classifyFailure, failureKind } from '../../../src/renderer/src/sync/failures'
import { classifyPushFailure, mayHaveBeenApplied } from '../../../src/renderer/src/outbox/failures'
import { describeSyncProblem } from '../../../src/renderer/src/app/syncProblem'

test('gateway errors', () => {
  expect(classifyFailure(new OfflineError({ sent: false }))).toBe('offline')
  expect(classifyFailure(new NetworkError({ sent: true }))).toBe('offline')
  expect(classifyFailure(new ForbiddenError())).toBe('auth')
  expect(classifyFailure(new ValidationError([]))).toBe('rejected')
  expect(classifyFailure(new CancelledError())).toBe('cancelled')
  expect(classifyFailure(new BadResponseError('cut'))).toBe('retryable')
  expect(classifyFailure(new ServerError({ status: 502 }))).toBe('retryable')
  expect(classifyFailure(new TimeoutError(30_000))).toBe('retryable')
  expect(failureKind(new BadResponseError('cut'))).toBe('bad_response')
})

test('bridge errors and anything else', () => {
  const bridge = (code: string) => Object.assign(new Error(code), { name: 'BridgeCallError', code })
  expect(classifyFailure(bridge('offline'))).toBe('offline')
  expect(classifyFailure(bridge('no_key'))).toBe('auth')
  expect(classifyFailure(bridge('unauthorized'))).toBe('auth')
  // The user declined to send the key to this address: only they can change that.
  expect(classifyFailure(bridge('key_withheld'))).toBe('auth')
  expect(classifyFailure(bridge('bad_response'))).toBe('retryable')
  expect(classifyFailure(new DOMException('aborted', 'AbortError'))).toBe('cancelled')
  expect(classifyFailure(new TypeError('boom'))).toBe('retryable')
  expect(failureKind(new TypeError('boom'))).toBe('type_error')
  expect(failureKind('a string')).toBe('unknown')
})

test('a key main withheld pauses pushes, was never sent, and is not blamed on ChartMogul', () => {
  const withheld = Object.assign(new Error('You chose not to send your API key to evil.example.'), {
    name: 'BridgeCallError',
    code: 'key_withheld'
  })
  expect(classifyPushFailure(withheld)).toBe('auth')
  expect(mayHaveBeenApplied(withheld)).toBe(false)
  const said = describeSyncProblem('key_withheld', withheld.message)
  expect(said).toContain('evil.example')
  expect(said).not.toMatch(/ChartMogul refused/)
  expect(said).toMatch(/Settings/)
})

test('a refusal is said once, whoever wrote the sentence', () => {
  const fromGateway = 'ChartMogul refused access. The account’s trial may have expired.'
  const said = describeSyncProblem('forbidden', fromGateway)
  expect(said.match(/refused access/g)).toHaveLength(1)
  expect(said).toContain('trial may have expired')
  // A bare reason (e.g. from an older main) still gets the context.
  expect(describeSyncProblem('forbidden', 'Trial expired.')).toBe(
    'ChartMogul refused access: Trial expired.'
  )
})
