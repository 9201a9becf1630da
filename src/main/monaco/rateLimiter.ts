import { LONGEST_SILENT_WAIT_MS } from '../../shared/sync/serverWait'
import { systemClock, type Clock } from '../chartmogul/clock'
import { CancelledError, RateLimitedError } from '../chartmogul/errors'
import { capServerWait } from '../chartmogul/retryAfter'
import { createAdmissionQueue, type Release } from '../gateway/admissionQueue'
import { asMonacoError } from './errorText'
import { createWindowLog, type RequestWindow, type WindowUsage } from './slidingWindows'

/**
 * One limiter per Monaco organization (workspace). Monaco's docs state both 100 requests per
 * minute and 1,000 per hour per org, shared by every user, key and MCP call of the org
 * (UNCONFIRMED which applies, so both are honoured). Revdesk uses a fraction of each (80 %
 * by default), leaving room for colleagues, and:
 *
 * - counts its own grants in both sliding windows (./slidingWindows.ts);
 * - caps requests in flight (`maxConcurrent`);
 * - on a 429 (`noteRateLimited`) pauses everyone until Monaco's `Retry-After` /
 *   `X-RateLimit-Reset` (already capped at MAX_SERVER_REQUESTED_WAIT_MS), or `penaltyPauseMs`
 *   when neither header came;
 * - never lets a request sit silently behind a long wait: when the next start is more than
 *   LONGEST_SILENT_WAIT_MS away (a long pause, or a spent hourly budget), waiting requests are
 *   refused at once with a RateLimitedError saying how long, so the page waits visibly;
 * - every wait is FIFO and abortable.
 */

export const MONACO_DOCUMENTED_PER_MINUTE = 100
export const MONACO_DOCUMENTED_PER_HOUR = 1_000
export const DEFAULT_BUDGET_FRACTION = 0.8
const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000

export interface MonacoRateLimiterOptions {
  /** Share of each documented limit Revdesk uses; default 0.8 (80/min, 800/h). */
  budgetFraction?: number
  /** Overrides the per-minute budget; at most 100. */
  perMinute?: number
  /** Overrides the per-hour budget; at most 1,000. */
  perHour?: number
  /** Requests in flight at once; default 4. */
  maxConcurrent?: number
  /** Pause after a 429 that carried neither header; default 5 s. */
  penaltyPauseMs?: number
  clock?: Clock
}

export interface MonacoRateLimiterStats {
  started: number
  inFlight: number
  queued: number
  maxConcurrent: number
  windows: WindowUsage[]
  rateLimitedCount: number
  /** Epoch ms until which no request starts, or null. */
  pausedUntil: number | null
}

export type { Release }

export interface MonacoRateLimiter {
  acquire(signal?: AbortSignal): Promise<Release>
  /** Report a 429: every request of the org waits `retryAfterMs` (or the penalty pause). */
  noteRateLimited(retryAfterMs?: number | null, requestedWaitMs?: number | null): void
  stats(): MonacoRateLimiterStats
}

export function monacoBudget(options: MonacoRateLimiterOptions = {}): RequestWindow[] {
  const fraction = options.budgetFraction ?? DEFAULT_BUDGET_FRACTION
  if (!(fraction > 0 && fraction <= 1)) {
    throw new RangeError(`The budget fraction must be in (0, 1]; got ${fraction}.`)
  }
  const perMinute = options.perMinute ?? Math.floor(MONACO_DOCUMENTED_PER_MINUTE * fraction)
  const perHour = options.perHour ?? Math.floor(MONACO_DOCUMENTED_PER_HOUR * fraction)
  check('per-minute', perMinute, MONACO_DOCUMENTED_PER_MINUTE)
  check('per-hour', perHour, MONACO_DOCUMENTED_PER_HOUR)
  return [
    { limit: perMinute, windowMs: MINUTE_MS },
    { limit: perHour, windowMs: HOUR_MS }
  ]
}

function check(name: string, value: number, documented: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`The ${name} budget must be a whole number ≥ 1; got ${value}.`)
  }
  if (value > documented) {
    throw new RangeError(
      `Monaco allows at most ${documented} requests ${name} per organization; ${value} was configured.`
    )
  }
}

export function createMonacoRateLimiter(options: MonacoRateLimiterOptions = {}): MonacoRateLimiter {
  const log = createWindowLog(monacoBudget(options))
  const maxConcurrent = options.maxConcurrent ?? 4
  if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
    throw new RangeError(`The concurrency cap must be a whole number ≥ 1; got ${maxConcurrent}.`)
  }
  const penaltyPauseMs = options.penaltyPauseMs ?? 5_000
  const clock = options.clock ?? systemClock

  let pausedUntil = Number.NEGATIVE_INFINITY
  /** When Monaco wanted the pause to end (later than pausedUntil if Revdesk capped it). */
  let requestedUntil = Number.NEGATIVE_INFINITY
  let rateLimitedCount = 0

  /** How long until the head may start: the pause and the sliding windows both hold it. */
  function waitMs(now: number): number {
    return Math.max(pausedUntil - now, log.delayMs(now), 0)
  }

  function pausedError(wait: number, requestedMs: number): RateLimitedError {
    return asMonacoError(
      new RateLimitedError({
        status: null,
        retryAfterMs: capServerWait(wait),
        requestedWaitMs: requestedMs
      })
    )
  }

  const queue = createAdmissionQueue(maxConcurrent, clock, {
    refusal(now) {
      const wait = waitMs(now)
      if (wait <= LONGEST_SILENT_WAIT_MS) return null
      const requested = Math.max(requestedUntil - now, wait)
      return () => pausedError(wait, requested)
    },
    waitMs,
    grant: (now) => log.record(now),
    cancelled: () => asMonacoError(new CancelledError(false))
  })

  return {
    acquire: (signal) => queue.acquire(signal),

    noteRateLimited(retryAfterMs, requestedWaitMs) {
      const now = clock.now()
      rateLimitedCount += 1
      const pauseMs = retryAfterMs ?? penaltyPauseMs
      pausedUntil = Math.max(pausedUntil, now + capServerWait(pauseMs))
      requestedUntil = Math.max(requestedUntil, now + (requestedWaitMs ?? pauseMs))
      queue.pump()
    },

    stats() {
      const now = clock.now()
      return {
        ...queue.counts(),
        maxConcurrent,
        windows: log.usage(now),
        rateLimitedCount,
        pausedUntil: pausedUntil > now ? pausedUntil : null
      }
    }
  }
}
