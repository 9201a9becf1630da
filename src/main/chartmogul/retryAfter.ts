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
