/**
 * A server-requested wait is hostile input: `Retry-After: 3600`, an HTTP date far ahead (or a
 * local clock running behind), or a date already past (a clock running ahead) must never stop
 * the workspace's shared limiter for longer than MAX_SERVER_REQUESTED_WAIT_MS — and nothing
 * queues silently behind a long pause.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRateLimiter, RateLimitedError } from '../../../src/main/chartmogul'
import { errorFromResponse } from '../../../src/main/chartmogul/responseError'
import {
  MAX_SERVER_REQUESTED_WAIT_MS,
  serverRequestedWait
} from '../../../src/main/chartmogul/retryAfter'
import { withRetry } from '../../../src/main/chartmogul/retry'
import type { Clock } from '../../../src/main/chartmogul/clock'

const NOW = Date.parse('2026-03-02T10:00:00Z')
const HOUR = 3_600_000

describe('serverRequestedWait', () => {
  it.each([
    ['delay-seconds within the cap', '30', { waitMs: 30_000, requestedMs: 30_000 }],
    ['delay-seconds of an hour', '3600', { waitMs: 60_000, requestedMs: HOUR }],
    ['delay-seconds beyond any clock', '99999999999999999999', { waitMs: 60_000 }],
    [
      'an HTTP date an hour ahead',
      'Mon, 02 Mar 2026 11:00:00 GMT',
      { waitMs: 60_000, requestedMs: HOUR }
    ],
    [
      'an HTTP date 20 s ahead',
      'Mon, 02 Mar 2026 10:00:20 GMT',
      { waitMs: 20_000, requestedMs: 20_000 }
    ]
  ])('%s', (_label, header, expected) => {
    expect(serverRequestedWait(header, NOW)).toMatchObject(expected)
  })

  it.each([
    ['no header', null],
    ['garbage', 'after lunch'],
    ['a date already past (the local clock runs ahead)', 'Mon, 02 Mar 2026 09:58:00 GMT'],
    ['zero', '0'],
    ['a negative number', '-5']
  ])('%s → the normal backoff (null)', (_label, header) => {
    expect(serverRequestedWait(header, NOW)).toBeNull()
  })

  it('the cap is 60 s', () => {
    expect(MAX_SERVER_REQUESTED_WAIT_MS).toBe(60_000)
  })

  it('errors carry the capped wait and what the server asked for', () => {
    const seconds = errorFromResponse({ status: 429, bodyText: '', retryAfter: '3600' }, 'x', NOW)
    expect(seconds).toMatchObject({ retryAfterMs: 60_000, requestedWaitMs: HOUR })
    const dated = errorFromResponse(
      { status: 429, bodyText: '', retryAfter: 'Mon, 02 Mar 2026 12:00:00 GMT' },
      'x',
      NOW
    )
    expect(dated).toMatchObject({ retryAfterMs: 60_000, requestedWaitMs: 2 * HOUR })
    const skewed = errorFromResponse(
      { status: 429, bodyText: '', retryAfter: 'Mon, 02 Mar 2026 09:00:00 GMT' },
      'x',
      NOW
    )
    expect(skewed).toMatchObject({ retryAfterMs: null, requestedWaitMs: null })
  })
})

describe('the shared limiter after a long Retry-After', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('pauses at most 60 s, whatever it is told, then sends again', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 20 })
    limiter.noteRateLimited(HOUR, HOUR)
    expect(limiter.stats().pausedUntil).toBe(NOW + 60_000)
    limiter.noteRateLimited(Number.POSITIVE_INFINITY)
    expect(limiter.stats().pausedUntil).toBe(NOW + 60_000)
    // Once less than the silent threshold is left, requests queue again and go out when it ends.
    await vi.advanceTimersByTimeAsync(56_000)
    let grantedAt: number | null = null
    const granted = limiter.acquire().then((release) => {
      grantedAt = Date.now()
      release()
    })
    await vi.advanceTimersByTimeAsync(5_000)
    await granted
    // The bucket starts empty after a pause: the first token comes within 1/rate of its end.
    expect(grantedAt).toBeGreaterThanOrEqual(NOW + 60_000)
    expect(grantedAt).toBeLessThanOrEqual(NOW + 60_100)
    expect(limiter.stats()).toMatchObject({ pausedUntil: null, rateLimitedCount: 2 })
  })

  it('refuses requests during a long pause at once, saying how long is left and what was asked', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 20, maxConcurrent: 1 })
    const holder = await limiter.acquire()
    const queued = limiter.acquire()
    queued.catch(() => undefined)
    limiter.noteRateLimited(60_000, HOUR)
    await expect(queued).rejects.toMatchObject({
      kind: 'RateLimited',
      status: null,
      retryAfterMs: 60_000,
      requestedWaitMs: HOUR
    })
    await vi.advanceTimersByTimeAsync(20_000)
    const refused = await limiter.acquire().catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(RateLimitedError)
    expect(refused).toMatchObject({ retryAfterMs: 40_000, requestedWaitMs: HOUR - 20_000 })
    holder()
  })

  it('a short pause (≤ 5 s) still queues silently, as before', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 20 })
    limiter.noteRateLimited(4_000)
    let grantedAt: number | null = null
    const granted = limiter.acquire().then((release) => {
      grantedAt = Date.now()
      release()
    })
    await vi.advanceTimersByTimeAsync(5_000)
    await granted
    expect(grantedAt).toBe(NOW + 4_100)
  })

  it('the retry loop hands a long wait to its caller instead of sleeping through it', async () => {
    const clock: Clock = {
      now: () => Date.now(),
      setTimeout: (cb, ms) => setTimeout(cb, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>)
    }
    const operation = vi.fn(async () => {
      throw new RateLimitedError({ retryAfterMs: 60_000, requestedWaitMs: HOUR })
    })
    const result = withRetry(operation, {
      method: 'GET',
      request: { method: 'GET', path: '/customers', body: undefined },
      clock
    })
    await expect(result).rejects.toMatchObject({ kind: 'RateLimited', retryAfterMs: 60_000 })
    expect(operation).toHaveBeenCalledTimes(1)
    expect(Date.now()).toBe(NOW)
  })
})
