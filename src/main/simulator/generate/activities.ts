/**
 * MRR movements per customer, produced by a small subscription state machine so that the
 * history is internally consistent: each activity's `activity-mrr` is the running MRR after it,
 * `activity-mrr-movement` the change, churn only from positive MRR, reactivation only from zero.
 */
import type { DataSourceInfo } from '../dataset'
import { isoSecondsOffset } from '../formats'
import type { Rng } from '../random'
import type { ActivityType, ActivityWire, CustomerWire } from '../wire'
import type { GeneratedPlan } from './plans'

export interface TimelineInput {
  customer: CustomerWire
  source: DataSourceInfo
  /** Plans of the customer's data source, cheapest first. */
  plans: readonly GeneratedPlan[]
  firstMs: number
  nowMs: number
  count: number
  currency: string
}

export interface TimedActivity {
  ms: number
  wire: ActivityWire
}

interface SubscriptionState {
  plan: GeneratedPlan
  quantity: number
  subscriptionId: string
}

function subscriptionIdFor(rng: Rng, source: DataSourceInfo): string {
  return source.system === 'Stripe' ? `sub_${rng.alnum(14)}` : rng.hex(32)
}

function startingQuantity(rng: Rng): number {
  return rng.weighted([
    [1, 70],
    [rng.int(2, 5), 20],
    [rng.int(6, 25), 10]
  ])
}

function mrrOf(state: SubscriptionState): number {
  return state.plan.meta.mrrCents * state.quantity
}

/** Index of a plan strictly pricier (dir 1) or cheaper (dir -1) than the current one. */
function neighbourPlan(
  rng: Rng,
  plans: readonly GeneratedPlan[],
  current: GeneratedPlan,
  dir: 1 | -1
): GeneratedPlan | undefined {
  const price = current.meta.mrrCents
  const candidates = plans.filter((p) =>
    dir === 1 ? p.meta.mrrCents > price : p.meta.mrrCents < price
  )
  if (candidates.length === 0) return undefined
  // Prefer the nearest price band: people step up or down one tier, rarely jump.
  const ordered = dir === 1 ? candidates : candidates.slice().reverse()
  return ordered[Math.min(ordered.length - 1, rng.int(0, 1))]
}

interface Step {
  type: ActivityType
  description: string
}

function expand(rng: Rng, plans: readonly GeneratedPlan[], s: SubscriptionState): Step {
  const upgrade = rng.chance(0.5) ? neighbourPlan(rng, plans, s.plan, 1) : undefined
  if (upgrade) {
    const from = s.plan.wire.name
    s.plan = upgrade
    return {
      type: 'expansion',
      description: `upgraded from the ${from} plan to the ${upgrade.wire.name} plan`
    }
  }
  const before = s.quantity
  s.quantity += rng.int(1, 3)
  return {
    type: 'expansion',
    description: `increased quantity of the ${s.plan.wire.name} plan from ${before} to ${s.quantity}`
  }
}

function contract(rng: Rng, plans: readonly GeneratedPlan[], s: SubscriptionState): Step | null {
  if (s.quantity > 1 && rng.chance(0.5)) {
    const before = s.quantity
    s.quantity -= rng.int(1, s.quantity - 1)
    return {
      type: 'contraction',
      description: `decreased quantity of the ${s.plan.wire.name} plan from ${before} to ${s.quantity}`
    }
  }
  const downgrade = neighbourPlan(rng, plans, s.plan, -1)
  if (!downgrade) return null
  const from = s.plan.wire.name
  s.plan = downgrade
  return {
    type: 'contraction',
    description: `downgraded from the ${from} plan to the ${downgrade.wire.name} plan`
  }
}

/** Sorted, distinct whole-second instants: the first is `firstMs`, the rest after it. */
function eventTimes(rng: Rng, firstMs: number, nowMs: number, count: number): number[] {
  const first = Math.floor(firstMs / 1000) * 1000
  const spanSeconds = Math.max(1, Math.floor((nowMs - first) / 1000))
  const seconds = new Set<number>()
  while (seconds.size < Math.min(count - 1, spanSeconds)) {
    seconds.add(1 + Math.floor(rng.next() * spanSeconds))
  }
  const rest = [...seconds].sort((a, b) => a - b).map((s) => first + s * 1000)
  return [first, ...rest]
}

export function customerTimeline(rng: Rng, input: TimelineInput): TimedActivity[] {
  const { customer, plans, source } = input
  const pickStartPlan = (): GeneratedPlan =>
    // Most customers start in the lower half of the price list.
    plans[Math.floor(Math.pow(rng.next(), 1.6) * plans.length)] as GeneratedPlan
  const state: SubscriptionState = {
    plan: pickStartPlan(),
    quantity: startingQuantity(rng),
    subscriptionId: subscriptionIdFor(rng, source)
  }
  const out: TimedActivity[] = []
  let mrr = 0
  for (const ms of eventTimes(rng, input.firstMs, input.nowMs, input.count)) {
    let step: Step
    if (out.length === 0) {
      step = { type: 'new_biz', description: `purchased the ${state.plan.wire.name} plan` }
    } else if (mrr === 0) {
      state.plan = pickStartPlan()
      state.quantity = startingQuantity(rng)
      state.subscriptionId = subscriptionIdFor(rng, source)
      step = { type: 'reactivation', description: `reactivated the ${state.plan.wire.name} plan` }
    } else {
      const kind = rng.weighted<'expansion' | 'contraction' | 'churn'>([
        ['expansion', 50],
        ['contraction', 30],
        ['churn', 20]
      ])
      if (kind === 'churn') {
        step = { type: 'churn', description: `cancelled the ${state.plan.wire.name} plan` }
      } else {
        step =
          (kind === 'contraction' ? contract(rng, plans, state) : null) ?? expand(rng, plans, state)
      }
    }
    const after = step.type === 'churn' ? 0 : mrrOf(state)
    out.push({
      ms,
      wire: {
        description: step.description,
        'activity-mrr-movement': after - mrr,
        'activity-mrr': after,
        'activity-arr': after * 12,
        date: isoSecondsOffset(ms),
        type: step.type,
        currency: input.currency,
        'subscription-external-id': state.subscriptionId,
        'subscription-set-external-id': state.subscriptionId,
        'plan-external-id': state.plan.wire.external_id,
        'customer-name': customer.name,
        'customer-uuid': customer.uuid,
        'customer-external-id': customer.external_id,
        'billing-connector-uuid': source.uuid,
        uuid: rng.uuidV4()
      }
    })
    mrr = after
  }
  return out
}
