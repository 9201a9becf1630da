import type { OpportunityDraft } from '../../../../src/shared/domain'

export const DRAFT: OpportunityDraft = {
  customerUuid: 'cus_8bae29d0-df51-11ee-88c8-97dc7855258a',
  owner: 'kamil+pavlicko@chartmogul.com',
  pipeline: 'New Business',
  pipelineStage: 'Discovery',
  estimatedCloseDate: '2024-03-30',
  currency: 'USD',
  amountCents: 100000,
  type: 'one-time',
  forecastCategory: 'best_case',
  winLikelihood: 30,
  custom: { from_campaign: true }
}

/** What ChartMogul answers to a create of DRAFT (from the recording, custom as a map). */
export function wireOpportunity(uuid: string, draft: OpportunityDraft = DRAFT) {
  return {
    uuid,
    customer_uuid: draft.customerUuid,
    owner: draft.owner,
    pipeline: draft.pipeline,
    pipeline_stage: draft.pipelineStage,
    estimated_close_date: draft.estimatedCloseDate,
    currency: draft.currency,
    amount_in_cents: draft.amountCents,
    type: draft.type ?? 'recurring',
    forecast_category: draft.forecastCategory ?? 'pipeline',
    win_likelihood: draft.winLikelihood ?? 50,
    custom: draft.custom ?? {},
    created_at: '2024-03-18T17:15:56.960Z',
    updated_at: '2024-03-18T17:15:56.960Z'
  }
}
