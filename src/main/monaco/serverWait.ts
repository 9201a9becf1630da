import {
  capServerWait,
  serverRequestedWait,
  type ServerRequestedWait
} from '../chartmogul/retryAfter'

/**
 * How long Monaco asks Revdesk to wait after a 429. Its docs name two headers: `Retry-After`
 * (seconds, or an HTTP date) and `X-RateLimit-Reset` ("Unix timestamp": when the window
 * resets). When both come, the later wins — a short Retry-After for the per-minute window
 * must not send requests into an hourly window that is still spent. The result is capped like
 * ChartMogul's (MAX_SERVER_REQUESTED_WAIT_MS): a header is hostile input.
 */
export function monacoRequestedWait(
  retryAfter: string | null,
  rateLimitReset: string | null,
  nowMs: number
): ServerRequestedWait | null {
  const fromRetryAfter = serverRequestedWait(retryAfter, nowMs)
  const resetAtMs = parseResetHeader(rateLimitReset, nowMs)
  const resetInMs = resetAtMs === null ? 0 : resetAtMs - nowMs
  // A reset already past (or a clock ahead of Monaco's) asks for no wait at all.
  const fromReset =
    resetInMs > 0 ? { waitMs: capServerWait(resetInMs), requestedMs: resetInMs } : null
  if (fromRetryAfter === null) return fromReset
  if (fromReset === null) return fromRetryAfter
  return fromReset.requestedMs > fromRetryAfter.requestedMs ? fromReset : fromRetryAfter
}

/** Anything below this is read as a delta in seconds, not a date (it would be before 2001). */
const EPOCH_SECONDS_FLOOR = 1_000_000_000
/** Anything above this is epoch milliseconds (seconds would be past the year 33 000). */
const EPOCH_MS_FLOOR = 1_000_000_000_000

/**
 * `X-RateLimit-Reset` as an absolute time (epoch ms), or null. Documented as Unix seconds;
 * servers in the wild also send milliseconds or a delta in seconds, and each reads
 * unambiguously by size (UNCONFIRMED which Monaco sends — only seconds are documented).
 */
export function parseResetHeader(value: string | null, nowMs: number): number | null {
  if (value === null) return null
  const trimmed = value.trim()
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null
  const number = Number(trimmed)
  if (!Number.isFinite(number)) return null
  if (number >= EPOCH_MS_FLOOR) return Math.ceil(number)
  if (number >= EPOCH_SECONDS_FLOOR) return Math.ceil(number * 1000)
  return nowMs + Math.ceil(number * 1000)
}
