import { z } from 'zod'
import type { MonacoMoney } from '../models'

/**
 * `EstimatedValue` is `{currency_code: string|null, amount: integer|null}`, and the OpenAPI
 * describes `amount` as the "Unit quantity of the specified currency": a whole number of
 * *major* units (its example, 50000 USD for an enterprise licence, reads as $50,000). Revdesk
 * keeps integer minor units, so amounts are scaled by the currency's minor-unit digits (ISO
 * 4217, from Intl: 2 for USD, 0 for JPY, 3 for KWD).
 *
 * UNCONFIRMED: a vendor docs page shows 5000000 for the same kind of deal, which would be
 * cents. If Monaco turns out to send minor units, WIRE_AMOUNT_UNIT is the one switch.
 */
export const WIRE_AMOUNT_UNIT: 'major' | 'minor' = 'major'

/** Minor-unit digits of an ISO 4217 code, or null when the code is not one. */
export function minorUnitDigits(currency: string): number | null {
  if (!/^[A-Z]{3}$/.test(currency)) return null
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number
  } catch {
    return null
  }
}

function scale(currency: string): number | null {
  if (WIRE_AMOUNT_UNIT === 'minor') return 1
  const digits = minorUnitDigits(currency)
  return digits === null ? null : 10 ** digits
}

/**
 * Read side. Null or empty → null. An amount without a currency (or with one that is not an
 * ISO code) cannot be put in minor units, so it is an issue: the record is reported as
 * skipped rather than stored with a guessed scale.
 */
export const wireEstimatedValueSchema = z
  .object({
    currency_code: z.string().nullish(),
    amount: z.number().int('must be a whole number').nullish()
  })
  .nullish()
  .transform((value, ctx): MonacoMoney | null => {
    if (value === null || value === undefined) return null
    const amount = value.amount ?? null
    if (amount === null) return null
    const currency = (value.currency_code ?? '').trim().toUpperCase()
    const factor = scale(currency)
    if (factor === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['currency_code'],
        message: `an amount needs an ISO 4217 currency code; got "${value.currency_code ?? ''}"`
      })
      return z.NEVER
    }
    const amountMinor = amount * factor
    if (!Number.isSafeInteger(amountMinor)) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'amount is too large' })
      return z.NEVER
    }
    return { amountMinor, currency }
  })

export interface WireEstimatedValue {
  currency_code: string
  amount: number
}

/**
 * Write side: minor units back to Monaco's whole units. Returns a sentence instead when the
 * amount cannot be expressed (cents on a currency Monaco only takes whole units of).
 */
export function toWireEstimatedValue(
  money: MonacoMoney
): { ok: true; value: WireEstimatedValue } | { ok: false; message: string } {
  const currency = money.currency.trim().toUpperCase()
  const factor = scale(currency)
  if (factor === null) {
    return { ok: false, message: `“${money.currency}” is not an ISO 4217 currency code.` }
  }
  if (!Number.isSafeInteger(money.amountMinor)) {
    return { ok: false, message: 'The amount must be a whole number of minor units.' }
  }
  if (money.amountMinor % factor !== 0) {
    return {
      ok: false,
      message: `Monaco takes whole ${currency} amounts; remove the fractional part.`
    }
  }
  return { ok: true, value: { currency_code: currency, amount: money.amountMinor / factor } }
}
