/**
 * Finding the opportunity a create may have made when its answer was lost. ChartMogul has no
 * idempotency keys and opportunities no external id, so the only way is to look for one that
 * matches the draft field for field. The matching rule itself is shared with the gateway
 * (src/shared/domain/opportunityMatch.ts). Monaco has idempotency keys, but a resend whose key
 * is refused (forgotten, or reused) falls back to the same search, by its own rule below.
 */
import type { MonacoDealDraft, Opportunity, OpportunityDraft } from '../../../shared/domain'
import { matchesDraft } from '../../../shared/domain/opportunityMatch'

/**
 * The candidate a lost create most likely made: matching, created no earlier than
 * `createdAfter` (ISO; look-alikes that existed before are ignored), not already claimed by
 * another create, earliest first.
 */
export function pickReconciled<D = OpportunityDraft>(
  candidates: readonly Opportunity[],
  draft: D,
  options: {
    createdAfter: string | null
    claimed: ReadonlySet<string>
    /** The provider's matching rule (default ChartMogul's, `matchesDraft`). */
    matches?: (candidate: Opportunity, draft: D) => boolean
  }
): Opportunity | null {
  const after = options.createdAfter === null ? null : Date.parse(options.createdAfter)
  const matches =
    options.matches ?? ((o: Opportunity, d: D) => matchesDraft(o, d as unknown as OpportunityDraft))
  const matching = candidates.filter(
    (o) =>
      !options.claimed.has(o.uuid) &&
      matches(o, draft) &&
      (after === null || o.createdAt === null || Date.parse(o.createdAt) >= after)
  )
  matching.sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''))
  return matching[0] ?? null
}

/**
 * A Monaco deal the draft may have made: same account and name, and every value the draft
 * set — estimated value, stage, close date, owner — equal as Monaco shows it. What the draft
 * left out is filled in by Monaco (the first stage) and not compared.
 */
export function matchesMonacoDraft(candidate: Opportunity, draft: MonacoDealDraft): boolean {
  if (candidate.customerUuid !== draft.customerUuid) return false
  if ((candidate.name ?? '') !== draft.name.trim() && candidate.name !== draft.name) return false
  if (draft.amountCents !== undefined) {
    const value = draft.amountCents
    if (value === null ? candidate.currency !== '' : candidate.amountCents !== value) return false
    if (value !== null && draft.currency !== undefined && candidate.currency !== draft.currency)
      return false
  }
  if (draft.pipelineStage != null && candidate.pipelineStage !== draft.pipelineStage) return false
  if (
    draft.estimatedCloseDate !== undefined &&
    candidate.estimatedCloseDate !== draft.estimatedCloseDate
  )
    return false
  if (draft.owner !== undefined && candidate.owner !== draft.owner) return false
  return true
}

/** Value equality for opportunity fields (plain JSON data; object key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b)
}

function stableJson(value: unknown): string {
  if (value === undefined) return 'undefined'
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))
        )
      : v
  )
}

export { matchesDraft }
