/**
 * Both documented rate windows (100/min and 1,000/h per org), their 429 headers, and the
 * settings benchmarks use to scale or lift them. A fake clock drives the windows.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import { call, errorOf, startSmall } from './support'

describe('Monaco simulator: rate limits', () => {
  let sim: RunningMonacoSimulator | undefined
  let now = Date.parse('2026-01-01T10:00:00Z')
  afterEach(async () => {
    await sim?.close()
    sim = undefined
  })

  async function burst(count: number): Promise<number[]> {
    const statuses: number[] = []
    for (let i = 0; i < count; i++) statuses.push((await call(sim!, 'GET', '/v1/me')).status)
    return statuses
  }

  it('admits 100 requests a minute, then answers 429 with the limit headers until the minute is over', async () => {
    now = Date.parse('2026-01-01T10:00:00Z')
    sim = await startSmall({ rateLimit: {}, nowMs: () => now })
    expect(new Set(await burst(100))).toEqual(new Set([200]))
    now += 30_000
    const refused = await call(sim, 'GET', '/v1/me')
    expect(refused.status).toBe(429)
    expect(refused.validated).toBe(true)
    expect(errorOf(refused).code).toBe('rate_limited')
    expect(refused.headers['x-ratelimit-limit']).toBe('100')
    expect(refused.headers['x-ratelimit-remaining']).toBe('0')
    // The first request of the burst leaves the window 60 s after it was made.
    expect(refused.headers['x-ratelimit-reset']).toBe(
      String(Date.parse('2026-01-01T10:01:00Z') / 1000)
    )
    expect(refused.headers['retry-after']).toBe('30')
    now += 30_000
    expect((await call(sim, 'GET', '/v1/me')).status).toBe(200)
    expect(sim.stats.rateLimited).toBe(1)
  })

  it('also holds the hourly window of 1,000 requests', async () => {
    now = Date.parse('2026-01-01T10:00:00Z')
    sim = await startSmall({ rateLimit: {}, nowMs: () => now })
    for (let minute = 0; minute < 10; minute++) {
      expect(new Set(await burst(100))).toEqual(new Set([200]))
      now += 61_000
    }
    const refused = await call(sim, 'GET', '/v1/me')
    expect(refused.status).toBe(429)
    expect(refused.headers['x-ratelimit-limit']).toBe('1000')
    const resetAt = Number(refused.headers['x-ratelimit-reset'])
    expect(resetAt).toBe(Date.parse('2026-01-01T11:00:00Z') / 1000)
    expect(Number(refused.headers['retry-after'])).toBe(resetAt - Math.ceil(now / 1000))
  })

  it('does not count requests with a bad key, and refused requests do not extend the wait', async () => {
    now = 0
    sim = await startSmall({
      rateLimit: { windows: [{ limit: 2, windowMs: 1000 }] },
      nowMs: () => now
    })
    await call(sim, 'GET', '/v1/me', { key: 'mks_wrong' })
    expect(await burst(3)).toEqual([200, 200, 429])
    now = 1000
    expect(await burst(1)).toEqual([200])
  })

  it('compresses time for benchmarks: timeScale 60 makes the minute one second', async () => {
    now = 0
    sim = await startSmall({ rateLimit: { timeScale: 60 }, nowMs: () => now })
    await burst(100)
    expect(await burst(1)).toEqual([429])
    now = 1000
    expect(await burst(1)).toEqual([200])
  })

  it('can be lifted or changed while running', async () => {
    now = 0
    sim = await startSmall({
      rateLimit: { windows: [{ limit: 1, windowMs: 60_000 }] },
      nowMs: () => now
    })
    expect(await burst(2)).toEqual([200, 429])
    sim.setRateLimit(false)
    expect(await burst(3)).toEqual([200, 200, 200])
  })
})
