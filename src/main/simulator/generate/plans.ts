/** Plans across the account's data sources, each with a hidden price that drives MRR. */
import { PLAN_INTERVALS, PLAN_TIERS, type PlanInterval, type PlanTier } from '../catalog'
import type { DataSourceInfo, PlanMeta } from '../dataset'
import { addDays, isoMillisZ } from '../formats'
import type { Rng } from '../random'
import type { PlanWire } from '../wire'

export interface GeneratedPlan {
  wire: PlanWire
  meta: PlanMeta
  dataSource: DataSourceInfo
  createdMs: number
}

function externalIdFor(
  rng: Rng,
  source: DataSourceInfo,
  tier: PlanTier,
  interval: PlanInterval,
  version: number
): string {
  if (source.system === 'Stripe') return `price_${rng.alnum(14)}`
  const base = `${tier.name}-${interval.label}`.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  return version > 0 ? `${base}-v${version + 1}` : base
}

/**
 * Plans are created before the first customer signs up (spread over the 120 days before
 * `startMs`), in index order, so creation time and numeric id ascend together.
 */
export function generatePlans(
  rng: Rng,
  count: number,
  dataSources: readonly DataSourceInfo[],
  startMs: number
): GeneratedPlan[] {
  const seen = new Map<string, number>()
  const plans: GeneratedPlan[] = []
  const firstMs = addDays(startMs, -120)
  const stepMs = (120 * 86_400_000) / Math.max(count, 1)
  let id = 1_100_000 + rng.int(0, 5000)
  const intervalWeights = PLAN_INTERVALS.map((i) => [i, i.weight] as const)
  for (let i = 0; i < count; i++) {
    // Alternate sources so each has plans of every price band, even for small counts.
    const source = dataSources[i % dataSources.length] as DataSourceInfo
    const tier = PLAN_TIERS[Math.floor(i / dataSources.length) % PLAN_TIERS.length] as PlanTier
    const interval = rng.weighted(intervalWeights)
    const baseName = `${tier.name} ${interval.label}`
    const key = `${source.uuid}|${baseName}`
    const version = seen.get(key) ?? 0
    seen.set(key, version + 1)
    const name = version > 0 ? `${baseName} v${version + 1}` : baseName
    // Later versions of a plan cost a little more, as price rises tend to go.
    const monthly = tier.monthly * (1 + 0.15 * version)
    const mrrCents = Math.round((monthly * interval.periodFactor * 100) / interval.months)
    const createdMs = Math.floor(firstMs + i * stepMs + rng.next() * stepMs * 0.9)
    id += rng.int(1, 40)
    const uuid = `pl_${rng.uuidV1(createdMs)}`
    plans.push({
      wire: {
        external_id: externalIdFor(rng, source, tier, interval, version),
        name,
        interval_count: interval.count,
        uuid,
        interval_unit: interval.unit,
        data_source_uuid: source.uuid
      },
      meta: { id, createdAt: isoMillisZ(createdMs), mrrCents },
      dataSource: source,
      createdMs
    })
  }
  return plans
}
