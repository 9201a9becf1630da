/**
 * Monaco's opportunity as the provider-neutral deal (`shared/domain/opportunity.ts`), and a
 * neutral Monaco draft/patch as the gateway's write models. The only place the two vocabularies
 * meet: `accountId` ↔ `customerUuid`, owner id ↔ `owner`, stage key ↔ `pipelineStage`,
 * estimated value ↔ `amountCents` + `currency`, tag ids on writes ↔ `tagIds`.
 */
import type { MonacoDealDraft, MonacoDealPatch, Opportunity } from '../../shared/domain'
import type {
  MonacoEnumOption,
  MonacoOpportunity,
  MonacoOpportunityDraft,
  MonacoOpportunityPatch
} from './models'

/**
 * Monaco answers a stage as its key or its label (its own examples show both; UNCONFIRMED
 * which): the cache keeps keys. A value that is neither is kept as sent.
 */
export type StageKeyOf = (stage: string) => string

export const stageAsSent: StageKeyOf = (stage) => stage

export function stageKeyLookup(stages: readonly MonacoEnumOption[] | null): StageKeyOf {
  const byKey = new Set((stages ?? []).map((option) => option.key))
  const byLabel = new Map(
    (stages ?? []).map((option) => [option.label.trim().toLowerCase(), option.key])
  )
  return (stage) => (byKey.has(stage) ? stage : (byLabel.get(stage.trim().toLowerCase()) ?? stage))
}

export function toDeal(
  opportunity: MonacoOpportunity,
  stageKeyOf: StageKeyOf = stageAsSent
): Opportunity {
  return {
    uuid: opportunity.id,
    customerUuid: opportunity.accountId,
    owner: opportunity.owner?.id ?? null,
    // Monaco has one pipeline per organization: no pipeline name to show.
    pipeline: '',
    pipelineStage: opportunity.stage === null ? '' : stageKeyOf(opportunity.stage),
    name: opportunity.name,
    tags: [...opportunity.tags],
    estimatedCloseDate: opportunity.estimatedCloseDate,
    // No estimated value is shown as nothing, not as 0 in some currency.
    currency: opportunity.estimatedValue?.currency ?? '',
    amountCents: opportunity.estimatedValue?.amountMinor ?? 0,
    type: null,
    forecastCategory: null,
    winLikelihood: null,
    custom: { ...opportunity.customFields },
    createdAt: opportunity.createdAt,
    updatedAt: opportunity.updatedAt
  }
}

function money(
  amountCents: number | null | undefined,
  currency: string | undefined
): MonacoOpportunityDraft['estimatedValue'] {
  if (amountCents === undefined) return undefined
  if (amountCents === null) return null
  return { amountMinor: amountCents, currency: currency ?? '' }
}

export function toMonacoDraft(draft: MonacoDealDraft): MonacoOpportunityDraft {
  const out: MonacoOpportunityDraft = { name: draft.name, accountId: draft.customerUuid }
  if (draft.owner !== undefined) out.ownerUserId = draft.owner
  if (draft.pipelineStage !== undefined) out.stage = draft.pipelineStage
  if (draft.estimatedCloseDate !== undefined) out.estimatedCloseDate = draft.estimatedCloseDate
  const value = money(draft.amountCents, draft.currency)
  if (value !== undefined) out.estimatedValue = value
  if (draft.tagIds !== undefined) out.tagIds = draft.tagIds
  if (draft.custom !== undefined) out.customFields = draft.custom
  return out
}

/**
 * A patch that changes only the currency re-sends the stored amount in it: Monaco's estimated
 * value is one object, so the caller passes the amount it holds (`currentAmountCents`).
 */
export function toMonacoPatch(
  patch: MonacoDealPatch,
  currentAmountCents: number | null = null
): MonacoOpportunityPatch {
  const out: MonacoOpportunityPatch = {}
  if (patch.name !== undefined) out.name = patch.name
  if (patch.owner !== undefined) out.ownerUserId = patch.owner
  if (patch.pipelineStage !== undefined) out.stage = patch.pipelineStage
  if (patch.estimatedCloseDate !== undefined) out.estimatedCloseDate = patch.estimatedCloseDate
  if (patch.amountCents !== undefined) {
    out.estimatedValue = money(patch.amountCents, patch.currency)
  } else if (patch.currency !== undefined && currentAmountCents !== null) {
    out.estimatedValue = { amountMinor: currentAmountCents, currency: patch.currency }
  }
  if (patch.tagIds !== undefined) out.tagIds = patch.tagIds
  if (patch.custom !== undefined) out.customFields = patch.custom
  return out
}
