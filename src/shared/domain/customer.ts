import type { Cents } from './money'

/**
 * Customer statuses as ChartMogul displays them. The list filter spells them with underscores
 * (`New_Lead`); records carry the display form (`New Lead`), which is what we keep.
 */
export const CUSTOMER_STATUSES = [
  'Active',
  'Cancelled',
  'Past Due',
  'New Lead',
  'Working Lead',
  'Qualified Lead',
  'Unqualified Lead'
] as const

export type KnownCustomerStatus = (typeof CUSTOMER_STATUSES)[number]

/** A known status, or whatever new one ChartMogul starts sending (kept, not dropped). */
export type CustomerStatus = KnownCustomerStatus | (string & {})

/** The postal address block, as entered in the billing system (names, not codes). */
export interface CustomerAddress {
  country: string | null
  state: string | null
  city: string | null
  zip: string | null
}

export interface Customer {
  /** ChartMogul's numeric id (appears in the app's URLs); null if the API omits it. */
  id: number | null
  /** Stable identifier (`cus_…`); the key everything else refers to. */
  uuid: string
  /** The primary id in the billing system. */
  externalId: string | null
  /** All billing-system ids, including those of merged customers. */
  externalIds: string[]
  name: string
  email: string
  company: string
  status: CustomerStatus | null
  /** ISO-8601 UTC timestamp of the first paid subscription, or null for leads. */
  customerSince: string | null
  /** Country / state as ISO codes where the source provided them. */
  country: string | null
  state: string | null
  city: string | null
  zip: string | null
  address: CustomerAddress
  tags: string[]
  customAttributes: Record<string, unknown>
  /** Attributes synced from Stripe / Clearbit, passed through untouched. */
  stripeAttributes: Record<string, unknown>
  clearbitAttributes: Record<string, unknown>
  mrrCents: Cents
  arrCents: Cents
  /** ISO-4217 code and symbol of the account's reporting currency (e.g. `EUR`, `€`). */
  currency: string | null
  currencySign: string | null
  billingSystemType: string | null
  billingSystemUrl: string | null
  chartmogulUrl: string | null
  dataSourceUuid: string | null
  dataSourceUuids: string[]
  /** Email of the ChartMogul user who owns the customer, or null. */
  owner: string | null
  websiteUrl: string | null
  leadCreatedAt: string | null
  freeTrialStartedAt: string | null
}
