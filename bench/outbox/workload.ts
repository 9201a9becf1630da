/**
 * The benchmark's workload: one fixed, seeded list of 1,000 changes to a generated account
 * (edits on distinct opportunities, creates, deletes), and the check of a simulator's final
 * state against it — what was intended must be there exactly once, and nothing else may move.
 */
import { mapOpportunity } from '../../src/main/chartmogul'
import type { Dataset, MutationLogEntry, OpportunityWire } from '../../src/main/simulator'
import { PIPELINES } from '../../src/main/simulator'
import {
  FORECAST_CATEGORIES,
  type Opportunity,
  type OpportunityDraft,
  type OpportunityPatch
} from '../../src/shared/domain'
import { seededRandom } from '../../test/unit/sync/support/random'

/** The custom attribute every benchmark create carries, so its server copies can be counted. */
export const REF_KEY = 'bench_ref'

export type Change =
  | { kind: 'edit'; uuid: string; patch: OpportunityPatch }
  | { kind: 'create'; ref: string; draft: OpportunityDraft }
  | { kind: 'delete'; uuid: string }

export interface WorkloadSize {
  edits: number
  creates: number
  deletes: number
}

function shuffle<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[list[i], list[j]] = [list[j] as T, list[i] as T]
  }
  return list
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function randomDate(random: () => number, year: number): string {
  return `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`
}

/** A patch that really changes each field it names (an unchanged field queues nothing). */
function editFor(current: Opportunity, random: () => number): OpportunityPatch {
  const patch: OpportunityPatch = {}
  const stages = (PIPELINES[current.pipeline] ?? []).map((s) => s.name)
  const others = stages.filter((s) => s !== current.pipelineStage)
  if (random() < 0.5 && others.length > 0) {
    patch.pipelineStage = others[Math.floor(random() * others.length)] as string
  }
  if (random() < 0.6)
    patch.amountCents = current.amountCents + 100 * (1 + Math.floor(random() * 5_000))
  if (random() < 0.4) {
    let date = randomDate(random, 2031)
    if (date === current.estimatedCloseDate) date = '2032-02-29'
    patch.estimatedCloseDate = date
  }
  if (random() < 0.3) {
    const choices = FORECAST_CATEGORIES.filter((f) => f !== current.forecastCategory)
    patch.forecastCategory = choices[Math.floor(random() * choices.length)]
  }
  if (Object.keys(patch).length === 0) patch.amountCents = current.amountCents + 1_234
  return patch
}

/**
 * `size.edits` edits on as many distinct opportunities, `size.deletes` deletes of others,
 * `size.creates` creates on random customers, shuffled into one order (the order both sides
 * apply them in).
 */
export function buildWorkload(dataset: Dataset, size: WorkloadSize, seed: number): Change[] {
  const random = seededRandom(seed)
  const opportunities = shuffle(dataset.opportunities.map(mapOpportunity), random)
  if (opportunities.length < size.edits + size.deletes) {
    throw new Error(`the dataset has ${opportunities.length} opportunities; more are needed`)
  }
  const owner = dataset.salesOwners[0]
  if (owner === undefined) throw new Error('the dataset has no sales owner')
  const changes: Change[] = []
  for (const current of opportunities.slice(0, size.edits)) {
    changes.push({ kind: 'edit', uuid: current.uuid, patch: editFor(current, random) })
  }
  for (const current of opportunities.slice(size.edits, size.edits + size.deletes)) {
    changes.push({ kind: 'delete', uuid: current.uuid })
  }
  const pipelines = Object.keys(PIPELINES)
  for (let i = 0; i < size.creates; i++) {
    const customer = dataset.customers[Math.floor(random() * dataset.customers.length)]
    if (customer === undefined) throw new Error('the dataset has no customers')
    const pipeline = pipelines[Math.floor(random() * pipelines.length)] as string
    const stages = PIPELINES[pipeline] ?? []
    const stage = stages[Math.floor(random() * stages.length)]
    const ref = `create-${i}`
    changes.push({
      kind: 'create',
      ref,
      draft: {
        customerUuid: customer.uuid,
        owner: dataset.salesOwners[Math.floor(random() * dataset.salesOwners.length)] ?? owner,
        pipeline,
        pipelineStage: stage?.name ?? 'Discovery',
        estimatedCloseDate: randomDate(random, 2031),
        currency: dataset.account.currency,
        amountCents: 100 * (100 + Math.floor(random() * 50_000)),
        type: random() < 0.8 ? 'recurring' : 'one-time',
        custom: { [REF_KEY]: ref }
      }
    })
  }
  return shuffle(changes, random)
}

export interface Verdict {
  /** Creates that made more than one server opportunity (extra copies, counted). */
  duplicates: number
  /** Edits whose value is not on the server, creates missing, deletes still present. */
  lost: number
  lostEdits: number
  lostCreates: number
  lostDeletes: number
  /** Opportunities the workload did not touch that changed or vanished, or strangers that appeared. */
  unintended: number
  /** A few examples of what went wrong, for the log. */
  examples: string[]
}

const DRAFT_FIELDS = [
  'customerUuid',
  'owner',
  'pipeline',
  'pipelineStage',
  'estimatedCloseDate',
  'currency',
  'amountCents'
] as const

/** Compares the server's final state (and its mutation log) with the workload. */
export function verify(
  initial: readonly OpportunityWire[],
  final: readonly OpportunityWire[],
  log: readonly MutationLogEntry[],
  changes: readonly Change[]
): Verdict {
  const examples: string[] = []
  const note = (message: string) => {
    if (examples.length < 10) examples.push(message)
  }
  const finalByUuid = new Map(final.map((w) => [w.uuid, mapOpportunity(w)]))
  const byRef = new Map<string, Opportunity[]>()
  for (const o of finalByUuid.values()) {
    const ref = o.custom[REF_KEY]
    if (typeof ref !== 'string') continue
    byRef.set(ref, [...(byRef.get(ref) ?? []), o])
  }
  // Every applied create in the log, by ref (request bodies carry `custom` as key/value pairs).
  const appliedByRef = new Map<string, number>()
  for (const e of log) {
    if (e.entity !== 'opportunity' || e.action !== 'create' || !e.applied || e.source !== 'api') {
      continue
    }
    const custom = (e.body as { custom?: { key: string; value: unknown }[] }).custom
    const ref = custom?.find((c) => c.key === REF_KEY)?.value
    if (typeof ref === 'string') appliedByRef.set(ref, (appliedByRef.get(ref) ?? 0) + 1)
  }

  let duplicates = 0
  let lostEdits = 0
  let lostCreates = 0
  let lostDeletes = 0
  const touched = new Set<string>()
  for (const change of changes) {
    if (change.kind === 'edit') {
      touched.add(change.uuid)
      const found = finalByUuid.get(change.uuid) as Record<string, unknown> | undefined
      const wrong = Object.entries(change.patch).filter(
        ([field, value]) => found === undefined || found[field] !== value
      )
      if (wrong.length > 0) {
        lostEdits++
        note(`edit of ${change.uuid}: ${wrong.map(([f]) => f).join(', ')} not on the server`)
      }
    } else if (change.kind === 'delete') {
      touched.add(change.uuid)
      if (finalByUuid.has(change.uuid)) {
        lostDeletes++
        note(`delete of ${change.uuid}: still on the server`)
      }
    } else {
      const copies = byRef.get(change.ref) ?? []
      const extra = Math.max(copies.length, appliedByRef.get(change.ref) ?? 0) - 1
      if (extra > 0) {
        duplicates += extra
        note(`create ${change.ref}: ${extra + 1} copies`)
      }
      const draft = change.draft as Record<string, unknown>
      const exact = copies.filter((o) =>
        DRAFT_FIELDS.every((f) => (o as unknown as Record<string, unknown>)[f] === draft[f])
      )
      if (exact.length === 0) {
        lostCreates++
        note(`create ${change.ref}: not on the server as drafted`)
      }
    }
  }

  let unintended = 0
  const initialByUuid = new Map(initial.map((w) => [w.uuid, w]))
  const finalWire = new Map(final.map((w) => [w.uuid, w]))
  for (const [uuid, before] of initialByUuid) {
    if (touched.has(uuid)) continue
    const after = finalWire.get(uuid)
    if (after === undefined || JSON.stringify(after) !== JSON.stringify(before)) {
      unintended++
      note(`untouched ${uuid} changed`)
    }
  }
  for (const o of finalByUuid.values()) {
    if (!initialByUuid.has(o.uuid) && typeof o.custom[REF_KEY] !== 'string') {
      unintended++
      note(`stranger ${o.uuid} appeared`)
    }
  }
  return {
    duplicates,
    lost: lostEdits + lostCreates + lostDeletes,
    lostEdits,
    lostCreates,
    lostDeletes,
    unintended,
    examples
  }
}
