/**
 * How close a full sync comes to the physical limit: no client can fetch the account with fewer
 * requests than one per full page of each resource, nor send them faster than its request budget.
 * `limitRatio` = wall time / (minimum requests ÷ budget); 1.0 would be every request at the
 * budget's pace with no planning, probing or idle slot at all.
 */
import type { SyncResource } from '../../src/shared/sync/pageSource'

export interface PhysicalLimit {
  /** Per resource: ceil(records / perPage), at least 1 (an empty list still takes a request). */
  pagesPerResource: Record<SyncResource, number>
  /** Requests no client can avoid beyond those pages, and why. */
  unavoidableExtra: number
  unavoidableExtraNote: string
  minimumRequests: number
  budgetRequestsPerSecond: number
  /** minimumRequests ÷ budget, in ms. */
  floorMs: number
}

export function physicalLimit(
  records: Record<SyncResource, number>,
  perPage: number,
  budgetRequestsPerSecond: number
): PhysicalLimit {
  if (!(perPage >= 1) || !(budgetRequestsPerSecond > 0)) {
    throw new RangeError('perPage must be ≥ 1 and the budget > 0')
  }
  const pagesPerResource = Object.fromEntries(
    Object.entries(records).map(([resource, count]) => [
      resource,
      Math.max(1, Math.ceil(count / perPage))
    ])
  ) as Record<SyncResource, number>
  const unavoidableExtra = 0
  const minimumRequests =
    Object.values(pagesPerResource).reduce((a, b) => a + b, 0) + unavoidableExtra
  return {
    pagesPerResource,
    unavoidableExtra,
    unavoidableExtraNote:
      'none: a cursor walk needs no count or probe first, and the last full page already says has_more=false (the sequential SDK run, which makes exactly these requests, checks this)',
    minimumRequests,
    budgetRequestsPerSecond,
    floorMs: (minimumRequests / budgetRequestsPerSecond) * 1000
  }
}

/** Wall time over the floor: 1.0 is the physical limit, the target is ≤ 1.15. */
export function limitRatio(wallMs: number, limit: PhysicalLimit): number {
  return wallMs / limit.floorMs
}
