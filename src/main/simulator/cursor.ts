/**
 * ChartMogul's cursor formats. Opaque to clients, but reproduced faithfully: base64 of
 * `<RFC3339 with 9-digit fraction>&<id>` for customers, plans and opportunities, and the plain
 * uuid of the last entry for activities. The simulator decodes them back into a sort key, so
 * a walk resumes after the last record seen even when rows were inserted or deleted meanwhile.
 */
import { rfc3339Nanos } from './formats'

export interface TimestampCursor {
  /** Epoch ms of the timestamp half, or null when it was empty (`&132752268`). */
  ms: number | null
  id: string
}

/** `timestampMs` null → empty timestamp half, as recorded for customers without customer-since. */
export function encodeTimestampCursor(timestampMs: number | null, id: string | number): string {
  const stamp = timestampMs === null ? '' : rfc3339Nanos(timestampMs)
  return Buffer.from(`${stamp}&${id}`, 'utf8').toString('base64')
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/

/** Null when the value is not a cursor this simulator could have issued. */
export function decodeTimestampCursor(value: string): TimestampCursor | null {
  if (!BASE64.test(value)) return null
  const text = Buffer.from(value, 'base64').toString('utf8')
  const amp = text.lastIndexOf('&')
  if (amp < 0) return null
  const stamp = text.slice(0, amp)
  const id = text.slice(amp + 1)
  if (id.length === 0) return null
  if (stamp === '') return { ms: null, id }
  if (!STAMP.test(stamp)) return null
  // Fractions beyond milliseconds are always zero in simulator cursors.
  const ms = Date.parse(`${stamp.slice(0, 23)}Z`)
  return Number.isNaN(ms) ? null : { ms, id }
}
