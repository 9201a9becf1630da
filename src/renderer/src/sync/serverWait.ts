/**
 * A wait ChartMogul asked for (429 with `Retry-After`), as the page learns it: from the
 * `rate_limited` error of the request it refused. Main waits out short pauses itself and hands
 * longer ones here (src/shared/sync/serverWait.ts), so the engine's own timer — visible, and
 * stopped by Cancel — does the waiting. Errors carry the wait, so no extra bridge event is
 * needed: the request that has to wait is always the one that learns about it.
 */
import { errorKind } from '../lib/errorKinds'

export { LONGEST_SILENT_WAIT_MS } from '../../../shared/sync/serverWait'

export interface ServerWait {
  /** What Revdesk waits (main already capped it). */
  waitMs: number
  /** What ChartMogul asked for (≥ waitMs). */
  requestedMs: number
}

/** What the status bar shows while a sync waits for ChartMogul. Epoch ms. */
export interface RateLimitWait {
  /** When Revdesk tries again. */
  retryAt: number
  /** When ChartMogul asked Revdesk to wait until (later than retryAt if Revdesk capped it). */
  requestedUntil: number
}

export function serverWaitOf(error: unknown): ServerWait | null {
  if (errorKind(error) !== 'rate_limited') return null
  const { retryAfterMs, requestedWaitMs } = error as {
    retryAfterMs?: unknown
    requestedWaitMs?: unknown
  }
  if (!isWait(retryAfterMs)) return null
  return {
    waitMs: retryAfterMs,
    requestedMs: isWait(requestedWaitMs) ? Math.max(requestedWaitMs, retryAfterMs) : retryAfterMs
  }
}

function isWait(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
}
