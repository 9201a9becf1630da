/**
 * The shape of a generated ChartMogul account. Records are wire-shaped (exactly what the API
 * returns); facts the API never shows but the simulator needs — plan creation times and numeric
 * ids for cursors, plan prices for MRR — ride alongside in `planMeta`/`dataSources`.
 */
import type { AccountWire, ActivityWire, CustomerWire, OpportunityWire, PlanWire } from './wire'

export interface DatasetOptions {
  seed: number
  /** Default 500. */
  customers?: number
  /** Default: customers/35, clamped to 12..300. Split over the two data sources. */
  plans?: number
  /** Average activities per customer (leads included); default 3. */
  activitiesPerCustomer?: number
  /** Exact total number of activities; wins over `activitiesPerCustomer`. */
  targetActivities?: number
  /** Default: a quarter of the customers. */
  opportunities?: number
  /** First possible `customer-since`; default four years before `now`. */
  startDate?: string | Date
  /**
   * The dataset's "today". Defaults to a fixed instant so that generation never depends on the
   * wall clock; pass the current day to get fresh-looking close dates.
   */
  now?: string | Date
}

export type BillingSystem = 'Stripe' | 'Recurly'

export interface DataSourceInfo {
  uuid: string
  name: string
  /** Value of customers' `billing-system-type` and of the `system` list filter. */
  system: BillingSystem
  created_at: string
}

export interface PlanMeta {
  /** Numeric id, the tie-breaker half of plan cursors. */
  id: number
  /** Creation time (ISO, ms); plans are listed newest first. */
  createdAt: string
  /** MRR contribution of one unit of the plan, in cents. */
  mrrCents: number
}

export interface Dataset {
  seed: number
  now: string
  account: AccountWire
  dataSources: DataSourceInfo[]
  /** CRM users (sales reps) who own opportunities and customers. */
  salesOwners: string[]
  /** Ascending `id`, the API's customer order. */
  customers: CustomerWire[]
  /** Newest first, the API's plan order. */
  plans: PlanWire[]
  planMeta: Record<string, PlanMeta>
  /** Ascending `date`, the API's default activity order. */
  activities: ActivityWire[]
  /** Newest `created_at` first, the API's opportunity order. */
  opportunities: OpportunityWire[]
}

export const DEFAULT_DATASET_NOW = '2026-01-01T00:00:00.000Z'
