import { z } from 'zod'
import type { Account } from '../../../shared/domain'
import { optionalString, text } from './fields'

/** `GET /v1/account`. */
export const wireAccountSchema = z.object({
  name: text,
  currency: optionalString,
  time_zone: optionalString,
  week_start_on: optionalString
})

export type WireAccount = z.output<typeof wireAccountSchema>

export function mapAccount(wire: WireAccount): Account {
  return {
    name: wire.name,
    currency: wire.currency,
    timeZone: wire.time_zone,
    weekStartOn: wire.week_start_on
  }
}

/** `GET /v1/ping` → `{"data":"pong!"}`. */
export const wirePingSchema = z.object({ data: z.string() })
