/** Axis labels for the MRR chart: compact money and month names. */

const compactMoney = new Map<string, Intl.NumberFormat>()

/** 123456_00 USD → "$123.5K" (in the user's locale). */
export function formatCompactCents(cents: number, currency: string | null): string {
  const code = currency && /^[A-Z]{3}$/.test(currency) ? currency : 'USD'
  let format = compactMoney.get(code)
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: code,
      notation: 'compact',
      maximumFractionDigits: 1
    })
    compactMoney.set(code, format)
  }
  return format.format(cents / 100)
}

const monthFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC'
})

/** Epoch ms → "Mar 2024". */
export function formatMonth(ms: number): string {
  return Number.isFinite(ms) ? monthFormat.format(ms) : ''
}
