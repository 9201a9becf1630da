/** GET /v1/plans and /v1/plans/{uuid}. Plans are listed under `plans`, not `entries`. */
import type { SimulatorStore } from '../store'
import type { PlanWire } from '../wire'
import { notFound } from './errors'
import { cursorParam, optionalParam, perPage, withCursor } from './query'
import type { ApiRequest, ApiResponse } from './types'

// Recorded plan responses carry a charset; customer responses do not.
const CONTENT_TYPE = 'application/json; charset=utf-8'

export function listPlans(req: ApiRequest, store: SimulatorStore): ApiResponse {
  const size = perPage(req.query)
  const cursor = cursorParam(req.query)
  const dataSource = optionalParam(req.query, 'data_source_uuid')
  const externalId = optionalParam(req.query, 'external_id')
  const system = optionalParam(req.query, 'system')
  const match = (p: PlanWire): boolean =>
    (dataSource === undefined || p.data_source_uuid === dataSource) &&
    (externalId === undefined || p.external_id === externalId) &&
    (system === undefined || store.dataSourceOf(p.data_source_uuid)?.system === system)
  const page = withCursor(() => store.listPlans({ cursor, perPage: size, match }))
  if (cursor !== undefined) {
    return {
      status: 200,
      contentType: CONTENT_TYPE,
      body: { plans: page.entries, cursor: page.cursor, has_more: page.hasMore }
    }
  }
  // First page: `current_page` and `total_pages` but, unlike customers, no `per_page`/`page`.
  return {
    status: 200,
    contentType: CONTENT_TYPE,
    body: {
      plans: page.entries,
      current_page: 1,
      total_pages: Math.max(1, Math.ceil(store.countPlans(match) / size)),
      cursor: page.cursor,
      has_more: page.hasMore
    }
  }
}

export function retrievePlan(
  _req: ApiRequest,
  store: SimulatorStore,
  [uuid]: string[]
): ApiResponse {
  const plan = uuid === undefined ? undefined : store.getPlan(uuid)
  if (!plan) throw notFound('Plan not found', 'plan_uuid')
  // The recorded single-plan response orders keys differently from list entries.
  return {
    status: 200,
    contentType: CONTENT_TYPE,
    body: {
      external_id: plan.external_id,
      name: plan.name,
      interval_count: plan.interval_count,
      interval_unit: plan.interval_unit,
      data_source_uuid: plan.data_source_uuid,
      uuid: plan.uuid
    }
  }
}
