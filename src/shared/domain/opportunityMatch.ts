/**
 * After a create whose answer was lost, the only way to learn whether ChartMogul saved the
 * opportunity is to look: ChartMogul has no idempotency keys and opportunities have no external
 * id. An opportunity "matches" a draft when every field the draft sent is equal. Shared by the
 * gateway (main) and the outbox (renderer) so both reconcile by the same rule.
 */
import type { Opportunity, OpportunityDraft } from './opportunity'

export function matchesDraft(opportunity: Opportunity, draft: OpportunityDraft): boolean {
  if (opportunity.customerUuid !== draft.customerUuid) return false
  if ((opportunity.owner ?? '').toLowerCase() !== draft.owner.toLowerCase()) return false
  if (opportunity.pipeline !== draft.pipeline) return false
  if (opportunity.pipelineStage !== draft.pipelineStage) return false
  if (opportunity.estimatedCloseDate !== draft.estimatedCloseDate) return false
  if (opportunity.currency !== draft.currency) return false
  if (opportunity.amountCents !== draft.amountCents) return false
  if (draft.type !== undefined && opportunity.type !== draft.type) return false
  if (
    draft.forecastCategory !== undefined &&
    opportunity.forecastCategory !== draft.forecastCategory
  )
    return false
  // Omitted win likelihood is filled in from the stage's default, so only a given one counts.
  if (draft.winLikelihood !== undefined && opportunity.winLikelihood !== draft.winLikelihood)
    return false
  for (const [key, value] of Object.entries(draft.custom ?? {})) {
    if (JSON.stringify(opportunity.custom[key]) !== JSON.stringify(value)) return false
  }
  return true
}
