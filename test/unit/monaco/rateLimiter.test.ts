import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CancelledError, RateLimitedError } from '../../../src/main/chartmogul'
import { MAX_SERVER_REQUESTED_WAIT_MS } from '../../../src/main/chartmogul/retryAfter'
import {
  createMonacoRateLimiter,
  monacoBudget,
  type MonacoRateLimiter,
  type MonacoRateLimiterOptions
} from '../../../src/main/monaco'

/** The per-organization limiter: two sliding windows, a concurrency cap, 429 pauses. */

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(Date.UTC(2026, 11, 2, 9, 0, 0))
})
afterEach(() => {
  vi.useRealTimers()
})

const MINUTE = 60_000
const HOUR = 3_600_000

/** Asks for `count` grants, releasing each at once; records when each was granted or refused. */
function ask(limiter: MonacoRateLimiter, count: number, signal?: AbortSignal) {
  const start = Date.now()
  const granted: number[] = []
  const refused: unknown[] = []
  for (let i = 0; i < count; i++) {
    limiter.acquire(signal).then(
      (release) => {
        granted.push(Date.now() - start)
        release()
      },
      (error: unknown) => refused.push(error)
    )
  }
  return { granted, refused }
}

function limiter(options: MonacoRateLimiterOptions = {}) {
  return createMonacoRateLimiter({ maxConcurrent: 100, ...options })
}

describe('budget', () => {
  it('defaults to 80 % of both documented windows: 80 a minute and 800 an hour', () => {
    expect(createMonacoRateLimiter().stats()).toMatchObject({
      maxConcurrent: 4,
      windows: [
        { limit: 80, windowMs: MINUTE, used: 0 },
        { limit: 800, windowMs: HOUR, used: 0 }
      ]
    })
    expect(monacoBudget({ budgetFraction: 0.5 })).toEqual([
      { limit: 50, windowMs: MINUTE },
      { limit: 500, windowMs: HOUR }
    ])
  })

  it('refuses a budget above Monaco’s documented limits', () => {
    expect(() => monacoBudget({ perMinute: 101 })).toThrowError(/at most 100/)
    expect(() => monacoBudget({ perHour: 1001 })).toThrowError(/at most 1000/)
    expect(() => monacoBudget({ budgetFraction: 1.5 })).toThrowError(RangeError)
    expect(() => monacoBudget({ perMinute: 0 })).toThrowError(RangeError)
  })
})

describe('the per-minute window', () => {
  it('grants the minute’s budget, then queues a request whose slot is a few seconds away', async () => {
    const l = limiter({ perMinute: 3, perHour: 100 })
    const first = ask(l, 3)
    await vi.advanceTimersByTimeAsync(0)
    expect(first.granted).toEqual([0, 0, 0])

    await vi.advanceTimersByTimeAsync(57_000)
    const next = ask(l, 1)
    await vi.advanceTimersByTimeAsync(2_999)
    expect(next.granted).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(next.granted).toEqual([3_000])
    expect(next.refused).toEqual([])
  })

  it('refuses at once, with the wait, when the next slot is further than the silent limit', async () => {
    const l = limiter({ perMinute: 3, perHour: 100 })
    ask(l, 3)
    await vi.advanceTimersByTimeAsync(10_000)
    const late = ask(l, 2)
    await vi.advanceTimersByTimeAsync(0)
    expect(late.granted).toEqual([])
    expect(late.refused).toHaveLength(2)
    const error = late.refused[0] as RateLimitedError
    expect(error).toBeInstanceOf(RateLimitedError)
    expect(error).toMatchObject({ status: null, retryAfterMs: 50_000, requestedWaitMs: 50_000 })
    expect(error.message).toMatch(/^Monaco is limiting/)
  })
})

describe('the per-hour window', () => {
  it('still binds when every minute is within budget', async () => {
    const l = limiter({ perMinute: 10, perHour: 12 })
    const first = ask(l, 10)
    await vi.advanceTimersByTimeAsync(0)
    expect(first.granted).toHaveLength(10)

    await vi.advanceTimersByTimeAsync(MINUTE)
    const second = ask(l, 3)
    await vi.advanceTimersByTimeAsync(0)
    expect(second.granted).toHaveLength(2)
    expect(second.refused).toHaveLength(1)
    const error = second.refused[0] as RateLimitedError
    // The hour's oldest grant leaves the window 59 minutes from now.
    expect(error.requestedWaitMs).toBe(HOUR - MINUTE)
    expect(error.retryAfterMs).toBe(MAX_SERVER_REQUESTED_WAIT_MS)
    expect(l.stats().windows.map((w) => w.used)).toEqual([2, 12])

    await vi.advanceTimersByTimeAsync(HOUR - MINUTE)
    const later = ask(l, 10)
    await vi.advanceTimersByTimeAsync(0)
    expect(later.granted).toHaveLength(10)
  })
})

describe('concurrency', () => {
  it('never has more than maxConcurrent in flight; a release admits the next', async () => {
    const l = createMonacoRateLimiter({ maxConcurrent: 2 })
    const releases: Array<() => void> = []
    for (let i = 0; i < 5; i++) void l.acquire().then((release) => releases.push(release))
    await vi.advanceTimersByTimeAsync(0)
    expect(releases).toHaveLength(2)
    expect(l.stats()).toMatchObject({ inFlight: 2, queued: 3 })
    releases[0]?.()
    await vi.advanceTimersByTimeAsync(0)
    expect(releases).toHaveLength(3)
  })

  it('a waiter can be cancelled', async () => {
    const l = createMonacoRateLimiter({ maxConcurrent: 1 })
    void l.acquire()
    const controller = new AbortController()
    const waiting = l.acquire(controller.signal)
    controller.abort()
    await expect(waiting).rejects.toBeInstanceOf(CancelledError)
    expect(l.stats().queued).toBe(0)
  })
})

describe('after a 429', () => {
  it('a short pause holds every request, silently, until it ends', async () => {
    const l = limiter()
    l.noteRateLimited(3_000, 3_000)
    const held = ask(l, 2)
    await vi.advanceTimersByTimeAsync(2_999)
    expect(held.granted).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(held.granted).toEqual([3_000, 3_000])
  })

  it('a long pause refuses at once with the time left and what Monaco asked for', async () => {
    const l = limiter()
    l.noteRateLimited(MAX_SERVER_REQUESTED_WAIT_MS, 600_000)
    await vi.advanceTimersByTimeAsync(10_000)
    const refused = ask(l, 1)
    await vi.advanceTimersByTimeAsync(0)
    expect(refused.refused[0]).toMatchObject({ retryAfterMs: 50_000, requestedWaitMs: 590_000 })
    expect(l.stats().rateLimitedCount).toBe(1)
  })

  it('no header: the penalty pause', async () => {
    const l = limiter({ penaltyPauseMs: 2_000 })
    l.noteRateLimited(null)
    const held = ask(l, 1)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(held.granted).toEqual([2_000])
  })
})
