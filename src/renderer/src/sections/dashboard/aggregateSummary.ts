/**
 * The dashboard's figures from the precomputed aggregates (cache/aggregates/): the same
 * DashboardSummary the scan of every row in aggregate.ts computes (that scan stays as the
 * tests' oracle), from a few hundred buckets instead of millions of rows.
 */
import type { CustomerBucket, DealBucket, MovementBucket } from '../../cache/aggregates/buckets'
import {
  DEFAULT_CURRENCY,
  FORECAST_WEIGHTS,
  movementsByMonth,
  weightCents,
  type CategoryTotal,
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

function divideRounded(numerator: bigint, denominator: bigint): number {
  const whole = numerator / denominator
  const rest = numerator % denominator
  if (rest * 2n >= denominator) return Number(whole + 1n)
  if (rest * 2n <= -denominator) return Number(whole - 1n)
  return Number(whole)
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
  const byStage = [...stages.values()]
    .sort(
      (a, b) =>
        a.pipeline.localeCompare(b.pipeline) ||
        meanLikelihood(a) - meanLikelihood(b) ||
        a.stage.localeCompare(b.stage)
    )
    .map(({ pipeline, stage, count, amountCents }) => ({ pipeline, stage, count, amountCents }))

  const categoryOrder = Object.keys(FORECAST_WEIGHTS)
  const rank = (category: string): number => {
    const index = categoryOrder.indexOf(category)
    return index === -1 ? categoryOrder.length : index
  }
  let weightedNumerator = 0n
  const byCategory: CategoryTotal[] = [...categories]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([category, total]) => {
      const weightPercent = FORECAST_WEIGHTS[category] ?? 0
      weightedNumerator += BigInt(total.amountCents) * BigInt(weightPercent)
      return {
        category,
        count: total.count,
        amountCents: total.amountCents,
        weightPercent,
        weightedCents: weightCents(total.amountCents, weightPercent)
      }
    })

  return {
    currency,
    byStage,
    byCategory,
    openCount,
    openCents,
    weightedCents: divideRounded(weightedNumerator, 100n),
    otherCurrencies: [...others]
      .map(([code, total]) => ({ currency: code, ...total }))
      .sort((a, b) => a.currency.localeCompare(b.currency))
  }
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
