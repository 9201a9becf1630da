/** `OpportunityResponse` / `OpportunityDetailResponse`, keys in the OpenAPI example's order. */
import type { OpportunityRecord } from '../records'
import { stageByKey } from '../vocabulary'
import { customKeys, ownerInfo, tagNames, type RenderLookups } from './common'
import { tidy, type RenderOptions } from './options'

export interface OpportunityRenderMode {
  includeCustomFields: boolean
  detail: boolean
}

export function renderOpportunity(
  r: OpportunityRecord,
  lookups: RenderLookups,
  options: RenderOptions,
  mode: OpportunityRenderMode
): Record<string, unknown> {
  const stage =
    r.stage === null
      ? null
      : options.stageAs === 'key'
        ? r.stage
        : (stageByKey(r.stage)?.label ?? r.stage)
  const body: Record<string, unknown> = {
    id: r.id,
    account_id: r.accountId,
    name: r.name,
    owner: ownerInfo(r.ownerId, lookups),
    stage,
    estimated_value: r.estimatedValue
      ? { currency_code: r.estimatedValue.currencyCode, amount: r.estimatedValue.amount }
      : null,
    estimated_close_date: r.estimatedCloseDate,
    actual_close_date: r.actualCloseDate,
    summary: r.summary,
    risks: [...r.risks],
    notes: r.notes,
    tags: tagNames(r.tagIds, lookups),
    last_activity_at: r.lastActivityAt,
    updated_at: r.updatedAt,
    created_at: r.createdAt,
    ...(mode.includeCustomFields || mode.detail ? customKeys(r.custom, lookups) : {})
  }
  if (mode.detail) {
    const explanations: Record<string, unknown> = {}
    for (const [fieldId, e] of Object.entries(r.explanations)) {
      explanations[`custom_field_${fieldId}`] = {
        title: e.title,
        body: e.body,
        confidence: e.confidence,
        citations: e.citations
      }
    }
    body['custom_field_explanations'] = Object.keys(explanations).length > 0 ? explanations : null
  }
  return tidy(body, options)
}
