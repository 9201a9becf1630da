/**
 * What differs between providers in queuing and pushing a deal change, as one row per provider
 * (the outbox and its callers never ask which provider a workspace has):
 * - which rules check a draft or patch (the same schemas the bridge checks);
 * - how a queued change shows on the cached row (Monaco writes tag ids and reads tag names; its
 *   server merges custom fields one by one, so each is its own path);
 * - how a lost create is recognised among the parent's deals;
 * - what goes on the wire for the paths being pushed.
 */
import type { z } from 'zod'
import type { WorkspaceCache } from '../cache'
import {
  monacoDealDraftSchema,
  monacoDealPatchSchema,
  opportunityDraftSchema,
  opportunityPatchSchema,
  type MonacoDealDraft,
  type MonacoDealPatch,
  type Opportunity,
  type OpportunityDraft
} from '../../../shared/domain'
import { capabilitiesOf } from '../../../shared/providers/capabilities'
import type { ProviderId } from '../../../shared/providers/providerId'
import { matchesDraft, matchesMonacoDraft, sameValue } from './match'
import { customKeyOf, customPath, pick } from './rowPaths'
import type { DealDraft, DealPatch } from './types'

/** Cached data some rules need, read before the transaction that queues the change. */
export interface DealLookups {
  /** Tag id → name (Monaco's tags table). */
  tagNames: ReadonlyMap<string, string>
}

export interface DealRules {
  provider: ProviderId
  /** The product's name in messages ("Changed in Monaco too"). */
  displayName: string
  /** From the capability table: a create carries an idempotency key. */
  idempotentCreates: boolean
  draftSchema: z.ZodType<DealDraft>
  patchSchema: z.ZodType<DealPatch>
  loadLookups(db: WorkspaceCache): Promise<DealLookups>
  /** The local row of a queued create: shaped like a synced row so grids show it at once. */
  rowFromDraft(uuid: string, draft: DealDraft, lookups: DealLookups): Opportunity
  /**
   * A patch (or a draft's fields) as row paths and row values; null when the payload is
   * already in the row's terms (then nothing extra is stored with the entry).
   */
  rowValues(patch: DealPatch, lookups: DealLookups): Record<string, unknown> | null
  /** Whether two values of one path are the same (tags: as sets). */
  same(path: string, a: unknown, b: unknown): boolean
  /**
   * What to send for the given paths of a stored payload. `server` is the deal as the server
   * has it now, for fields the wire sends together (Monaco's amount and currency are one value).
   */
  patchFor(payload: DealPatch, paths: readonly string[], server: Opportunity | null): DealPatch
  /** A later edit laid over a queued one (payload terms). */
  mergePatch(earlier: DealPatch, later: DealPatch): DealPatch
  /** An edit laid over a queued, unsent create's draft. */
  mergeIntoDraft(draft: DealDraft, patch: DealPatch): unknown
  matchesDraft(candidate: Opportunity, draft: DealDraft): boolean
}

const NO_LOOKUPS: DealLookups = { tagNames: new Map() }

const chartmogul: DealRules = {
  provider: 'chartmogul',
  displayName: capabilitiesOf('chartmogul').displayName,
  idempotentCreates: capabilitiesOf('chartmogul').idempotentCreates,
  draftSchema: opportunityDraftSchema,
  patchSchema: opportunityPatchSchema,
  loadLookups: () => Promise.resolve(NO_LOOKUPS),
  rowFromDraft(uuid, input) {
    const draft = input as OpportunityDraft
    return {
      uuid,
      customerUuid: draft.customerUuid,
      owner: draft.owner,
      pipeline: draft.pipeline,
      pipelineStage: draft.pipelineStage,
      estimatedCloseDate: draft.estimatedCloseDate,
      currency: draft.currency,
      amountCents: draft.amountCents,
      type: draft.type ?? null,
      forecastCategory: draft.forecastCategory ?? null,
      winLikelihood: draft.winLikelihood ?? null,
      custom: draft.custom ?? {},
      createdAt: null,
      updatedAt: null
    }
  },
  rowValues: () => null,
  same: (_path, a, b) => sameValue(a, b),
  patchFor: (payload, paths) => pick(payload as Record<string, unknown>, paths) as DealPatch,
  mergePatch: (earlier, later) => ({ ...earlier, ...later }) as DealPatch,
  mergeIntoDraft: (draft, patch) => ({ ...draft, ...patch }),
  matchesDraft: (candidate, draft) => matchesDraft(candidate, draft as OpportunityDraft)
}

function tagNamesOf(ids: readonly string[], lookups: DealLookups): string[] {
  // An id the cache does not know yet (a tag made since the last sync) shows as itself.
  return ids.map((id) => lookups.tagNames.get(id) ?? id)
}

function sortedStrings(value: unknown): string[] | null {
  return Array.isArray(value) ? value.map(String).sort() : null
}

/** The fields Monaco's wire carries as one estimated value. */
const MONEY = ['amountCents', 'currency'] as const

const monaco: DealRules = {
  provider: 'monaco',
  displayName: capabilitiesOf('monaco').displayName,
  idempotentCreates: capabilitiesOf('monaco').idempotentCreates,
  draftSchema: monacoDealDraftSchema,
  patchSchema: monacoDealPatchSchema,
  async loadLookups(db) {
    const tags = await db.tags.toArray()
    return { tagNames: new Map(tags.map((tag) => [tag.id, tag.name])) }
  },
  rowFromDraft(uuid, input, lookups) {
    const draft = input as MonacoDealDraft
    const hasValue = draft.amountCents !== undefined && draft.amountCents !== null
    const custom: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(draft.custom ?? {})) {
      if (value !== null) custom[key] = value
    }
    // As `toDeal` (main) shows a synced Monaco deal.
    return {
      uuid,
      customerUuid: draft.customerUuid,
      owner: draft.owner ?? null,
      pipeline: '',
      pipelineStage: draft.pipelineStage ?? '',
      name: draft.name,
      tags: tagNamesOf(draft.tagIds ?? [], lookups),
      estimatedCloseDate: draft.estimatedCloseDate ?? null,
      currency: hasValue ? (draft.currency ?? '') : '',
      amountCents: hasValue ? (draft.amountCents as number) : 0,
      type: null,
      forecastCategory: null,
      winLikelihood: null,
      custom,
      createdAt: null,
      updatedAt: null
    }
  },
  rowValues(input, lookups) {
    const patch = input as MonacoDealPatch
    const out: Record<string, unknown> = {}
    for (const [field, value] of Object.entries(patch)) {
      if (value === undefined || field === 'customerUuid') continue
      if (field === 'tagIds') out['tags'] = tagNamesOf(value as string[], lookups)
      else if (field === 'custom') {
        for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
          out[customPath(key)] = v
        }
      } else if (field === 'amountCents') out[field] = value ?? 0
      else if (field === 'pipelineStage') out[field] = value ?? ''
      else out[field] = value
    }
    return out
  },
  same(path, a, b) {
    if (path === 'tags') {
      const [x, y] = [sortedStrings(a), sortedStrings(b)]
      if (x !== null && y !== null) return sameValue(x, y)
    }
    // A custom field that is empty and one that is absent are the same to Monaco.
    if (customKeyOf(path) !== null) return sameValue(a ?? null, b ?? null)
    return sameValue(a, b)
  },
  patchFor(input, paths, server) {
    const payload = input as MonacoDealPatch & Record<string, unknown>
    const out: Record<string, unknown> = {}
    const custom: Record<string, unknown> = {}
    for (const path of paths) {
      const key = customKeyOf(path)
      if (key !== null) custom[key] = payload.custom?.[key] ?? null
      else if (path === 'tags') out['tagIds'] = payload.tagIds
      else out[path] = payload[path]
    }
    if (Object.keys(custom).length > 0) out['custom'] = custom
    // Amount and currency travel as one value: send the other half as the server has it now.
    if (MONEY.some((f) => f in out) && server !== null) {
      if (!('currency' in out) && out['amountCents'] !== null) {
        out['currency'] = payload.currency ?? server.currency
      }
      if (!('amountCents' in out)) out['amountCents'] = payload.amountCents ?? server.amountCents
    }
    return out as DealPatch
  },
  mergePatch(earlier, later) {
    const a = earlier as MonacoDealPatch
    const b = later as MonacoDealPatch
    const merged: MonacoDealPatch = { ...a, ...b }
    if (a.custom !== undefined || b.custom !== undefined) {
      merged.custom = { ...a.custom, ...b.custom }
    }
    return merged
  },
  mergeIntoDraft(input, patchInput) {
    const draft = input as MonacoDealDraft
    const patch = patchInput as MonacoDealPatch
    const merged: Record<string, unknown> = { ...draft, ...patch }
    if (patch.custom !== undefined) {
      const custom: Record<string, unknown> = { ...draft.custom }
      for (const [key, value] of Object.entries(patch.custom)) {
        if (value === null) delete custom[key]
        else custom[key] = value
      }
      merged['custom'] = custom
    }
    return merged
  },
  matchesDraft: (candidate, draft) => matchesMonacoDraft(candidate, draft as MonacoDealDraft)
}

const RULES: Readonly<Record<ProviderId, DealRules>> = { chartmogul, monaco }

export function dealRulesFor(provider: ProviderId = 'chartmogul'): DealRules {
  return RULES[provider]
}
