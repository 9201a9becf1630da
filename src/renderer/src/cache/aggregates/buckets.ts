/**
 * What the aggregates store: small "buckets", one per distinct combination of the fields a
 * dashboard figure groups by, each holding a count and integer sums. A row contributes to
 * exactly one bucket of its table, so an insert adds its contribution, an update subtracts the
 * old row's and adds the new one's, and a delete subtracts. Sums are integers (cents, and win
 * likelihoods in thousandths of a percent), so the order of additions never changes a total
 * and the incremental result is exactly what a rebuild from scratch computes. A bucket whose
 * count reaches zero is removed, so "equal to a rebuild" means deep-equal, row for row.
 */
import type { CachedActivity, CachedCustomer, CachedOpportunity } from '../records'
import { isOpen, utcMonth } from './rules'

/** Per UTC month and activity type: the MRR movement. */
export interface MovementBucket {
  id: string
  /** `YYYY-MM`, or '' for activities whose date does not parse (counted, never charted). */
  month: string
  type: string
  count: number
  cents: number
}

/** Per customer status and currency: how many customers and their MRR. */
export interface CustomerBucket {
  id: string
  status: string | null
  currency: string | null
  count: number
  mrrCents: number
}

/** Per deal shape: open or closed, currency, pipeline, stage and forecast category. */
export interface DealBucket {
  id: string
  open: 0 | 1
  currency: string
  pipeline: string
  stage: string
  forecastCategory: string | null
  count: number
  amountCents: number
  /** Sum of win likelihoods in thousandths of a percent (integers add exactly). */
  likelihoodMilli: number
  likelihoodCount: number
}

export type AggregateTableName = 'aggMovements' | 'aggCustomers' | 'aggDeals'
export type AnyBucket = MovementBucket | CustomerBucket | DealBucket

/** The source table each aggregate table summarises. */
export const AGGREGATE_OF_SOURCE = {
  activities: 'aggMovements',
  customers: 'aggCustomers',
  opportunities: 'aggDeals'
} as const satisfies Record<string, AggregateTableName>

export type AggregatedSource = keyof typeof AGGREGATE_OF_SOURCE

export function isAggregatedSource(table: string): table is AggregatedSource {
  return Object.hasOwn(AGGREGATE_OF_SOURCE, table)
}

/** Builds one row's contribution: a bucket with count 1. */
export function movementOf(row: Pick<CachedActivity, 'date' | 'type' | 'mrrMovementCents'>) {
  const month = utcMonth(row.date) ?? ''
  const type = String(row.type)
  const bucket: MovementBucket = {
    id: JSON.stringify([month, type]),
    month,
    type,
    count: 1,
    cents: row.mrrMovementCents
  }
  return bucket
}

export function customerOf(row: Pick<CachedCustomer, 'status' | 'currency' | 'mrrCents'>) {
  const status = row.status ?? null
  const currency = row.currency ?? null
  const bucket: CustomerBucket = {
    id: JSON.stringify([status, currency]),
    status,
    currency,
    count: 1,
    mrrCents: row.mrrCents
  }
  return bucket
}

type DealInput = Pick<
  CachedOpportunity,
  'pipeline' | 'pipelineStage' | 'amountCents' | 'currency' | 'forecastCategory' | 'winLikelihood'
>

export function dealOf(row: DealInput) {
  const open = isOpen(row) ? 1 : 0
  const forecastCategory = row.forecastCategory ?? null
  const likelihood = row.winLikelihood
  const bucket: DealBucket = {
    id: JSON.stringify([open, row.currency, row.pipeline, row.pipelineStage, forecastCategory]),
    open,
    currency: row.currency,
    pipeline: row.pipeline,
    stage: row.pipelineStage,
    forecastCategory,
    count: 1,
    amountCents: row.amountCents,
    likelihoodMilli: likelihood === null ? 0 : Math.round(likelihood * 1000),
    likelihoodCount: likelihood === null ? 0 : 1
  }
  return bucket
}

/** The contribution of one row of a source table to its aggregate table. */
export function contributionOf(source: AggregatedSource, row: unknown): AnyBucket {
  switch (source) {
    case 'activities':
      return movementOf(row as CachedActivity)
    case 'customers':
      return customerOf(row as CachedCustomer)
    case 'opportunities':
      return dealOf(row as CachedOpportunity)
  }
}

const SUMMED: readonly string[] = [
  'count',
  'cents',
  'mrrCents',
  'amountCents',
  'likelihoodMilli',
  'likelihoodCount'
]

/** Adds `sign` × `bucket` into `into` (a bucket with the same id), in place. */
export function addInto(into: AnyBucket, bucket: AnyBucket, sign: 1 | -1): void {
  const target = into as unknown as Record<string, number>
  const source = bucket as unknown as Record<string, number>
  for (const field of SUMMED) {
    if (field in source) target[field] = (target[field] ?? 0) + sign * (source[field] ?? 0)
  }
}

/** Pending changes to one aggregate table, by bucket id; buckets hold signed deltas. */
export type BucketDeltas = Map<string, AnyBucket>

export function addDelta(deltas: BucketDeltas, bucket: AnyBucket, sign: 1 | -1): void {
  const existing = deltas.get(bucket.id)
  if (existing) {
    addInto(existing, bucket, sign)
    return
  }
  const zeroed = { ...bucket }
  for (const field of SUMMED) if (field in zeroed) (zeroed as Record<string, unknown>)[field] = 0
  addInto(zeroed, bucket, sign)
  deltas.set(bucket.id, zeroed)
}

/**
 * The stored buckets after applying deltas: rows to put, and ids to delete (count back to
 * zero). `stored` is aligned with `ids`.
 */
export function applyDeltas(
  ids: readonly string[],
  stored: readonly (AnyBucket | undefined)[],
  deltas: BucketDeltas
): { puts: AnyBucket[]; deletes: string[] } {
  const puts: AnyBucket[] = []
  const deletes: string[] = []
  ids.forEach((id, index) => {
    const delta = deltas.get(id)
    if (!delta) return
    const base = stored[index] ?? ({ ...delta, ...zeroCounts(delta) } as AnyBucket)
    const next = { ...base }
    addInto(next, delta, 1)
    if (next.count === 0) {
      if (stored[index]) deletes.push(id)
    } else puts.push(next)
  })
  return { puts, deletes }
}

function zeroCounts(bucket: AnyBucket): Partial<Record<string, number>> {
  const zeros: Record<string, number> = {}
  for (const field of SUMMED) if (field in bucket) zeros[field] = 0
  return zeros
}
