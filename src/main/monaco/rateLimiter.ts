import { LONGEST_SILENT_WAIT_MS } from '../../shared/sync/serverWait'
import { systemClock, type Clock } from '../chartmogul/clock'
import { CancelledError, RateLimitedError } from '../chartmogul/errors'
import { capServerWait } from '../chartmogul/retryAfter'
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

export type Release = () => void

export interface MonacoRateLimiter {
  acquire(signal?: AbortSignal): Promise<Release>
  /** Report a 429: every request of the org waits `retryAfterMs` (or the penalty pause). */
  noteRateLimited(retryAfterMs?: number | null, requestedWaitMs?: number | null): void
  stats(): MonacoRateLimiterStats
}

interface Waiter {
  resolve: (release: Release) => void
  reject: (error: unknown) => void
  detach: () => void
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
  let inFlight = 0
  let started = 0
  let rateLimitedCount = 0
  const queue: Waiter[] = []
  let timer: unknown = null

  function schedule(delayMs: number): void {
    if (timer !== null) clock.clearTimeout(timer)
    timer = clock.setTimeout(
      () => {
        timer = null
        pump()
      },
      Math.max(1, Math.ceil(delayMs))
    )
  }

  function refuseAll(waitMs: number, requestedMs: number): void {
    for (const waiter of queue.splice(0)) {
      waiter.detach()
      waiter.reject(
        asMonacoError(
          new RateLimitedError({
            status: null,
            retryAfterMs: capServerWait(waitMs),
            requestedWaitMs: requestedMs
          })
        )
      )
    }
  }

  function pump(): void {
    while (queue.length > 0) {
      const now = clock.now()
      const pauseLeft = pausedUntil - now
      const budgetWait = log.delayMs(now)
      const wait = Math.max(pauseLeft, budgetWait, 0)
      if (wait > LONGEST_SILENT_WAIT_MS) {
        const requested = Math.max(requestedUntil - now, wait)
        return refuseAll(wait, requested)
      }
      if (inFlight >= maxConcurrent) return // a release pumps again
      if (wait > 0) return schedule(wait)
      log.record(now)
      inFlight += 1
      started += 1
      const waiter = queue.shift() as Waiter
      waiter.detach()
      waiter.resolve(makeRelease())
    }
  }

  function makeRelease(): Release {
    let released = false
    return () => {
      if (released) return
      released = true
      inFlight -= 1
      pump()
    }
  }

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(asMonacoError(new CancelledError(false)))
      return new Promise<Release>((resolve, reject) => {
        const onAbort = () => {
          const index = queue.indexOf(waiter)
          if (index >= 0) queue.splice(index, 1)
          reject(asMonacoError(new CancelledError(false)))
          pump()
        }
        const waiter: Waiter = {
          resolve,
          reject,
          detach: () => signal?.removeEventListener('abort', onAbort)
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        queue.push(waiter)
        pump()
      })
    },

    noteRateLimited(retryAfterMs, requestedWaitMs) {
      const now = clock.now()
      rateLimitedCount += 1
      const pauseMs = retryAfterMs ?? penaltyPauseMs
      pausedUntil = Math.max(pausedUntil, now + capServerWait(pauseMs))
      requestedUntil = Math.max(requestedUntil, now + (requestedWaitMs ?? pauseMs))
      pump()
    },

    stats() {
      const now = clock.now()
      return {
        started,
        inFlight,
        queued: queue.length,
        maxConcurrent,
        windows: log.usage(now),
        rateLimitedCount,
        pausedUntil: pausedUntil > now ? pausedUntil : null
      }
    }
  }
}
