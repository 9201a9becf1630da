/**
 * How each resource is split into listings that page in parallel, and how a record is checked
 * against the partition that returned it. Partitions use only the server-side filters of
 * `PageQuery`; a partition id is stable within a pass and names its checkpoint row.
 */
import { CUSTOMER_STATUSES } from '../../../shared/domain'
import type { PageQuery, ResourceRecord, SyncResource } from '../../../shared/sync/pageSource'

export type SyncRecord = ResourceRecord[SyncResource]
export type AnyPageQuery = PageQuery[SyncResource]

export interface PartitionPlan {
  id: string
  query: AnyPageQuery
  /** The date range the partition covers (activities), for progress estimates. */
  span?: { from: string; to: string }
  /** An unfiltered listing that records which partitioning values (statuses) it met. */
  collectValues?: boolean
}

/** The unfiltered listing of a resource. */
export const UNFILTERED = 'all'
/** The incremental activity listing. */
export const SINCE = 'since'

/** `New Lead` → `New_Lead`, the spelling the customers list filter takes. */
export function statusFilterValue(status: string): string {
  return status.trim().replaceAll(' ', '_')
}

export const KNOWN_STATUS_FILTERS: readonly string[] = CUSTOMER_STATUSES.map(statusFilterValue)

export function customerStatusPartitions(): PartitionPlan[] {
  return KNOWN_STATUS_FILTERS.map((status) => ({ id: `status:${status}`, query: { status } }))
}

export function unfilteredPartition(resource: SyncResource, collectValues = false): PartitionPlan {
  // Ordered explicitly for activities so the listing matches the probe that may be its first page.
  const query: AnyPageQuery = resource === 'activities' ? { order: 'date' } : {}
  return collectValues ? { id: UNFILTERED, query, collectValues } : { id: UNFILTERED, query }
}

/** The value a status partition is keyed on (customers only). */
export function partitionValue(resource: SyncResource, record: SyncRecord): string | null {
  if (resource !== 'customers') return null
  const { status } = record as ResourceRecord['customers']
  return status === null ? null : statusFilterValue(status)
}

/** Whether `record` satisfies the filter of the partition that returned it. */
export function recordMatchesQuery(
  resource: SyncResource,
  query: AnyPageQuery,
  record: SyncRecord
): boolean {
  switch (resource) {
    case 'customers': {
      const { status } = query as PageQuery['customers']
      return status === undefined || partitionValue(resource, record) === status
    }
    case 'activities': {
      const { startDate, endDate } = query as PageQuery['activities']
      const ms = Date.parse((record as ResourceRecord['activities']).date)
      if (startDate !== undefined && ms < Date.parse(startDate)) return false
      return endDate === undefined || ms <= Date.parse(endDate)
    }
    case 'opportunities': {
      const q = query as PageQuery['opportunities']
      const date = (record as ResourceRecord['opportunities']).estimatedCloseDate
      if (
        q.estimatedCloseDateOnOrAfter === undefined &&
        q.estimatedCloseDateOnOrBefore === undefined
      )
        return true
      if (date === null) return false
      if (q.estimatedCloseDateOnOrAfter !== undefined && date < q.estimatedCloseDateOnOrAfter)
        return false
      return q.estimatedCloseDateOnOrBefore === undefined || date <= q.estimatedCloseDateOnOrBefore
    }
    case 'plans':
      return true
  }
}

/** The record's date when the resource is paged by date (activities), else null. */
export function recordDate(resource: SyncResource, record: SyncRecord): string | null {
  return resource === 'activities' ? (record as ResourceRecord['activities']).date : null
}

/**
 * Date windows over the activity log, split at `boundaries` (epoch ms, ascending, distinct).
 * Both API bounds are inclusive, so each window ends 1 ms before the next begins; the first
 * has no start and the last no end, so nothing outside the probed range is ever missed.
 */
export function activityWindows(
  boundaries: readonly number[],
  range: { minMs: number; maxMs: number }
): PartitionPlan[] {
  const iso = (ms: number): string => new Date(ms).toISOString()
  const edges = [range.minMs, ...boundaries, range.maxMs]
  return edges.slice(0, -1).map((from, i) => {
    const to = edges[i + 1] as number
    const query: PageQuery['activities'] = {}
    if (i > 0) query.startDate = iso(from)
    if (i < edges.length - 2) query.endDate = iso(to - 1)
    return {
      id: `window:${String(i).padStart(2, '0')}`,
      query,
      span: { from: iso(from), to: iso(Math.max(from, to)) }
    }
  })
}

/**
 * Close-date ranges (YYYY-MM-DD, both bounds inclusive) split at `boundaries` (ascending,
 * distinct): `[… b1-1]`, `[b1 … b2-1]`, …, `[bn …]`.
 */
export function closeDateRanges(boundaries: readonly string[]): PartitionPlan[] {
  const ranges: PartitionPlan[] = []
  for (let i = 0; i <= boundaries.length; i++) {
    const query: PageQuery['opportunities'] = {}
    const from = boundaries[i - 1]
    const next = boundaries[i]
    if (from !== undefined) query.estimatedCloseDateOnOrAfter = from
    if (next !== undefined) query.estimatedCloseDateOnOrBefore = previousDay(next)
    ranges.push({ id: `close:${String(i).padStart(2, '0')}`, query })
  }
  return ranges
}

export function previousDay(ymd: string): string {
  const ms = Date.parse(`${ymd}T00:00:00Z`) - 86_400_000
  return new Date(ms).toISOString().slice(0, 10)
}

/** Up to `parts - 1` distinct interior cut points of sorted `values`, at even quantiles. */
export function quantileCuts<T>(sorted: readonly T[], parts: number): T[] {
  const cuts: T[] = []
  for (let i = 1; i < parts; i++) {
    const value = sorted[Math.floor((i * sorted.length) / parts)]
    if (value === undefined) continue
    if (cuts.length > 0 && cuts[cuts.length - 1] === value) continue
    if (value === sorted[0]) continue
    cuts.push(value)
  }
  return cuts
}
