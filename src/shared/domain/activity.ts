import type { Cents } from './money'

/** MRR movement types; also the values the activities list accepts as its `type` filter. */
export const ACTIVITY_TYPES = [
  'new_biz',
  'reactivation',
  'expansion',
  'contraction',
  'churn'
] as const

export type KnownActivityType = (typeof ACTIVITY_TYPES)[number]
export type ActivityType = KnownActivityType | (string & {})

/** One MRR movement of one customer (a row of ChartMogul's activity log). */
export interface Activity {
  uuid: string
  /** ISO-8601 UTC timestamp. */
  date: string
  type: ActivityType
  /** The customer's MRR after this movement. */
  mrrCents: Cents
  /** The change in MRR this movement caused (negative for churn/contraction). */
  mrrMovementCents: Cents
  arrCents: Cents
  currency: string | null
  /** Human-readable, e.g. "purchased the Silver plan". */
  description: string | null
  customerUuid: string | null
  customerName: string | null
  customerExternalId: string | null
  planExternalId: string | null
  subscriptionExternalId: string | null
  subscriptionSetExternalId: string | null
  /** The data source (billing connector) the movement came from. */
  dataSourceUuid: string | null
}
