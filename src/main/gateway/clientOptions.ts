import type { Clock } from '../chartmogul/clock'
import type { RetryEvent, RetryPolicy } from '../chartmogul/retry'
import type { FetchLike } from './httpAttempt'

/** What every provider's gateway client takes besides its key, address and rate limiter. */
export interface GatewayTransportOptions {
  /** Per attempt, covering connect, headers and body. Default 30 s. */
  timeoutMs?: number
  /** Overrides of the default policy (6 attempts, 2 min budget, 1 s…30 s full-jitter backoff). */
  retry?: Partial<RetryPolicy>
  fetch?: FetchLike
  /** Default `Revdesk/dev`; main passes `Revdesk/<app version>`. */
  userAgent?: string
  clock?: Clock
  random?: () => number
  /** Observes every scheduled retry, e.g. for logging. */
  onRetry?: (event: RetryEvent & { method: string; path: string }) => void
}

/** Per call, for any provider's gateway. */
export interface GatewayCallOptions {
  signal?: AbortSignal
  /** Per-call policy overrides (e.g. no retries for an interactive check). */
  retry?: Partial<RetryPolicy>
}
