/** The ChartMogul account behind an API key: shown offline and used to format amounts. */
export interface Account {
  name: string
  /** ISO-4217 reporting currency, e.g. `EUR`. */
  currency: string | null
  /** IANA zone, e.g. `Europe/Berlin`. */
  timeZone: string | null
  /** `sunday` or `monday`. */
  weekStartOn: string | null
}
