import type { Opportunity, OpportunityDraft } from '../../shared/domain'
import type { ChartMogulClient } from './client'
import { listAll } from './paginate'

/**
 * After an OutcomeUnknownError on create, the only way to learn whether ChartMogul saved the
 * opportunity is to look: ChartMogul has no idempotency keys and opportunities have no
 * external id. These helpers find opportunities that match a draft field for field.
 */

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

/**
 * The customer's opportunities that match `draft`. Pass `createdAfter` (ISO time taken just
 * before the first send) to ignore look-alikes that existed before.
 */
export async function findOpportunitiesMatchingDraft(
  client: Pick<ChartMogulClient, 'listOpportunities'>,
  draft: OpportunityDraft,
  options: { signal?: AbortSignal; createdAfter?: string } = {}
): Promise<Opportunity[]> {
  const { items } = await listAll(
    client.listOpportunities,
    { customerUuid: draft.customerUuid },
    { signal: options.signal }
  )
  const after = options.createdAfter === undefined ? null : Date.parse(options.createdAfter)
  return items.filter(
    (opportunity) =>
      matchesDraft(opportunity, draft) &&
      (after === null ||
        opportunity.createdAt === null ||
        Date.parse(opportunity.createdAt) >= after)
  )
}
