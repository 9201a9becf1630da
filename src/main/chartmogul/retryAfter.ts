/**
 * `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). ChartMogul has
 * never been seen sending it, but proxies and future API versions may; when present it is the
 * best information we have. Returns milliseconds to wait (≥ 0) or null if absent/unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null
  const trimmed = value.trim()
  if (trimmed === '') return null
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  if (/^\d*\.\d+$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000)
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return null
  return Math.max(0, at - nowMs)
}

/**
 * The longest Revdesk waits because a server said so. A header is hostile input: one answer of
 * `Retry-After: 3600` (or an HTTP date far ahead, or a clock that is off) must not stop every
 * request of the workspace for an hour. After this, the usual backoff takes over (AIMD in the
 * rate limiter, the retry policy), and a server still overloaded says so again.
 */
export const MAX_SERVER_REQUESTED_WAIT_MS = 60_000

export interface ServerRequestedWait {
  /** What Revdesk will wait: the request, capped at MAX_SERVER_REQUESTED_WAIT_MS. */
  waitMs: number
  /** What the server asked for, so the user can be told the truth. */
  requestedMs: number
}

/**
 * The wait a `Retry-After` header asks for, capped. Null — the normal backoff applies — when
 * there is no header, it cannot be read, or it asks for no wait at all (a date already past,
 * as a clock running ahead of the server's produces).
 */
export function serverRequestedWait(
  value: string | null | undefined,
  nowMs: number
): ServerRequestedWait | null {
  const requestedMs = parseRetryAfter(value, nowMs)
  if (requestedMs === null || requestedMs <= 0 || !Number.isFinite(requestedMs)) return null
  return { waitMs: capServerWait(requestedMs), requestedMs }
}

/** Any server-requested wait, from wherever it came, bounded the same way. */
export function capServerWait(ms: number): number {
  if (!Number.isFinite(ms)) return MAX_SERVER_REQUESTED_WAIT_MS
  return Math.min(Math.max(0, ms), MAX_SERVER_REQUESTED_WAIT_MS)
}
