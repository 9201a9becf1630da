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

export function formatDate(value: string | null | undefined): string {
  if (!value) return ''
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date)
}

export const centsFormatter = (params: ValueFormatterParams): string =>
  formatCents(
    params.value as number | null,
    (params.data as { currency?: string } | undefined)?.currency
  )

export const dateFormatter = (params: ValueFormatterParams): string =>
  formatDate(params.value as string | null)
