import type { Opportunity, OpportunityDraft } from '../../shared/domain'
import { matchesDraft } from '../../shared/domain/opportunityMatch'
import type { ChartMogulClient } from './client'
import { listAll } from './paginate'

/**
 * After an OutcomeUnknownError on create, the only way to learn whether ChartMogul saved the
 * opportunity is to look: ChartMogul has no idempotency keys and opportunities have no
 * external id. These helpers find opportunities that match a draft field for field.
 */

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

export { matchesDraft }
