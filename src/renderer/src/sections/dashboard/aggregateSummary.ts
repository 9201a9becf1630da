/**
 * The dashboard's figures from the precomputed aggregates (cache/aggregates/): the same
 * DashboardSummary the scan of every row in aggregate.ts computes (that scan stays as the
 * tests' oracle), from a few hundred buckets instead of millions of rows.
 */
import type { CustomerBucket, DealBucket, MovementBucket } from '../../cache/aggregates/buckets'
import {
  DEFAULT_CURRENCY,
  finishPipeline,
  movementsByMonth,
  type CustomerSummary,
  type DashboardSummary,
  type MonthlyMovement,
  type PipelineSummary,
  type StageTotal
} from './aggregate'
import type { PipelineDeal } from './pipelineAggregate'

export interface AggregateBuckets {
  movements: readonly MovementBucket[]
  customers: readonly CustomerBucket[]
  deals: readonly DealBucket[]
}

function mostCommon(counts: Map<string, number>): string | null {
  let best: string | null = null
  let bestCount = 0
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && key < best)) {
      best = key
      bestCount = count
    }
  }
  return best
}

const add = (map: Map<string, number>, key: string, by: number): void => {
  map.set(key, (map.get(key) ?? 0) + by)
}

export function customersFromBuckets(buckets: readonly CustomerBucket[]): CustomerSummary {
  let mrrCents = 0
  let total = 0
  const statuses = new Map<string, number>()
  const currencies = new Map<string, number>()
  for (const bucket of buckets) {
    total += bucket.count
    mrrCents += bucket.mrrCents
    add(statuses, bucket.status ?? 'Unknown', bucket.count)
    if (bucket.currency) add(currencies, bucket.currency, bucket.count)
  }
  return {
    mrrCents,
    arrCents: mrrCents * 12,
    currency: mostCommon(currencies) ?? DEFAULT_CURRENCY,
    total,
    active: statuses.get('Active') ?? 0,
    byStatus: [...statuses]
      .map(([status, count]) => ({ status, count }))
      .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status))
  }
}

/** Activities whose date does not parse (month '') are counted, never charted. */
export function movementsFromBuckets(buckets: readonly MovementBucket[]): MonthlyMovement[] {
  return movementsByMonth(buckets.filter((bucket) => bucket.month !== ''))
}

export function pipelineFromBuckets(
  buckets: readonly DealBucket[],
  currency: string
): PipelineSummary {
  type Stage = StageTotal & { likelihoodMilli: number; likelihoodCount: number }
  const stages = new Map<string, Stage>()
  const categories = new Map<string, { count: number; amountCents: number }>()
  const others = new Map<string, { count: number; amountCents: number }>()
  let openCount = 0
  let openCents = 0
  for (const bucket of buckets) {
    if (bucket.open !== 1) continue
    if (bucket.currency !== currency) {
      const other = others.get(bucket.currency) ?? { count: 0, amountCents: 0 }
      other.count += bucket.count
      other.amountCents += bucket.amountCents
      others.set(bucket.currency, other)
      continue
    }
    openCount += bucket.count
    openCents += bucket.amountCents
    const key = JSON.stringify([bucket.pipeline, bucket.stage])
    const stage = stages.get(key) ?? {
      pipeline: bucket.pipeline,
      stage: bucket.stage,
      count: 0,
      amountCents: 0,
      likelihoodMilli: 0,
      likelihoodCount: 0
    }
    stage.count += bucket.count
    stage.amountCents += bucket.amountCents
    stage.likelihoodMilli += bucket.likelihoodMilli
    stage.likelihoodCount += bucket.likelihoodCount
    stages.set(key, stage)
    const category = bucket.forecastCategory ?? 'none'
    const total = categories.get(category) ?? { count: 0, amountCents: 0 }
    total.count += bucket.count
    total.amountCents += bucket.amountCents
    categories.set(category, total)
  }

  const meanLikelihood = (s: Stage): number =>
    s.likelihoodCount === 0 ? Infinity : s.likelihoodMilli / (s.likelihoodCount * 1000)
  return finishPipeline({
    currency,
    stages: [...stages.values()].map((stage) => ({
      ...stage,
      meanLikelihood: meanLikelihood(stage)
    })),
    categories,
    others,
    openCount,
    openCents
  })
}

export function summarizeBuckets(buckets: AggregateBuckets): DashboardSummary {
  const customers = customersFromBuckets(buckets.customers)
  const count = (rows: readonly { count: number }[]): number =>
    rows.reduce((sum, row) => sum + row.count, 0)
  return {
    customers,
    movements: movementsFromBuckets(buckets.movements),
    pipeline: pipelineFromBuckets(buckets.deals, customers.currency),
    activityCount: count(buckets.movements),
    opportunityCount: count(buckets.deals)
  }
}

/** The pipeline dashboard's input (pipelineAggregate.ts) from the deal buckets. */
export function dealGroups(buckets: readonly DealBucket[]): PipelineDeal[] {
  return buckets.map((bucket) => ({
    pipelineStage: bucket.stage,
    currency: bucket.currency,
    amountCents: bucket.amountCents,
    count: bucket.count
  }))
}
