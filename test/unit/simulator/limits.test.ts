/**
 * The real API's admission limits: >40 requests in a one-second window → 429, >20 requests in
 * flight → 503. Time and concurrency are controlled (frozen clock, held requests), never raced.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../../src/main/simulator'
import { get, startSmall } from './support'

const RATE_BODY = {
  code: 429,
  message: 'Your request rate has exceeded our rate limit.',
  param: null
}

function frozenClock() {
  let now = 1_000_000
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms
    }
  }
}

async function sequential(sim: RunningSimulator, n: number): Promise<number[]> {
  const statuses: number[] = []
  for (let i = 0; i < n; i++) statuses.push((await get(sim, '/v1/ping')).status)
  return statuses
}

describe('rate and concurrency limits', () => {
  let sim: RunningSimulator | undefined
  afterEach(async () => {
    await sim?.close()
    sim = undefined
  })

  it('answers the 41st request within one second with the 429 body, by default', async () => {
    const clock = frozenClock()
    // Default options: the real API's limits are on.
    sim = await startSimulator({ data: { seed: 1, customers: 20 }, monotonicNow: clock.now })
    const statuses = await sequential(sim, 45)
    expect(statuses.filter((s) => s === 200)).toHaveLength(40)
    expect(statuses.slice(40)).toEqual([429, 429, 429, 429, 429])
    const limited = await get(sim, '/v1/ping')
    expect(limited.json()).toEqual(RATE_BODY)
    expect(limited.headers['retry-after']).toBeUndefined()
    expect(sim.stats).toMatchObject({ requests: 46, status429: 6, rateLimited: 6 })

    // The window slides: a second later the budget is back.
    clock.advance(1000)
    expect(await sequential(sim, 40)).toEqual(Array(40).fill(200))
    expect((await get(sim, '/v1/ping')).status).toBe(429)
  })

  it('counts a sliding window, not fixed buckets', async () => {
    const clock = frozenClock()
    sim = await startSmall({ rateLimit: { perWindow: 40 }, monotonicNow: clock.now })
    expect(await sequential(sim, 30)).toEqual(Array(30).fill(200))
    clock.advance(600)
    expect(await sequential(sim, 10)).toEqual(Array(10).fill(200))
    clock.advance(300) // 900 ms after the first 30: all 40 are still inside the window
    expect((await get(sim, '/v1/ping')).status).toBe(429)
    clock.advance(101) // the first 30 have left the window
    expect(await sequential(sim, 30)).toEqual(Array(30).fill(200))
  })

  it('adds Retry-After when asked to, and can be tightened or disabled at runtime', async () => {
    const clock = frozenClock()
    sim = await startSmall({
      rateLimit: { perWindow: 2, retryAfterSeconds: 3 },
      monotonicNow: clock.now
    })
    expect(await sequential(sim, 3)).toEqual([200, 200, 429])
    expect((await get(sim, '/v1/ping')).headers['retry-after']).toBe('3')
    sim.setLimits({ rateLimit: false })
    expect(await sequential(sim, 60)).toEqual(Array(60).fill(200))
  })

  it('answers 503 "Too Many Parallel Connections" beyond 20 requests in flight', async () => {
    sim = await startSimulator({ data: { seed: 1, customers: 20 }, rateLimit: false })
    const running = sim
    const release = running.holdRequests()
    const pending = Array.from({ length: 25 }, () => get(running, '/v1/ping'))
    await vi.waitFor(
      () => {
        expect(running.stats.inFlight).toBe(20)
        expect(running.stats.status503).toBe(5)
      },
      { timeout: 10_000, interval: 20 }
    )
    release()
    const responses = await Promise.all(pending)
    const refused = responses.filter((r) => r.status === 503)
    expect(refused).toHaveLength(5)
    expect(refused[0]?.json()).toEqual({
      code: 503,
      message: 'Too Many Parallel Connections',
      param: null
    })
    expect(responses.filter((r) => r.status === 200)).toHaveLength(20)
    expect(running.stats.maxConcurrency).toBe(20)
    expect(running.stats.inFlight).toBe(0)
  })

  it('takes a tighter concurrency cap at runtime, or none', async () => {
    sim = await startSmall()
    const running = sim
    running.setLimits({ maxConcurrent: 2 })
    let release = running.holdRequests()
    let pending = Array.from({ length: 4 }, () => get(running, '/v1/ping'))
    await vi.waitFor(() => expect(running.stats.status503).toBe(2), {
      timeout: 10_000,
      interval: 20
    })
    release()
    expect((await Promise.all(pending)).map((r) => r.status).sort()).toEqual([200, 200, 503, 503])

    running.setLimits({ maxConcurrent: false })
    running.resetStats()
    release = running.holdRequests()
    pending = Array.from({ length: 30 }, () => get(running, '/v1/ping'))
    await vi.waitFor(() => expect(running.stats.inFlight).toBe(30), {
      timeout: 10_000,
      interval: 20
    })
    release()
    expect((await Promise.all(pending)).every((r) => r.status === 200)).toBe(true)
    expect(running.stats.maxConcurrency).toBe(30)
  })
})
