/**
 * Finding the opportunity a create may have made when its answer was lost. ChartMogul has no
 * idempotency keys and opportunities no external id, so the only way is to look for one that
 * matches the draft field for field. The matching rule itself is shared with the gateway
 * (src/shared/domain/opportunityMatch.ts).
 */
import type { Opportunity, OpportunityDraft } from '../../../shared/domain'
import { matchesDraft } from '../../../shared/domain/opportunityMatch'

/**
 * The candidate a lost create most likely made: matching, created no earlier than
 * `createdAfter` (ISO; look-alikes that existed before are ignored), not already claimed by
 * another create, earliest first.
 */
export function pickReconciled(
  candidates: readonly Opportunity[],
  draft: OpportunityDraft,
  options: { createdAfter: string | null; claimed: ReadonlySet<string> }
): Opportunity | null {
  const after = options.createdAfter === null ? null : Date.parse(options.createdAfter)
  const matching = candidates.filter(
    (o) =>
      !options.claimed.has(o.uuid) &&
      matchesDraft(o, draft) &&
      (after === null || o.createdAt === null || Date.parse(o.createdAt) >= after)
  )
  matching.sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''))
  return matching[0] ?? null
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
