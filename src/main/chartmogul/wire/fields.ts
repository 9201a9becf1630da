import { z } from 'zod'

/**
 * Building blocks for the wire schemas: lenient about absence (null, missing, "" where the
 * API is inconsistent), strict about types we compute with (money, dates, ids).
 */

/** A string the API may omit or null; normalized to `string | null`. */
export const optionalString = z
  .string()
  .nullish()
  .transform((value) => value ?? null)

/** A string shown as text (name, email): absent means empty. */
export const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '')

/** A required identifier. */
export const id = z.string().min(1, 'must be a non-empty id')

/** Integer minor units; ChartMogul never sends fractional cents. */
export const cents = z.number().int('must be whole cents')

export const stringList = z
  .array(z.string())
  .nullish()
  .transform((value) => value ?? [])

export const looseRecord = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((value) => value ?? {})

const TIMESTAMP_SHAPE =
  /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i

/**
 * An ISO-8601 date-time in any offset, normalized to UTC `…Z` so cached rows sort and compare
 * as strings. (ChartMogul mixes `+00:00` and `.000Z` forms.)
 */
export const timestamp = z.string().transform((value, ctx) => {
  const ms = TIMESTAMP_SHAPE.test(value.trim()) ? Date.parse(value.trim()) : Number.NaN
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: `not an ISO-8601 date-time: "${value}"` })
    return z.NEVER
  }
  return new Date(ms).toISOString()
})

export const optionalTimestamp = timestamp.nullish().transform((value) => value ?? null)

/** A calendar date `YYYY-MM-DD`, kept as is (no time zone to normalize). */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date')

/**
 * ChartMogul spells keys with hyphens in some resources (`customer-since`, `activity-mrr`)
 * and underscores in others; schemas are written with underscores and accept either.
 */
export function acceptingHyphenatedKeys<T extends z.ZodType>(schema: T) {
  return z.preprocess((raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.replaceAll('-', '_'), v]))
  }, schema)
}
