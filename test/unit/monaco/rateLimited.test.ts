import { afterEach, describe, expect, it } from 'vitest'
import { RateLimitedError } from '../../../src/main/chartmogul'
import { MAX_SERVER_REQUESTED_WAIT_MS } from '../../../src/main/chartmogul/retryAfter'
import { createMonacoRateLimiter } from '../../../src/main/monaco'
import { monacoRequestedWait, parseResetHeader } from '../../../src/main/monaco/serverWait'
import { closeTestbed, reply, responseBodyFor, testbed } from './support/server'

/**
 * A 429 from Monaco pauses the whole organization's limiter for exactly as long as Monaco
 * says — `Retry-After` or `X-RateLimit-Reset` — capped like ChartMogul's, instead of guessing.
 */

afterEach(closeTestbed)

const USERS = responseBodyFor.users

/** Answers 429 with `headers` once, then 200; records when each request arrived. */
async function limitedOnce(headers: Record<string, string>) {
  const arrivals: number[] = []
  const limiter = createMonacoRateLimiter({ penaltyPauseMs: 0 })
  const bed = await testbed(
    (_request, response) => {
      arrivals.push(Date.now())
      if (arrivals.length === 1) {
        return reply(response, 429, { detail: 'Rate limit exceeded' }, headers)
      }
      reply(response, 200, USERS)
    },
    { limiter }
  )
  return { ...bed, arrivals, limiter }
}

describe('429 over loopback', () => {
  it('waits for Retry-After (seconds) before the next request', async () => {
    const { client, arrivals, limiter } = await limitedOnce({ 'retry-after': '1' })
    await client.listUsers()
    expect(arrivals).toHaveLength(2)
    expect((arrivals[1] as number) - (arrivals[0] as number)).toBeGreaterThanOrEqual(950)
    expect(limiter.stats().rateLimitedCount).toBe(1)
  })

  it('waits for X-RateLimit-Reset (Unix seconds) when there is no Retry-After', async () => {
    const resetAt = Math.ceil(Date.now() / 1000) + 2
    const { client, arrivals } = await limitedOnce({
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(resetAt)
    })
    await client.listUsers()
    expect(arrivals).toHaveLength(2)
    expect(arrivals[1] as number).toBeGreaterThanOrEqual(resetAt * 1000 - 50)
  })

  it('a wait longer than the silent limit is handed back at once, capped, with what was asked', async () => {
    const { client, arrivals, limiter } = await limitedOnce({ 'retry-after': '600' })
    const error = (await client.listUsers().catch((e: unknown) => e)) as RateLimitedError
    expect(error).toBeInstanceOf(RateLimitedError)
    expect(error.retryAfterMs).toBe(MAX_SERVER_REQUESTED_WAIT_MS)
    expect(error.requestedWaitMs).toBe(600_000)
    expect(error.message).toMatch(/^Monaco is limiting/)
    expect(arrivals).toHaveLength(1)
    // Every other request of the org is refused without touching the network meanwhile.
    const next = (await client.me().catch((e: unknown) => e)) as RateLimitedError
    expect(next).toBeInstanceOf(RateLimitedError)
    expect(next.status).toBeNull()
    expect(arrivals).toHaveLength(1)
    expect(limiter.stats().pausedUntil).not.toBeNull()
  })
})

describe('reading the headers', () => {
  const now = Date.UTC(2026, 11, 2, 8, 0, 0)

  it('X-RateLimit-Reset: Unix seconds, milliseconds, or a small delta in seconds', () => {
    expect(parseResetHeader(String(now / 1000 + 30), now)).toBe(now + 30_000)
    expect(parseResetHeader(String(now + 30_000), now)).toBe(now + 30_000)
    expect(parseResetHeader('30', now)).toBe(now + 30_000)
    expect(parseResetHeader('soon', now)).toBeNull()
    expect(parseResetHeader(null, now)).toBeNull()
  })

  it('the later of the two wins; both are capped; a past reset asks for nothing', () => {
    expect(monacoRequestedWait('2', String(now / 1000 + 40), now)).toEqual({
      waitMs: 40_000,
      requestedMs: 40_000
    })
    expect(monacoRequestedWait('50', String(now / 1000 + 3), now)).toEqual({
      waitMs: 50_000,
      requestedMs: 50_000
    })
    expect(monacoRequestedWait(null, String(now / 1000 + 3600), now)).toEqual({
      waitMs: MAX_SERVER_REQUESTED_WAIT_MS,
      requestedMs: 3_600_000
    })
    expect(monacoRequestedWait(null, String(now / 1000 - 10), now)).toBeNull()
    expect(monacoRequestedWait(null, null, now)).toBeNull()
  })
})
