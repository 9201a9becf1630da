/**
 * The write phase's workload: deal creates, each with a unique name (how the verdict finds it
 * again on the server), spread over the organization's accounts, owners, stages and tags,
 * drawn from a seeded stream so every run asks for the same deals.
 */
import type { RunningMonacoSimulator } from '../../src/main/monacoSimulator'
import { STAGES } from '../../src/main/monacoSimulator'
import type { MonacoDealDraft } from '../../src/shared/domain'
import { seededRandom } from '../../test/unit/sync/support/random'

/** Every field a create sets, in the outbox's (neutral) terms. */
export type IntendedDeal = Required<
  Pick<
    MonacoDealDraft,
    | 'customerUuid'
    | 'name'
    | 'owner'
    | 'pipelineStage'
    | 'estimatedCloseDate'
    | 'currency'
    | 'amountCents'
    | 'tagIds'
  >
>

export const DEAL_NAME_PREFIX = 'Bench deal '

export function buildCreates(
  sim: Pick<RunningMonacoSimulator, 'store'>,
  count: number,
  seed: number
): IntendedDeal[] {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const accounts = sim.store.all('accounts').map((a) => a.id)
  const users = sim.store.users().map((u) => u.id)
  const tags = sim.store.tags('opportunities').map((t) => t.id)
  const stages = STAGES.map((s) => s.key)
  return Array.from({ length: count }, (_, i) => ({
    customerUuid: pick(accounts),
    name: `${DEAL_NAME_PREFIX}${String(i).padStart(4, '0')}`,
    owner: pick(users),
    pipelineStage: pick(stages),
    estimatedCloseDate: `2031-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-1${Math.floor(random() * 10)}`,
    currency: 'USD',
    amountCents: (1 + Math.floor(random() * 90_000)) * 100,
    tagIds: tags.filter(() => random() < 0.3).sort()
  }))
}
