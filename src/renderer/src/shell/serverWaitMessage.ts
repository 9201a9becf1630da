import { formatHourMinute } from '../lib/hourMinute'
import type { RateLimitWait } from '../sync'

/**
 * What the status bar says while a sync waits for ChartMogul. Revdesk waits at most a minute
 * whatever the server asks, so when ChartMogul asked for longer both times are given: each
 * sentence stays true.
 */
export function serverWaitMessage(
  wait: RateLimitWait,
  format: (ms: number) => string = formatHourMinute,
  provider = 'ChartMogul'
): string {
  const retryAt = format(wait.retryAt)
  const askedUntil = format(wait.requestedUntil)
  return askedUntil === retryAt
    ? `${provider} asked us to wait until ${retryAt}.`
    : `${provider} asked us to wait until ${askedUntil}; Revdesk will try again at ${retryAt}.`
}
