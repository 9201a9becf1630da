/**
 * One 429 with `Retry-After: 3600` (or an HTTP date hours ahead) during a sync, over real
 * loopback HTTP with the real gateway and shared limiter: the sync waits at most 60 s (of
 * virtual time), says so while it waits (when Revdesk tries again and what ChartMogul asked),
 * and finishes with an exact replica.
 */
import { afterEach, expect, test } from 'vitest'
import { createRateLimiter } from '../../../src/main/chartmogul'
import type { Clock } from '../../../src/main/chartmogul/clock'
import type { FetchLike } from '../../../src/main/chartmogul/http'
import { createSyncEngine, type RateLimitWait } from '../../../src/renderer/src/sync'
import { freshCache } from './support/cache'
import { countingSource } from './support/countingSource'
import { cachedReplica, expectedReplica, sameReplica } from './support/replica'
import { startSimulatedAccount, type SimulatedAccount } from './support/simulatorSource'

const HOUR_MS = 3_600_000

/**
 * Real time, except that a wait longer than a second ends at once and moves time forward to
 * its end (waits running side by side end at the same moment, as they would in real time).
 */
function virtualClock(): Clock & { elapsedSince(ms: number): number } {
  let offset = 0
  const now = (): number => Date.now() + offset
  return {
    now,
    setTimeout(callback, ms) {
      if (ms <= 1_000) return setTimeout(callback, ms)
      const target = now() + ms
      return setTimeout(() => {
        offset = Math.max(offset, target - Date.now())
        callback()
      }, 0)
    },
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    elapsedSince: (ms) => now() - ms
  }
}

let account: SimulatedAccount | undefined
afterEach(async () => {
  await account?.close()
  account = undefined
})

test.each([
  ['delay-seconds', () => '3600', HOUR_MS],
  [
    'an HTTP date two hours ahead',
    () => new Date(Date.now() + 2 * HOUR_MS).toUTCString(),
    2 * HOUR_MS
  ]
])(
  'Retry-After as %s: the next request goes out within 60 s and the wait is shown',
  async (_form, header, asked) => {
    const clock = virtualClock()
    // What actually goes over HTTP to /v1/customers, and when (virtual time): requests the paused
    // limiter refuses never get here, so this is what ChartMogul would see.
    const customerRequests: { sentAt: number; answeredAt: number; status: number | null }[] = []
    const recordingFetch: FetchLike = async (url, init) => {
      if (!new URL(url).pathname.startsWith('/v1/customers')) return fetch(url, init)
      const entry = { sentAt: clock.now(), answeredAt: 0, status: null as number | null }
      customerRequests.push(entry)
      const response = await fetch(url, init)
      entry.status = response.status
      entry.answeredAt = clock.now()
      if (response.status === 429) account?.sim.clearFaults() // one 429, then a healthy server
      return response
    }
    account = await startSimulatedAccount({
      seed: 33,
      customers: 300,
      fast: true,
      client: { limiter: createRateLimiter({ clock }), fetch: recordingFetch }
    })
    const sim = account.sim
    sim.setFaults({ rate429: 1, retryAfter: header(), match: { pathPrefix: '/v1/customers' } })
    const source = countingSource(account.source)
    const db = await freshCache('server-wait')
    const engine = createSyncEngine({ db, source, options: { clock } })
    const waits: (RateLimitWait | null)[] = []
    engine.onServerWait((wait) => waits.push(wait))

    expect((await engine.run()).outcome).toBe('complete')
    // The faults are cleared when the first 429 comes back; a request the simulator had already
    // answered by then (the first requests go out together) may have got one too.
    expect(sim.stats.faults.status429).toBeGreaterThanOrEqual(1)
    const limited = customerRequests.find((r) => r.status === 429)
    const limitedAt = limited?.answeredAt as number
    // Requests already on the wire when the 429 came back are not the retry; the next one is.
    const nextAt = customerRequests.find((r) => r.sentAt >= limitedAt)?.sentAt as number
    expect(nextAt - limitedAt).toBeGreaterThanOrEqual(59_000)
    expect(nextAt - limitedAt).toBeLessThanOrEqual(61_000)

    const shown = waits[0] as RateLimitWait
    expect(shown.retryAt - limitedAt).toBeGreaterThanOrEqual(59_000)
    expect(shown.retryAt - limitedAt).toBeLessThanOrEqual(61_000)
    expect(shown.requestedUntil - limitedAt).toBeGreaterThan(asked - 5_000)
    expect(shown.requestedUntil - limitedAt).toBeLessThanOrEqual(asked + 1_000)
    expect(waits.at(-1)).toBeNull()
    expect(engine.serverWait).toBeNull()

    const actual = await cachedReplica(db)
    const expected = expectedReplica(sim)
    if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
    db.close()
  }
)
