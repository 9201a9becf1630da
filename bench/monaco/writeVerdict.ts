/**
 * The write phase's verdict, from the simulator alone (never from what Revdesk says it did):
 * its mutation log — every create it applied, and every create it answered from its
 * idempotency memory without applying — and its final state, deal by deal and field by field,
 * against the deals the workload asked for.
 */
import type { OpportunityRecord, RunningMonacoSimulator } from '../../src/main/monacoSimulator'
import { toWireEstimatedValue } from '../../src/main/monaco/wire/money'
import { DEAL_NAME_PREFIX, type IntendedDeal } from './writeWorkload'

export interface WriteVerdict {
  /** Applied creates of intended deals − distinct intended deals among them. */
  duplicates: number
  /** Intended deals with no deal of that name on the server. */
  lost: number
  /** Fields of intended deals on the server that differ from what was asked for. */
  fieldMismatches: number
  /** Creates Monaco answered from its idempotency memory (a resend of an applied create). */
  replays: number
  appliedCreates: number
  /** Applied creates that are no intended deal (must be 0: nothing else writes here). */
  strayCreates: number
  examples: string[]
}

type Deal = OpportunityRecord

/** The fields a create sets, as Monaco stores them, in comparable form. */
function stored(deal: Deal): Record<string, unknown> {
  return {
    customerUuid: deal.accountId,
    owner: deal.ownerId,
    pipelineStage: deal.stage,
    estimatedCloseDate: deal.estimatedCloseDate,
    currency: deal.estimatedValue?.currencyCode ?? null,
    amount: deal.estimatedValue?.amount ?? null,
    tagIds: [...deal.tagIds].sort()
  }
}

function wanted(intended: IntendedDeal): Record<string, unknown> {
  const money = toWireEstimatedValue({
    currency: intended.currency,
    amountMinor: intended.amountCents ?? 0
  })
  return {
    customerUuid: intended.customerUuid,
    owner: intended.owner,
    pipelineStage: intended.pipelineStage,
    estimatedCloseDate: intended.estimatedCloseDate,
    currency: intended.currency,
    amount: money.ok ? money.value.amount : `unrepresentable: ${money.message}`,
    tagIds: [...intended.tagIds].sort()
  }
}

export function judgeWrites(
  sim: Pick<RunningMonacoSimulator, 'store' | 'mutationLog'>,
  intended: readonly IntendedDeal[]
): WriteVerdict {
  const examples: string[] = []
  const names = new Set(intended.map((d) => d.name))
  const creates = sim.mutationLog.filter(
    (e) => e.entity === 'opportunity' && e.source === 'api' && e.action === 'create'
  )
  const nameOf = (body: unknown): string | null => {
    const name = (body as { name?: unknown } | null)?.name
    return typeof name === 'string' ? name : null
  }
  const applied = creates.filter((e) => e.applied)
  const appliedNames = applied.map((e) => nameOf(e.body))
  const ours = appliedNames.filter((n): n is string => n !== null && names.has(n))
  const duplicates = ours.length - new Set(ours).size
  const strayCreates = appliedNames.length - ours.length
  // A resend with a remembered key: 200 with the first deal, nothing applied.
  const replays = creates.filter((e) => !e.applied && e.status === 200).length

  const onServer = new Map<string, Deal[]>()
  for (const deal of sim.store.all('opportunities')) {
    if (deal.name === null || !deal.name.startsWith(DEAL_NAME_PREFIX)) continue
    onServer.set(deal.name, [...(onServer.get(deal.name) ?? []), deal])
  }
  let lost = 0
  let fieldMismatches = 0
  for (const deal of intended) {
    const found = onServer.get(deal.name) ?? []
    if (found.length === 0) {
      lost += 1
      if (examples.length < 5) examples.push(`lost: ${deal.name}`)
      continue
    }
    const want = wanted(deal)
    for (const copy of found) {
      const have = stored(copy)
      for (const [field, value] of Object.entries(want)) {
        if (JSON.stringify(have[field]) === JSON.stringify(value)) continue
        fieldMismatches += 1
        if (examples.length < 5) {
          examples.push(
            `${deal.name} ${field}: asked ${JSON.stringify(value)}, stored ${JSON.stringify(have[field])}`
          )
        }
      }
    }
  }
  if (duplicates > 0 && examples.length < 5) {
    const seen = new Set<string>()
    const twice = ours.find((n) => (seen.has(n) ? true : (seen.add(n), false)))
    examples.push(`created more than once: ${twice}`)
  }
  return {
    duplicates,
    lost,
    fieldMismatches,
    replays,
    appliedCreates: applied.length,
    strayCreates,
    examples
  }
}
