import { z } from 'zod'

/**
 * Monaco-specific building blocks. The provider-neutral ones (optionalString, timestamp, …)
 * are imported from the ChartMogul wire layer until they move to a shared place.
 */

/**
 * A calendar date. The OpenAPI types these as plain strings documented `YYYY-MM-DD`; a
 * date-time is tolerated and cut to its date (the day is what the field means), anything else
 * is an issue. Absent or null → null.
 */
export const lenientCalendarDate = z
  .string()
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined || value.trim() === '') return null
    const match = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim())
    if (match?.[1] === undefined || Number.isNaN(Date.parse(match[1]))) {
      ctx.addIssue({ code: 'custom', message: `not a YYYY-MM-DD date: "${value}"` })
      return z.NEVER
    }
    return match[1]
  })

/** A boolean the API may omit or null; absent means `fallback`. */
export function flag(fallback: boolean) {
  return z
    .boolean()
    .nullish()
    .transform((value) => value ?? fallback)
}
