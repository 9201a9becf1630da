import { LONGEST_SILENT_WAIT_MS } from '../../shared/sync/serverWait'
import { sleep, type Clock } from './clock'
import {
  BadResponseError,
  CancelledError,
  ChartMogulError,
  NetworkError,
  OfflineError,
  OutcomeUnknownError,
  type SentRequest
} from './errors'
import type { HttpMethod } from './http'

/**
 * Retries transient failures with exponential backoff and full jitter, inside a bounded,
 * cancellable budget.
 *
 * Reads (GET) and idempotent writes (PATCH with the fields' final values, DELETE) are retried
 * on network errors, timeouts, 429, 5xx and bodies that are not JSON at all (garbled or cut
 * short); not on a well-formed body of the wrong shape, which would only come again.
 *
 * A create (POST) is never repeated unless the failure proves ChartMogul did not process it:
 *  - 429: the rate limiter turned it away before it ran → retried (after Retry-After);
 *  - 503: ChartMogul documents it as "too many parallel connections", i.e. refused at the
 *    door, and gateways answer 503 without forwarding → retried;
 *  - DNS failure, refused connection, TLS handshake failure: no byte of the request left this
 *    machine → retried.
 * Anything else after the request may have been sent — timeout, reset connection, truncated
 * or unreadable response, 500/502/504 (the server or a gateway had the request and we cannot
 * tell whether the insert committed), cancellation while in flight — becomes
 * OutcomeUnknownError carrying the body, and the caller must reconcile before re-sending.
 * A 4xx other than 429 is a definitive refusal and is thrown as is for every method.
 */

export interface RetryPolicy {
  /** Attempts in total, including the first. 1 disables retrying. */
  maxAttempts: number
  /** No new attempt starts (and no sleep is begun) past this much time since the first. */
  maxElapsedMs: number
  /** The backoff ceiling for retry n is min(maxDelayMs, baseDelayMs × 2^(n-1)). */
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  maxElapsedMs: 120_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000
}

export interface AttemptInfo {
  /** 1 for the first attempt. */
  attempt: number
  /** Why the previous attempt failed (null on the first). */
  previousError: ChartMogulError | null
}

export interface RetryEvent {
  attempt: number
  error: ChartMogulError
  delayMs: number
}

export interface RetryOptions {
  method: HttpMethod
  /** What is being sent; carried by OutcomeUnknownError for a create. */
  request: SentRequest
  policy?: RetryPolicy
  signal?: AbortSignal
  clock: Clock
  /** [0, 1), injectable for deterministic tests. */
  random?: () => number
  /** Observes each scheduled retry (logging, tests). */
  onRetry?: (event: RetryEvent) => void
}

type Decision = 'retry' | 'fail' | 'outcome-unknown'

export function decide(method: HttpMethod, error: ChartMogulError): Decision {
  const create = method === 'POST'
  switch (error.kind) {
    case 'RateLimited':
      return 'retry'
    case 'Offline':
    case 'Network':
      return create && sentOf(error) ? 'outcome-unknown' : 'retry'
    case 'Timeout':
      return create ? 'outcome-unknown' : 'retry'
    case 'Server':
      if (!create) return 'retry'
      return error.status === 503 ? 'retry' : 'outcome-unknown'
    case 'BadResponse':
      // A 2xx we cannot read means a create happened but we do not know what it produced.
      if (create) return isSuccess(error.status) ? 'outcome-unknown' : 'fail'
      // Garbled bytes may not come again; a well-formed body of the wrong shape will.
      return error instanceof BadResponseError && error.unparseable ? 'retry' : 'fail'
    case 'Cancelled':
      return create && error instanceof CancelledError && error.inFlight
        ? 'outcome-unknown'
        : 'fail'
    default:
      return 'fail'
  }
}

/** Full jitter: uniform in [0, ceiling), but never sooner than the server asked. */
export function backoffDelay(
  retryNumber: number,
  retryAfterMs: number | null,
  policy: RetryPolicy,
  random: () => number
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1))
  const jittered = Math.floor(random() * ceiling)
  return retryAfterMs === null ? jittered : Math.max(retryAfterMs, jittered)
}

export async function withRetry<T>(
  operation: (info: AttemptInfo) => Promise<T>,
  options: RetryOptions
): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY
  const random = options.random ?? Math.random
  const { clock, signal } = options
  const startedAt = clock.now()
  let previousError: ChartMogulError | null = null

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw withAttempts(new CancelledError(false), attempt - 1)
    let error: ChartMogulError
    try {
      return await operation({ attempt, previousError })
    } catch (thrown) {
      // Anything that is not a ChartMogulError is a bug in our code: never retried.
      if (!(thrown instanceof ChartMogulError)) throw thrown
      error = withAttempts(thrown, attempt)
    }

    const decision = decide(options.method, error)
    if (decision === 'outcome-unknown') {
      throw withAttempts(new OutcomeUnknownError(options.request, error), attempt)
    }
    if (decision === 'fail' || attempt >= policy.maxAttempts) throw error

    // A long server-requested wait is the caller's to wait, visibly (shared/sync/serverWait.ts).
    if (error.retryAfterMs !== null && error.retryAfterMs > LONGEST_SILENT_WAIT_MS) throw error
    const delayMs = backoffDelay(attempt, error.retryAfterMs, policy, random)
    // Out of budget: surface the last real error rather than sleep past the deadline.
    if (clock.now() - startedAt + delayMs >= policy.maxElapsedMs) throw error

    options.onRetry?.({ attempt, error, delayMs })
    try {
      await sleep(clock, delayMs, signal)
    } catch (cancelled) {
      if (cancelled instanceof ChartMogulError) throw withAttempts(cancelled, attempt)
      throw cancelled
    }
    previousError = error
  }
}

function withAttempts<E extends ChartMogulError>(error: E, attempts: number): E {
  error.attempts = attempts
  return error
}

/** Whether a transport failure may have delivered the request (unknown counts as yes). */
function sentOf(error: ChartMogulError): boolean {
  return error instanceof NetworkError || error instanceof OfflineError ? error.sent : true
}

function isSuccess(status: number | null): boolean {
  return status !== null && status >= 200 && status <= 299
}
