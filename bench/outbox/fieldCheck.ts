/**
 * The strict half of the outbox benchmark's verdict: every field of every deal the workload
 * touched, on the server, against the state the workload intends — not only the fields an edit
 * named. An edit that also rewrote another field (a stale value sent back, a default filled in,
 * a custom attribute dropped) is caught here and nowhere else.
 *
 * Intended state:
 * - edit: the deal as it was, with the patch applied (`custom` merged, as PATCH does) and
 *   `updatedAt` moved forward;
 * - create: the draft, plus the API's documented defaults for what the draft leaves out (type
 *   `recurring`, the stage's first forecast category and its default win likelihood); `uuid`,
 *   `createdAt` and `updatedAt` are the server's to assign and are only required to be present;
 * - delete: gone (a deal still there counts under `present`).
 */
import { mapOpportunity } from '../../src/main/chartmogul'
import type { OpportunityWire } from '../../src/main/simulator'
import { PIPELINES } from '../../src/main/simulator'
import type { Opportunity } from '../../src/shared/domain'
import { REF_KEY, type Change } from './workload'

/** Fields the server assigns on create; checked for presence, not value. */
const SERVER_ASSIGNED = ['uuid', 'createdAt', 'updatedAt'] as const

type Field = keyof Opportunity

export interface FieldCheck {
  /** Deals compared: edited ones still on the server plus every server copy of a create. */
  dealsCompared: number
  /** Total mismatching fields across those deals (the target is 0). */
  fieldMismatches: number
  /** The same, per field name. */
  byField: Partial<Record<Field | 'present', number>>
  /** Edited deals or creates missing on the server, deleted deals still there (one each). */
  missingOrPresent: number
  examples: string[]
}

type Expected = { kind: 'exact'; deal: Opportunity; updatedAfter: string | null } | { kind: 'gone' }

function stageOf(pipeline: string, stage: string) {
  return PIPELINES[pipeline]?.find((s) => s.name === stage)
}

/** What every touched deal should look like after the workload, by uuid (edits, deletes) or ref (creates). */
export function intendedState(
  initial: readonly OpportunityWire[],
  changes: readonly Change[]
): { byUuid: Map<string, Expected>; byRef: Map<string, Opportunity> } {
  const before = new Map(initial.map((w) => [w.uuid, mapOpportunity(w)]))
  const byUuid = new Map<string, Expected>()
  const byRef = new Map<string, Opportunity>()
  for (const change of changes) {
    if (change.kind === 'delete') {
      byUuid.set(change.uuid, { kind: 'gone' })
    } else if (change.kind === 'edit') {
      const current = byUuid.get(change.uuid)
      const base = current?.kind === 'exact' ? current.deal : before.get(change.uuid)
      if (base === undefined) throw new Error(`edit of unknown deal ${change.uuid}`)
      const { custom, ...fields } = change.patch
      const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
      byUuid.set(change.uuid, {
        kind: 'exact',
        deal: { ...base, ...defined, custom: { ...base.custom, ...(custom ?? {}) } },
        updatedAfter: before.get(change.uuid)?.updatedAt ?? null
      })
    } else {
      const d = change.draft
      const stage = stageOf(d.pipeline, d.pipelineStage)
      byRef.set(change.ref, {
        uuid: '',
        customerUuid: d.customerUuid,
        owner: d.owner,
        pipeline: d.pipeline,
        pipelineStage: d.pipelineStage,
        estimatedCloseDate: d.estimatedCloseDate,
        currency: d.currency,
        amountCents: d.amountCents,
        type: d.type ?? 'recurring',
        forecastCategory: d.forecastCategory ?? stage?.forecastCategories[0] ?? 'pipeline',
        winLikelihood: d.winLikelihood ?? stage?.defaultWinLikelihood ?? 0,
        custom: { ...(d.custom ?? {}) },
        createdAt: null,
        updatedAt: null
      })
    }
  }
  return { byUuid, byRef }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Compares every field of every touched deal on the server with the intended state. */
export function checkTouchedFields(
  initial: readonly OpportunityWire[],
  final: readonly OpportunityWire[],
  changes: readonly Change[]
): FieldCheck {
  const { byUuid, byRef } = intendedState(initial, changes)
  const finalByUuid = new Map(final.map((w) => [w.uuid, mapOpportunity(w)]))
  const byField: FieldCheck['byField'] = {}
  const examples: string[] = []
  let dealsCompared = 0
  let fieldMismatches = 0
  let missingOrPresent = 0
  const miss = (field: Field | 'present', message: string) => {
    byField[field] = (byField[field] ?? 0) + 1
    if (examples.length < 10) examples.push(message)
  }
  const compare = (label: string, expected: Opportunity, actual: Opportunity) => {
    dealsCompared++
    for (const field of Object.keys(expected) as Field[]) {
      if ((SERVER_ASSIGNED as readonly string[]).includes(field)) continue
      if (!same(actual[field], expected[field])) {
        fieldMismatches++
        miss(
          field,
          `${label}: ${field} is ${JSON.stringify(actual[field])}, intended ${JSON.stringify(expected[field])}`
        )
      }
    }
    for (const field of Object.keys(actual) as Field[]) {
      if (!(field in expected)) {
        fieldMismatches++
        miss(field, `${label}: unexpected field ${field}`)
      }
    }
  }

  for (const [uuid, expected] of byUuid) {
    const actual = finalByUuid.get(uuid)
    if (expected.kind === 'gone') {
      if (actual !== undefined) {
        missingOrPresent++
        miss('present', `deleted ${uuid} is still on the server`)
      }
      continue
    }
    if (actual === undefined) {
      missingOrPresent++
      miss('present', `edited ${uuid} is missing on the server`)
      continue
    }
    compare(`edited ${uuid}`, expected.deal, actual)
    // The server moves updated_at forward on every write: an edit that never landed leaves it.
    const after = expected.updatedAfter
    if (after !== null && !(actual.updatedAt !== null && actual.updatedAt > after)) {
      fieldMismatches++
      miss('updatedAt', `edited ${uuid}: updatedAt did not move forward from ${after}`)
    }
  }

  const copiesByRef = new Map<string, Opportunity[]>()
  for (const deal of finalByUuid.values()) {
    const ref = deal.custom[REF_KEY]
    if (typeof ref === 'string') copiesByRef.set(ref, [...(copiesByRef.get(ref) ?? []), deal])
  }
  for (const [ref, expected] of byRef) {
    const copies = copiesByRef.get(ref) ?? []
    if (copies.length === 0) {
      missingOrPresent++
      miss('present', `create ${ref} is missing on the server`)
    }
    // Every copy is compared (duplicates are counted separately, by the mutation log).
    for (const copy of copies) {
      compare(`create ${ref} (${copy.uuid})`, expected, copy)
      for (const field of SERVER_ASSIGNED) {
        if (!copy[field]) {
          fieldMismatches++
          miss(field, `create ${ref}: no ${field}`)
        }
      }
    }
  }
  return { dealsCompared, fieldMismatches, byField, missingOrPresent, examples }
}
