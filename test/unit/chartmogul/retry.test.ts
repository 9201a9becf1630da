import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { systemClock } from '../../../src/main/chartmogul/clock'
import {
  BadResponseError,
  CancelledError,
  NetworkError,
  OfflineError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  ValidationError,
  type ChartMogulError
} from '../../../src/main/chartmogul/errors'
import type { HttpMethod } from '../../../src/main/chartmogul/http'
import {
  backoffDelay,
  decide,
  withRetry,
  type RetryEvent,
  type RetryPolicy
} from '../../../src/main/chartmogul/retry'

/** Retry schedules on fake timers: no test here waits for real time. */

const POLICY: RetryPolicy = {
  maxAttempts: 6,
  maxElapsedMs: 120_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000
}
const REQUEST = { method: 'GET', path: '/customers', body: undefined }

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** An operation that fails with the given errors in turn, then succeeds. */
function scripted(errors: ChartMogulError[]) {
  const calls: number[] = []
  const operation = vi.fn(async () => {
    calls.push(Date.now())
    const next = errors.shift()
    if (next) throw next
    return 'ok'
  })
  return { operation, calls }
}

function run(
  operation: () => Promise<string>,
  options: {
    method?: HttpMethod
    policy?: Partial<RetryPolicy>
    random?: () => number
    signal?: AbortSignal
    events?: RetryEvent[]
  } = {}
) {
  const promise = withRetry(operation, {
    method: options.method ?? 'GET',
    request: { ...REQUEST, method: options.method ?? 'GET' },
    policy: { ...POLICY, ...options.policy },
    clock: systemClock,
    random: options.random ?? (() => 0.5),
    signal: options.signal,
    onRetry: (event) => options.events?.push(event)
  })
  // Observe rejections early so fake-timer advancement never reports them as unhandled.
  promise.catch(() => undefined)
  return promise
}

const server = (status = 500) => new ServerError({ status })

describe('backoff with full jitter', () => {
  it('draws uniformly below an exponentially growing, capped ceiling', () => {
    const ceilings = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]
    ceilings.forEach((ceiling, index) => {
      const retry = index + 1
      expect(backoffDelay(retry, null, POLICY, () => 0)).toBe(0)
      expect(backoffDelay(retry, null, POLICY, () => 0.5)).toBe(ceiling / 2)
      expect(backoffDelay(retry, null, POLICY, () => 0.999_999)).toBe(ceiling - 1)
    })
  })

  it('every scheduled delay stays within [0, ceiling) for arbitrary random draws', async () => {
    const draws = [0.13, 0.99, 0.42, 0.7, 0.01]
    const events: RetryEvent[] = []
    const { operation } = scripted([server(), server(), server(), server(), server()])
    const promise = run(operation, { random: () => draws.shift() ?? 0, events })
    await vi.runAllTimersAsync()
    await expect(promise).resolves.toBe('ok')
    expect(events.map((e) => e.delayMs)).toEqual([130, 1980, 1680, 5600, 160])
    events.forEach((event) => {
      const ceiling = Math.min(30_000, 1_000 * 2 ** (event.attempt - 1))
      expect(event.delayMs).toBeGreaterThanOrEqual(0)
      expect(event.delayMs).toBeLessThan(ceiling)
    })
  })

  it('sleeps exactly the scheduled delay before the next attempt', async () => {
    const { operation, calls } = scripted([server(), server()])
    const promise = run(operation) // random 0.5 → 500 ms, then 1000 ms
    await vi.advanceTimersByTimeAsync(0)
    expect(operation).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(499)
    expect(operation).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(operation).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1_000)
    await expect(promise).resolves.toBe('ok')
    expect(calls.map((t) => t - (calls[0] ?? 0))).toEqual([0, 500, 1_500])
  })
})

describe('Retry-After', () => {
  it('is honoured even when the jittered delay would be shorter', async () => {
    const { operation } = scripted([new RateLimitedError({ retryAfterMs: 5_000 })])
    const promise = run(operation, { random: () => 0 })
    await vi.advanceTimersByTimeAsync(4_999)
    expect(operation).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    await expect(promise).resolves.toBe('ok')
    expect(operation).toHaveBeenCalledTimes(2)
  })

  it('beyond the remaining budget: give up at once with the 429 (no pointless sleep)', async () => {
    const { operation } = scripted([new RateLimitedError({ retryAfterMs: 600_000 })])
    const promise = run(operation)
    await vi.advanceTimersByTimeAsync(0)
    await expect(promise).rejects.toMatchObject({ kind: 'RateLimited', retryAfterMs: 600_000 })
    expect(operation).toHaveBeenCalledTimes(1)
  })
})

describe('budget', () => {
  it('stops after maxAttempts with the last typed error', async () => {
    const { operation } = scripted(Array.from({ length: 10 }, () => server(502)))
    const promise = run(operation)
    await vi.runAllTimersAsync()
    await expect(promise).rejects.toMatchObject({ kind: 'Server', status: 502, attempts: 6 })
    expect(operation).toHaveBeenCalledTimes(6)
  })

  it('stops when the next sleep would pass maxElapsedMs', async () => {
    const { operation, calls } = scripted(Array.from({ length: 10 }, () => server()))
    // random ≈ 1 → delays 999, 1999, 3999, then 7999 would end at 14 996 > 10 000.
    const promise = run(operation, { random: () => 0.9999, policy: { maxElapsedMs: 10_000 } })
    await vi.runAllTimersAsync()
    await expect(promise).rejects.toBeInstanceOf(ServerError)
    await expect(promise).rejects.toMatchObject({ attempts: 4 })
    expect(calls.map((t) => t - (calls[0] ?? 0))).toEqual([0, 999, 2998, 6997])
  })

  it('definitive errors are not retried', async () => {
    const { operation } = scripted([new ValidationError([{ field: 'x', message: 'bad' }])])
    const promise = run(operation)
    await expect(promise).rejects.toMatchObject({ kind: 'Validation', attempts: 1 })
    expect(operation).toHaveBeenCalledTimes(1)
  })

  it('bugs (non-ChartMogul errors) are rethrown untouched, never retried', async () => {
    const bug = new TypeError('undefined is not a function')
    const operation = vi.fn(async () => {
      throw bug
    })
    await expect(run(operation)).rejects.toBe(bug)
    expect(operation).toHaveBeenCalledTimes(1)
  })
})

describe('cancellation', () => {
  it('abort mid-sleep → Cancelled immediately, no further attempt', async () => {
    const controller = new AbortController()
    const { operation } = scripted([server(), server()])
    const promise = run(operation, { signal: controller.signal })
    await vi.advanceTimersByTimeAsync(100) // inside the 500 ms sleep
    controller.abort()
    await expect(promise).rejects.toBeInstanceOf(CancelledError)
    await vi.runAllTimersAsync()
    expect(operation).toHaveBeenCalledTimes(1)
  })

  it('an already-aborted signal makes no attempt', async () => {
    const controller = new AbortController()
    controller.abort()
    const { operation } = scripted([])
    await expect(run(operation, { signal: controller.signal })).rejects.toMatchObject({
      kind: 'Cancelled'
    })
    expect(operation).not.toHaveBeenCalled()
  })
})

describe('which failures are retried, per method', () => {
  const sent = () => new NetworkError({ code: 'ECONNRESET', sent: true })
  const unsent = () => new NetworkError({ code: 'ECONNREFUSED', sent: false })
  const offline = () => new OfflineError({ code: 'ENOTFOUND', sent: false })
  const table: Array<[string, () => ChartMogulError, string, string]> = [
    // [label, error, GET/PATCH/DELETE, POST]
    ['429', () => new RateLimitedError(), 'retry', 'retry'],
    ['503', () => server(503), 'retry', 'retry'],
    ['500', () => server(500), 'retry', 'outcome-unknown'],
    ['502', () => server(502), 'retry', 'outcome-unknown'],
    ['504', () => server(504), 'retry', 'outcome-unknown'],
    ['timeout', () => new TimeoutError(30_000), 'retry', 'outcome-unknown'],
    ['reset after sending', sent, 'retry', 'outcome-unknown'],
    ['connection refused', unsent, 'retry', 'retry'],
    ['DNS failure', offline, 'retry', 'retry'],
    ['unreadable 201', () => new BadResponseError('x', { status: 201 }), 'fail', 'outcome-unknown'],
    ['wrong shape', () => new BadResponseError('x', { status: 200 }), 'fail', 'outcome-unknown'],
    [
      'garbled 200',
      () => new BadResponseError('x', { status: 200 }, true),
      'retry',
      'outcome-unknown'
    ],
    ['garbled 4xx', () => new BadResponseError('x', { status: 302 }, true), 'retry', 'fail'],
    ['cancelled in flight', () => new CancelledError(true), 'fail', 'outcome-unknown'],
    ['cancelled before sending', () => new CancelledError(false), 'fail', 'fail'],
    ['422', () => new ValidationError([]), 'fail', 'fail']
  ]
  it.each(table)('%s → %s / POST: %s', (_label, make, others, post) => {
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      expect(decide(method, make())).toBe(others)
    }
    expect(decide('POST', make())).toBe(post)
  })

  it('POST after a 429 is retried and succeeds once', async () => {
    const { operation } = scripted([new RateLimitedError()])
    const promise = run(operation, { method: 'POST' })
    await vi.runAllTimersAsync()
    await expect(promise).resolves.toBe('ok')
    expect(operation).toHaveBeenCalledTimes(2)
  })

  it('POST that timed out → OutcomeUnknown carrying the body, after exactly one attempt', async () => {
    const { operation } = scripted([new TimeoutError(30_000)])
    const body = { customer_uuid: 'cus_1', amount_in_cents: 5 }
    const promise = withRetry(operation, {
      method: 'POST',
      request: { method: 'POST', path: '/opportunities', body },
      clock: systemClock
    })
    await expect(promise).rejects.toMatchObject({
      kind: 'OutcomeUnknown',
      attempts: 1,
      request: { method: 'POST', path: '/opportunities', body },
      reason: { kind: 'Timeout' }
    })
    expect(operation).toHaveBeenCalledTimes(1)
  })

  it('POST refused before sending, then reset after sending → OutcomeUnknown on attempt 2', async () => {
    const { operation } = scripted([unsent(), sent()])
    const promise = run(operation, { method: 'POST' })
    await vi.runAllTimersAsync()
    await expect(promise).rejects.toMatchObject({ kind: 'OutcomeUnknown', attempts: 2 })
    expect(operation).toHaveBeenCalledTimes(2)
  })

  it('tells the operation about the previous failure', async () => {
    const seen: Array<string | null> = []
    const first = server(502)
    const promise = withRetry(
      async ({ previousError }) => {
        seen.push(previousError?.kind ?? null)
        if (previousError === null) throw first
        return 'ok'
      },
      { method: 'DELETE', request: REQUEST, clock: systemClock, random: () => 0 }
    )
    await vi.runAllTimersAsync()
    await expect(promise).resolves.toBe('ok')
    expect(seen).toEqual([null, 'Server'])
  })
})
