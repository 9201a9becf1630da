/**
 * ChartMogul v1 objects exactly as they travel over HTTP: key spelling (hyphen vs underscore),
 * key order and JSON types follow the recorded exchanges in test/fixtures/chartmogul/recorded.
 * These types describe the simulator's output; the app's own domain models live elsewhere and
 * must not import from here.
 */

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export type CustomerStatus =
  | 'Active'
  | 'Cancelled'
  | 'New Lead'
  | 'Past Due'
  | 'Qualified Lead'
  | 'Unqualified Lead'
  | 'Working Lead'

export interface AccountWire {
  name: string
  currency: string
  time_zone: string
  week_start_on: string
}

export interface CustomerAddressWire {
  country: string | null
  state: string | null
  city: string
  address_zip: string | null
}

export interface CustomerWire {
  id: number
  uuid: string
  external_id: string
  name: string
  email: string
  status: CustomerStatus
  'customer-since': string | null
  attributes: {
    custom: Record<string, JsonValue>
    clearbit: Record<string, JsonValue>
    stripe: Record<string, JsonValue>
    tags: string[]
  }
  data_source_uuid: string
  data_source_uuids: string[]
  external_ids: string[]
  company: string
  country: string | null
  state: string | null
  city: string
  zip: string | null
  lead_created_at: string | null
  free_trial_started_at: string | null
  address: CustomerAddressWire
  mrr: number
  arr: number
  'billing-system-url': string | null
  'chartmogul-url': string
  'billing-system-type': string
  currency: string
  'currency-sign': string
  owner: string | null
  /** Present only when the customer has a website (recordings omit the key otherwise). */
  website_url?: string
}

export interface PlanWire {
  external_id: string
  name: string
  interval_count: number
  uuid: string
  interval_unit: 'day' | 'month' | 'year'
  data_source_uuid: string
}

export type ActivityType = 'new_biz' | 'expansion' | 'contraction' | 'churn' | 'reactivation'

export interface ActivityWire {
  description: string
  'activity-mrr-movement': number
  'activity-mrr': number
  'activity-arr': number
  date: string
  type: ActivityType
  currency: string
  'subscription-external-id': string
  'subscription-set-external-id': string
  'plan-external-id': string
  'customer-name': string
  'customer-uuid': string
  'customer-external-id': string
  'billing-connector-uuid': string
  uuid: string
}

export type ForecastCategory = 'pipeline' | 'best_case' | 'committed' | 'lost' | 'won'
export type OpportunityType = 'recurring' | 'one-time'

export interface OpportunityWire {
  uuid: string
  customer_uuid: string
  owner: string
  pipeline: string
  pipeline_stage: string
  estimated_close_date: string
  currency: string
  amount_in_cents: number
  type: OpportunityType
  forecast_category: ForecastCategory
  win_likelihood: number
  custom: Record<string, JsonValue>
  created_at: string
  updated_at: string
}

/** The `{code, message, param}` error envelope used by 400/401/404/429 responses. */
export interface ErrorWire {
  code: number
  message: string
  param: string | null
}

/** One entry of the Rails-style 422 body's `error_details`. */
export interface ErrorDetailWire {
  param: string
  code: string
  message: string
}
