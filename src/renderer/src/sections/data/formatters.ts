/** How cached values read in a grid: money from cents in its currency, dates in the user's locale. */
import type { ValueFormatterParams } from 'ag-grid-community'

const moneyFormats = new Map<string, Intl.NumberFormat>()

export function formatCents(
  cents: number | null | undefined,
  currency: string | null | undefined
): string {
  if (cents === null || cents === undefined) return ''
  const code = currency && /^[A-Z]{3}$/.test(currency) ? currency : 'USD'
  let format = moneyFormats.get(code)
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency: code })
    moneyFormats.set(code, format)
  }
  return format.format(cents / 100)
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
// A calendar date (`YYYY-MM-DD`) is the same day everywhere: format it at UTC midnight in UTC,
// so it never shows as the day before west of Greenwich.
const calendarDateFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeZone: 'UTC'
})

/** Timestamps on the user's local day; calendar dates as they are. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return ''
  const calendar = value.length === 10
  const date = new Date(calendar ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime())) return value
  return (calendar ? calendarDateFormat : dateFormat).format(date)
}

/** "42%"; blank when unknown. */
export function formatPercent(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? `${value}%` : ''
}

export const centsFormatter = (params: ValueFormatterParams): string =>
  formatCents(
    params.value as number | null,
    (params.data as { currency?: string } | undefined)?.currency
  )

export const dateFormatter = (params: ValueFormatterParams): string =>
  formatDate(params.value as string | null)
