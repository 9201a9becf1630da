/**
 * Money crosses every boundary as an integer number of minor units ("cents"), exactly as
 * ChartMogul sends it, so no float ever touches an amount. Formatting is the UI's business.
 */
export type Cents = number

/** Whether `value` is a whole, JS-safe number of minor units. */
export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value)
}
