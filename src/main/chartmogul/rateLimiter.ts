import { LONGEST_SILENT_WAIT_MS } from '../../shared/sync/serverWait'
import { systemClock, type Clock } from './clock'
import { CancelledError, RateLimitedError } from './errors'
import { capServerWait } from './retryAfter'
import { createAdmissionQueue, type Release } from '../gateway/admissionQueue'

/**
 * One limiter per ChartMogul account (workspace), shared by every request made with its key:
 * ChartMogul counts 40 requests/s and 20 parallel connections per account, so sync, the UI and
 * the outbox must draw from the same budget.
 *
 * - token bucket: `ratePerSecond` sustained, bursts of at most `burst`;
 * - concurrency cap: at most `maxConcurrent` requests in flight;
 * - on a 429 (`noteRateLimited`) it pauses everyone (Retry-After, capped at
 *   MAX_SERVER_REQUESTED_WAIT_MS, or `penaltyPauseMs`) and halves its rate, then regains
 *   `recoveryStep` of the configured rate every `recoveryIntervalMs` without another 429
 *   (AIMD, like TCP);
 * - while a pause longer than LONGEST_SILENT_WAIT_MS lasts, requests are not queued behind it
 *   in silence: they are refused at once with a RateLimitedError saying how long is left, and
 *   the page waits visibly (see shared/sync/serverWait.ts);
 * - every wait is FIFO and abortable.
 */

export const CHARTMOGUL_MAX_RATE_PER_SECOND = 40
export const CHARTMOGUL_MAX_PARALLEL_CONNECTIONS = 20

export interface RateLimiterOptions {
  /** Sustained requests per second; default 20, at most 40 (ChartMogul's documented limit). */
  ratePerSecond?: number
  /**
   * Bucket size. Any one-second window may see `burst + ratePerSecond` requests, so the
   * default is a quarter second of traffic capped to keep that sum ≤ 40 (5 at 20/s, 1 at 40/s).
   */
  burst?: number
  /** Requests in flight at once; default 8, at most 20. */
  maxConcurrent?: number
  /** The rate never drops below this while backing off; default 1/s. */
  minRatePerSecond?: number
  /** How long everyone waits after a 429 that carried no Retry-After; default 1 s. */
  penaltyPauseMs?: number
  /** Default 5 s. */
  recoveryIntervalMs?: number
  /** Fraction of the configured rate regained per interval; default 0.1. */
  recoveryStep?: number
  clock?: Clock
}

export interface RateLimiterStats {
  /** Requests granted since creation. */
  started: number
  inFlight: number
  /** Requests waiting for a token or a slot. */
  queued: number
  currentRatePerSecond: number
  configuredRatePerSecond: number
  maxConcurrent: number
  /** 429s reported since creation. */
  rateLimitedCount: number
  /** Epoch ms until which no request starts, or null. */
  pausedUntil: number | null
}

export type { Release }

export interface RateLimiter {
  /** Resolves when the request may start; rejects with CancelledError if `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<Release>
  /**
   * Report a 429 so every request on this account slows down. `requestedWaitMs` is what the
   * server asked for when Retry-After was capped (only repeated to the user).
   */
  noteRateLimited(retryAfterMs?: number | null, requestedWaitMs?: number | null): void
  stats(): RateLimiterStats
}

/** Consecutive 429s from one burst of parallel requests count as one signal. */
const HALVING_COOLDOWN_MS = 1_000

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const configuredRate = options.ratePerSecond ?? 20
  const maxConcurrent = options.maxConcurrent ?? 8
  const minRate = options.minRatePerSecond ?? 1
  const penaltyPauseMs = options.penaltyPauseMs ?? 1_000
  const recoveryIntervalMs = options.recoveryIntervalMs ?? 5_000
  const recoveryStep = options.recoveryStep ?? 0.1
  // Any one-second window can see burst + rate requests: keep that within ChartMogul's 40.
  const burst =
    options.burst ??
    Math.max(
      1,
      Math.min(Math.ceil(configuredRate / 4), CHARTMOGUL_MAX_RATE_PER_SECOND - configuredRate)
    )
  const clock = options.clock ?? systemClock
  validate({ configuredRate, maxConcurrent, minRate, burst, recoveryStep, recoveryIntervalMs })

  let currentRate = configuredRate
  let tokens = burst
  let lastRefillAt = clock.now()
  let lastRateChangeAt = lastRefillAt
  let lastHalvingAt = Number.NEGATIVE_INFINITY
  let pausedUntil = Number.NEGATIVE_INFINITY
  /** When the server wanted the pause to end (later than pausedUntil if Revdesk capped it). */
  let requestedUntil = Number.NEGATIVE_INFINITY
  let rateLimitedCount = 0

  function recover(now: number): void {
    if (currentRate >= configuredRate) return
    const steps = Math.floor((now - lastRateChangeAt) / recoveryIntervalMs)
    if (steps <= 0) return
    currentRate = Math.min(configuredRate, currentRate + steps * configuredRate * recoveryStep)
    lastRateChangeAt += steps * recoveryIntervalMs
  }

  function refill(now: number): void {
    recover(now)
    // No tokens accrue while paused.
    const from = Math.max(lastRefillAt, Math.min(pausedUntil, now))
    const capacity = Math.max(1, Math.min(burst, currentRate))
    tokens = Math.min(capacity, tokens + ((now - from) / 1000) * currentRate)
    lastRefillAt = now
  }

  /** The error a request gets instead of a place in the queue while a long pause lasts. */
  function pausedError(now: number): RateLimitedError {
    return new RateLimitedError({
      status: null,
      retryAfterMs: pausedUntil - now,
      requestedWaitMs: Math.max(pausedUntil, requestedUntil) - now
    })
  }

  const queue = createAdmissionQueue(maxConcurrent, clock, {
    refusal: (now) => (pausedUntil - now > LONGEST_SILENT_WAIT_MS ? () => pausedError(now) : null),
    waitMs(now) {
      refill(now)
      if (now < pausedUntil) return pausedUntil - now
      // Tolerate float dust so a timer that fires "on time" does not re-arm for 1 ms.
      if (tokens < 1 - 1e-9) return ((1 - tokens) / currentRate) * 1000
      return 0
    },
    grant() {
      tokens = Math.max(0, tokens - 1)
    },
    cancelled: () => new CancelledError(false)
  })

  return {
    acquire: (signal) => queue.acquire(signal),

    noteRateLimited(retryAfterMs, requestedWaitMs) {
      const now = clock.now()
      refill(now)
      rateLimitedCount += 1
      const pauseMs =
        retryAfterMs === null || retryAfterMs === undefined ? penaltyPauseMs : retryAfterMs
      pausedUntil = Math.max(pausedUntil, now + capServerWait(pauseMs))
      requestedUntil = Math.max(requestedUntil, now + (requestedWaitMs ?? pauseMs))
      tokens = 0
      if (now - lastHalvingAt >= HALVING_COOLDOWN_MS) {
        currentRate = Math.max(minRate, currentRate / 2)
        lastHalvingAt = now
      }
      lastRateChangeAt = now
      queue.pump()
    },

    stats() {
      const now = clock.now()
      refill(now)
      return {
        ...queue.counts(),
        currentRatePerSecond: currentRate,
        configuredRatePerSecond: configuredRate,
        maxConcurrent,
        rateLimitedCount,
        pausedUntil: pausedUntil > now ? pausedUntil : null
      }
    }
  }
}

function validate(config: {
  configuredRate: number
  maxConcurrent: number
  minRate: number
  burst: number
  recoveryStep: number
  recoveryIntervalMs: number
}): void {
  const { configuredRate, maxConcurrent, minRate, burst, recoveryStep, recoveryIntervalMs } = config
  if (!Number.isFinite(configuredRate) || configuredRate <= 0) {
    throw new RangeError(`The request rate must be a positive number; got ${configuredRate}.`)
  }
  if (configuredRate > CHARTMOGUL_MAX_RATE_PER_SECOND) {
    throw new RangeError(
      `ChartMogul allows at most ${CHARTMOGUL_MAX_RATE_PER_SECOND} requests per second per account; ${configuredRate} was configured.`
    )
  }
  if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
    throw new RangeError(`The concurrency cap must be a whole number ≥ 1; got ${maxConcurrent}.`)
  }
  if (maxConcurrent > CHARTMOGUL_MAX_PARALLEL_CONNECTIONS) {
    throw new RangeError(
      `ChartMogul asks for at most ${CHARTMOGUL_MAX_PARALLEL_CONNECTIONS} parallel connections per account; ${maxConcurrent} was configured.`
    )
  }
  if (!Number.isFinite(minRate) || minRate <= 0 || minRate > configuredRate) {
    throw new RangeError(`The minimum rate must be > 0 and ≤ the rate; got ${minRate}.`)
  }
  if (!Number.isInteger(burst) || burst < 1 || burst > CHARTMOGUL_MAX_RATE_PER_SECOND) {
    throw new RangeError(`The burst must be a whole number from 1 to 40; got ${burst}.`)
  }
  if (!(recoveryStep > 0 && recoveryStep <= 1)) {
    throw new RangeError(`The recovery step must be in (0, 1]; got ${recoveryStep}.`)
  }
  if (!(recoveryIntervalMs > 0)) {
    throw new RangeError(`The recovery interval must be positive; got ${recoveryIntervalMs}.`)
  }
}
