import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  CancelledError,
  createRateLimiter,
  type RateLimiter,
  type Release
} from '../../../src/main/chartmogul'

/** The shared per-account limiter, on fake timers. */

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** Queues `count` acquisitions; returns the releases as they are granted, in order. */
function request(limiter: RateLimiter, count: number, signal?: AbortSignal) {
  const granted: Array<{ index: number; at: number; release: Release }> = []
  const promises = Array.from({ length: count }, (_, index) =>
    limiter.acquire(signal).then((release) => {
      granted.push({ index, at: Date.now(), release })
      return release
    })
  )
  promises.forEach((p) => p.catch(() => undefined))
  return { granted, promises }
}

describe('token bucket', () => {
  it('grants the burst at once, then one request per 1/rate seconds', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 2, maxConcurrent: 20 })
    const start = Date.now()
    const { granted } = request(limiter, 12)
    await vi.advanceTimersByTimeAsync(0)
    expect(granted).toHaveLength(2)
    expect(limiter.stats()).toMatchObject({ started: 2, queued: 10 })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(granted).toHaveLength(12)
    expect(granted.map((g) => g.at - start)).toEqual([
      0, 0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000
    ])
    // FIFO.
    expect(granted.map((g) => g.index)).toEqual([...Array(12).keys()])
  })

  it('defaults: 20/s with a burst of 5 and 8 in flight', async () => {
    const limiter = createRateLimiter()
    expect(limiter.stats()).toMatchObject({
      configuredRatePerSecond: 20,
      currentRatePerSecond: 20,
      maxConcurrent: 8
    })
    // Released at once: the bucket alone paces them — the burst, then 20 per second.
    const quick = request(createRateLimiter(), 40)
    quick.promises.forEach((p) => void p.then((release) => release()))
    await vi.advanceTimersByTimeAsync(0)
    expect(quick.granted).toHaveLength(5)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(quick.granted).toHaveLength(25)

    // Held: the concurrency cap stops them at 8.
    const held = request(limiter, 30)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(held.granted).toHaveLength(8)
    expect(limiter.stats()).toMatchObject({ inFlight: 8, queued: 22 })
  })

  it('tokens do not pile up beyond the burst while idle', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 3, maxConcurrent: 20 })
    await vi.advanceTimersByTimeAsync(60_000)
    const { granted } = request(limiter, 10)
    await vi.advanceTimersByTimeAsync(0)
    expect(granted).toHaveLength(3)
  })
})

describe('concurrency cap', () => {
  it('never has more than maxConcurrent in flight; a release admits the next', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 40, burst: 40, maxConcurrent: 3 })
    const { granted } = request(limiter, 5)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(granted).toHaveLength(3)
    expect(limiter.stats()).toMatchObject({ inFlight: 3, queued: 2 })
    granted[0]?.release()
    granted[0]?.release() // a second release is ignored
    await vi.advanceTimersByTimeAsync(0)
    expect(granted).toHaveLength(4)
    expect(limiter.stats()).toMatchObject({ inFlight: 3, queued: 1, started: 4 })
  })
})

describe('after a 429', () => {
  it('pauses everyone, halves the rate, then recovers gradually', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 20, burst: 1, maxConcurrent: 20 })
    const start = Date.now()
    limiter.noteRateLimited(null)
    expect(limiter.stats()).toMatchObject({
      currentRatePerSecond: 10,
      rateLimitedCount: 1,
      pausedUntil: start + 1_000
    })
    const { granted } = request(limiter, 3)
    await vi.advanceTimersByTimeAsync(999)
    expect(granted).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(granted).toHaveLength(0) // the bucket starts empty after the pause
    await vi.advanceTimersByTimeAsync(300)
    // At the halved rate: one every 100 ms after the pause.
    expect(granted.map((g) => g.at - start)).toEqual([1_100, 1_200, 1_300])

    // +10 % of the configured rate per 5 s without another 429.
    await vi.advanceTimersByTimeAsync(5_000 - 1_300)
    expect(limiter.stats().currentRatePerSecond).toBe(12)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(limiter.stats().currentRatePerSecond).toBe(20)
  })

  it('a burst of 429s from parallel requests halves once; the floor holds', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 16, minRatePerSecond: 2 })
    limiter.noteRateLimited(null)
    limiter.noteRateLimited(null)
    limiter.noteRateLimited(null)
    expect(limiter.stats()).toMatchObject({ currentRatePerSecond: 8, rateLimitedCount: 3 })
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(1_000)
      limiter.noteRateLimited(null)
    }
    expect(limiter.stats().currentRatePerSecond).toBe(2)
  })

  it('honours Retry-After for the pause', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 20, burst: 5 })
    const start = Date.now()
    limiter.noteRateLimited(4_000)
    expect(limiter.stats().pausedUntil).toBe(start + 4_000)
    const { granted } = request(limiter, 1)
    await vi.advanceTimersByTimeAsync(3_999)
    expect(granted).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(200)
    expect(granted).toHaveLength(1)
  })

  it('a pause longer than 5 s refuses requests instead of queueing them (the page waits, visibly)', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 20, burst: 5 })
    limiter.noteRateLimited(7_000)
    await expect(limiter.acquire()).rejects.toMatchObject({
      kind: 'RateLimited',
      retryAfterMs: 7_000
    })
    await vi.advanceTimersByTimeAsync(2_000)
    const { granted } = request(limiter, 1)
    await vi.advanceTimersByTimeAsync(5_200)
    expect(granted).toHaveLength(1)
  })
})

describe('cancellable waits', () => {
  it('aborting a queued acquisition rejects it with Cancelled and frees its place', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1, maxConcurrent: 20 })
    const controller = new AbortController()
    const first = request(limiter, 1)
    const waiting = request(limiter, 2, controller.signal)
    const after = request(limiter, 1)
    await vi.advanceTimersByTimeAsync(10)
    expect(limiter.stats().queued).toBe(3)
    controller.abort()
    await expect(waiting.promises[0]).rejects.toBeInstanceOf(CancelledError)
    await expect(waiting.promises[1]).rejects.toBeInstanceOf(CancelledError)
    expect(limiter.stats().queued).toBe(1)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(first.granted).toHaveLength(1)
    expect(after.granted).toHaveLength(1)
  })

  it('an already-aborted signal is refused without queueing', async () => {
    const limiter = createRateLimiter()
    await expect(limiter.acquire(AbortSignal.abort())).rejects.toMatchObject({ kind: 'Cancelled' })
    expect(limiter.stats()).toMatchObject({ queued: 0, started: 0 })
  })
})

describe('configuration', () => {
  it('rejects settings beyond what ChartMogul allows, with a clear message', () => {
    expect(() => createRateLimiter({ ratePerSecond: 41 })).toThrowError(
      /at most 40 requests per second/
    )
    expect(() => createRateLimiter({ maxConcurrent: 21 })).toThrowError(
      /at most 20 parallel connections/
    )
    expect(() => createRateLimiter({ ratePerSecond: 0 })).toThrowError(RangeError)
    expect(() => createRateLimiter({ maxConcurrent: 0 })).toThrowError(RangeError)
    expect(() => createRateLimiter({ burst: 0 })).toThrowError(RangeError)
    expect(() => createRateLimiter({ ratePerSecond: 40, maxConcurrent: 20 })).not.toThrow()
  })
})
