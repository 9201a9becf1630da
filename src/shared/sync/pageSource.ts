/**
 * What the renderer's sync engine needs from the outside world: one page of one resource at a
 * time. In the app it is the bridge (the main process calls ChartMogul with the workspace's key
 * and rate limiter); in Node tests it is the gateway client talking to the simulator directly.
 */
import type { Activity, Customer, ListPage, Opportunity, Plan } from '../domain'

export const SYNC_RESOURCES = ['customers', 'plans', 'activities', 'opportunities'] as const
export type SyncResource = (typeof SYNC_RESOURCES)[number]

export interface ResourceRecord {
  customers: Customer
  plans: Plan
  activities: Activity
  opportunities: Opportunity
}

/**
 * The server-side filters the engine may use to split a resource into partitions that page in
 * parallel. Values are passed to ChartMogul as they are (e.g. customer status in the list-filter
 * spelling `New_Lead`; activity dates as ISO-8601; close dates as YYYY-MM-DD).
 */
export interface PageQuery {
  customers: { status?: string }
  plans: Record<string, never>
  activities: { startDate?: string; endDate?: string; order?: 'date' | '-date' }
  opportunities: { estimatedCloseDateOnOrAfter?: string; estimatedCloseDateOnOrBefore?: string }
}

export interface PageRequest<R extends SyncResource = SyncResource> {
  resource: R
  query: PageQuery[R]
  /** Absent for the first page of a listing. */
  cursor?: string
  /** At most 200 (ChartMogul's cap); default 200. */
  perPage?: number
}

export interface PageSource {
  fetchPage<R extends SyncResource>(
    request: PageRequest<R>,
    signal?: AbortSignal
  ): Promise<ListPage<ResourceRecord[R]>>
}
