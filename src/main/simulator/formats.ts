/**
 * The timestamp spellings ChartMogul uses on the wire. They differ per resource, and clients
 * parse them, so each one is reproduced exactly as recorded rather than "any ISO-8601".
 */

const DAY_MS = 86_400_000

/** Activities and `customer-since`: `2016-01-01T12:00:00+00:00` (seconds, explicit offset). */
export function isoSecondsOffset(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + '+00:00'
}

/** Opportunities, `lead_created_at`: `2024-03-18T17:15:56.960Z` (milliseconds, Z). */
export function isoMillisZ(ms: number): string {
  return new Date(ms).toISOString()
}

/** The timestamp half of a base64 cursor: `2024-03-11T06:38:47.879646000Z` (9-digit fraction). */
export function rfc3339Nanos(ms: number): string {
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 23)}000000Z`
}

/** `estimated_close_date`: `2024-03-30`. */
export function ymd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Whole UTC days, so generated dates never carry sub-day noise where the API shows dates. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS
}

export function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/

/** Parses a strict calendar date (rejects 2024-02-30); returns epoch ms at UTC midnight or null. */
export function parseYmd(value: string): number | null {
  const m = YMD.exec(value)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(year, month - 1, day)
  const d = new Date(ms)
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return null
  }
  return ms
}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i

/**
 * `start-date` / `end-date` on activities: "an ISO 8601 formatted time. The timezone defaults to
 * UTC unless otherwise specified. The time defaults to 00:00:00" (API docs).
 */
export function parseIsoParam(value: string): number | null {
  const dateOnly = parseYmd(value)
  if (dateOnly !== null) return dateOnly
  if (!ISO_DATETIME.test(value)) return null
  if (parseYmd(value.slice(0, 10)) === null) return null
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value)
  const ms = Date.parse(hasZone ? value : `${value.replace(' ', 'T')}Z`)
  return Number.isNaN(ms) ? null : ms
}
