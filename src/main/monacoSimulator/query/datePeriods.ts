/**
 * Semantic periods for `date` fields (`is` / `is_not`): calendar weeks (Monday first),
 * months and quarters in UTC, relative to the server's today. The OpenAPI example lists
 * `previous_week`, `previous_month` and `previous_quarter`; the `this_` and `next_` forms are
 * the simulator's assumption.
 */
import type { AllowedValue } from '../fields/types'

export const DATE_PERIODS: readonly AllowedValue[] = [
  { key: 'previous_week', label: 'Previous week' },
  { key: 'previous_month', label: 'Previous month' },
  { key: 'previous_quarter', label: 'Previous quarter' },
  { key: 'this_week', label: 'This week' },
  { key: 'this_month', label: 'This month' },
  { key: 'this_quarter', label: 'This quarter' },
  { key: 'next_week', label: 'Next week' },
  { key: 'next_month', label: 'Next month' },
  { key: 'next_quarter', label: 'Next quarter' }
]

const DAY_MS = 86_400_000

/** `[start, end)` as `YYYY-MM-DD` strings, so they compare with stored dates directly. */
export function periodRange(key: string, nowMs: number): [string, string] | null {
  const m = /^(previous|this|next)_(week|month|quarter)$/.exec(key)
  if (!m) return null
  const shift = m[1] === 'previous' ? -1 : m[1] === 'this' ? 0 : 1
  const now = new Date(nowMs)
  const y = now.getUTCFullYear()
  const mo = now.getUTCMonth()
  let start: number
  let end: number
  if (m[2] === 'week') {
    const today = Date.UTC(y, mo, now.getUTCDate())
    const monday = today - ((now.getUTCDay() + 6) % 7) * DAY_MS
    start = monday + shift * 7 * DAY_MS
    end = start + 7 * DAY_MS
  } else {
    const span = m[2] === 'month' ? 1 : 3
    const first = m[2] === 'month' ? mo : mo - (mo % 3)
    start = Date.UTC(y, first + shift * span, 1)
    end = Date.UTC(y, first + (shift + 1) * span, 1)
  }
  const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  return [ymd(start), ymd(end)]
}
