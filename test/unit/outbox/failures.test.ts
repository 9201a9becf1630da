/** One vocabulary for push failures, from the gateway (CamelCase kind) or the bridge (code). */
import { expect, test } from 'vitest'
import {
  CancelledError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  OfflineError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError
} from '../../../src/main/chartmogul'
import {
  classifyPushFailure,
  mayHaveBeenApplied,
  pushFailureKind
} from '../../../src/renderer/src/outbox'

test('gateway errors', () => {
  expect(classifyPushFailure(new UnauthorizedError())).toBe('auth')
  expect(classifyPushFailure(new ForbiddenError())).toBe('auth')
  expect(classifyPushFailure(new ValidationError([], { status: 422 }))).toBe('rejected')
  expect(classifyPushFailure(new NotFoundError('opportunity'))).toBe('rejected')
  expect(classifyPushFailure(new RateLimitedError())).toBe('transient')
  expect(classifyPushFailure(new ServerError({ status: 500 }))).toBe('transient')
  expect(classifyPushFailure(new TimeoutError(1000))).toBe('transient')
  expect(classifyPushFailure(new NetworkError({ sent: true }))).toBe('transient')
  expect(classifyPushFailure(new OfflineError({ sent: false }))).toBe('transient')
  expect(classifyPushFailure(new CancelledError(true))).toBe('cancelled')
  const unknown = new OutcomeUnknownError(
    { method: 'POST', path: '/opportunities', body: {} },
    new TimeoutError(1000)
  )
  expect(pushFailureKind(unknown)).toBe('outcome_unknown')
  expect(classifyPushFailure(unknown)).toBe('transient')
})

test('bridge errors (snake_case codes)', () => {
  expect(classifyPushFailure({ code: 'unauthorized', message: 'x' })).toBe('auth')
  expect(classifyPushFailure({ code: 'no_key', message: 'x' })).toBe('auth')
  expect(classifyPushFailure({ code: 'validation', message: 'x' })).toBe('rejected')
  expect(classifyPushFailure({ code: 'not_found', message: 'x' })).toBe('rejected')
  expect(classifyPushFailure({ code: 'rate_limited', message: 'x' })).toBe('transient')
  expect(classifyPushFailure({ code: 'outcome_unknown', message: 'x' })).toBe('transient')
  expect(classifyPushFailure({ code: 'server', message: 'x' })).toBe('transient')
  expect(classifyPushFailure({ code: 'cancelled', message: 'x' })).toBe('cancelled')
  expect(classifyPushFailure(new DOMException('aborted', 'AbortError'))).toBe('cancelled')
  expect(classifyPushFailure('???')).toBe('transient')
})

test('whether a failed create may have been saved', () => {
  expect(mayHaveBeenApplied(new RateLimitedError())).toBe(false)
  expect(mayHaveBeenApplied(new OfflineError({ sent: false }))).toBe(false)
  expect(mayHaveBeenApplied(new ValidationError([], { status: 422 }))).toBe(false)
  expect(mayHaveBeenApplied({ code: 'outcome_unknown' })).toBe(true)
  expect(mayHaveBeenApplied(new TimeoutError(1000))).toBe(true)
  expect(mayHaveBeenApplied(new CancelledError(true))).toBe(true)
  expect(mayHaveBeenApplied(new Error('boom'))).toBe(true)
})
