/**
 * The dashboard's numbers, computed from cached records. Plain TypeScript (no DOM, no Dexie) so
 * every figure is unit-tested under Node.
 *
 * Money stays in integer cents throughout: sums are integer additions, and the one place that
 * needs a fraction (the weighted pipeline) multiplies by whole percentages in BigInt and rounds
 * once, at the end.
 */
import type { Activity } from '../../../../shared/domain/activity'
import type { Customer } from '../../../../shared/domain/customer'
import type { Opportunity } from '../../../../shared/domain/opportunity'
// The grouping rules the precomputed aggregates share with this scan (see cache/aggregates/).
import { isOpen, utcMonth } from '../../cache/aggregates/rules'

export const DEFAULT_CURRENCY = 'USD'

// ---- MRR movements per month --------------------------------------------------------------

export const MOVEMENT_KINDS = [
  'newBusiness',
  'expansion',
  'reactivation',
  'contraction',
  'churn'
] as const
export type MovementKind = (typeof MOVEMENT_KINDS)[number]

const KIND_OF_TYPE: Record<string, MovementKind> = {
  new_biz: 'newBusiness',
  expansion: 'expansion',
  reactivation: 'reactivation',
  contraction: 'contraction',
  churn: 'churn'
}

/** One UTC calendar month of MRR movements, in cents (contraction and churn are negative). */
export interface MonthlyMovement {
  /** `YYYY-MM`, UTC. */
  month: string
  newBusiness: number
  expansion: number
  reactivation: number
  contraction: number
  churn: number
  /** Movements of types ChartMogul may add later; counted in the net, not drawn as a bar. */
  other: number
  /** The sum of every movement in the month. */
  net: number
}

type MovementInput = Pick<Activity, 'date' | 'type' | 'mrrMovementCents'>

/** `YYYY-MM` of an ISO timestamp in UTC, or null when it does not parse. */
export { utcMonth }

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4))
  const index = Number(month.slice(5, 7)) // 1-based; as a 0-based index it is next month
  return index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`
}

function emptyMonth(month: string): MonthlyMovement {
  return {
    month,
    newBusiness: 0,
    expansion: 0,
    reactivation: 0,
    contraction: 0,
    churn: 0,
    other: 0,
    net: 0
  }
}

/**
 * Sums movements per UTC month, oldest first, with every month between the first and the last
 * present (months without activity are all zeros). Activities whose date does not parse are
 * skipped. Movements are summed as given, so a churn is as negative as the cache says it is.
 */
export function monthlyMovements(activities: Iterable<MovementInput>): MonthlyMovement[] {
  const entries: MonthEntry[] = []
  for (const activity of activities) {
    const month = utcMonth(activity.date)
    if (month !== null)
      entries.push({ month, type: activity.type, cents: activity.mrrMovementCents })
  }
  return movementsByMonth(entries)
}

/** A movement already placed in its month (or the sum of several of one month and type). */
export interface MonthEntry {
  month: string
  type: string
  cents: number
}

/** The monthly series of movements already placed in their months (see monthlyMovements). */
export function movementsByMonth(entries: Iterable<MonthEntry>): MonthlyMovement[] {
  const byMonth = new Map<string, MonthlyMovement>()
  for (const { month, type, cents } of entries) {
    let row = byMonth.get(month)
    if (!row) {
      row = emptyMonth(month)
      byMonth.set(month, row)
    }
    const kind = KIND_OF_TYPE[type]
    if (kind) row[kind] += cents
    else row.other += cents
    row.net += cents
  }
  if (byMonth.size === 0) return []
  const months = [...byMonth.keys()].sort()
  const last = months[months.length - 1]!
  const out: MonthlyMovement[] = []
  for (let month = months[0]!; month <= last; month = nextMonth(month)) {
    out.push(byMonth.get(month) ?? emptyMonth(month))
  }
  return out
}

// ---- customers ----------------------------------------------------------------------------

export interface CustomerSummary {
  /** Sum of every customer's current MRR. */
  mrrCents: number
  /** ChartMogul's definition: MRR × 12. */
  arrCents: number
  /** The account currency: the most common currency among customers, else USD. */
  currency: string
  total: number
  active: number
  /** Count per status as the records spell it; customers without one under "Unknown". */
  byStatus: { status: string; count: number }[]
}

type CustomerInput = Pick<Customer, 'mrrCents' | 'status' | 'currency'>

export function summarizeCustomers(customers: Iterable<CustomerInput>): CustomerSummary {
  let mrrCents = 0
  let total = 0
  const statuses = new Map<string, number>()
  const currencies = new Map<string, number>()
  for (const customer of customers) {
    total++
    mrrCents += customer.mrrCents
    const status = customer.status ?? 'Unknown'
    statuses.set(status, (statuses.get(status) ?? 0) + 1)
    if (customer.currency) {
      currencies.set(customer.currency, (currencies.get(customer.currency) ?? 0) + 1)
    }
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

// ---- open pipeline ------------------------------------------------------------------------

/**
 * How much of an open deal's amount the weighted pipeline counts, by forecast category, in whole
 * percent. The forecast category is the rep's own call on the deal, so it is used rather than
 * the per-stage win likelihood (which is often left at the stage default):
 * - committed: 100% — the rep commits to closing it this period;
 * - best_case: 50% — could close, not committed;
 * - pipeline:  25% — early, qualified but uncertain.
 * Open deals with no category, or one this app does not know, count 0% (still in the open total).
 */
export const FORECAST_WEIGHTS: Readonly<Record<string, number>> = {
  committed: 100,
  best_case: 50,
  pipeline: 25
}

export interface StageTotal {
  pipeline: string
  stage: string
  count: number
  amountCents: number
}

export interface CategoryTotal {
  /** The forecast category, or "none" when the deal has none. */
  category: string
  count: number
  amountCents: number
  /** Percent of the amount the weighted pipeline counts. */
  weightPercent: number
  weightedCents: number
}

export interface PipelineSummary {
  /** The currency every amount here is in. */
  currency: string
  /** Open deals per pipeline and stage: pipelines by name, stages by their mean win likelihood. */
  byStage: StageTotal[]
  byCategory: CategoryTotal[]
  openCount: number
  openCents: number
  weightedCents: number
  /** Open deals in other currencies: left out of every sum above (never mixed in). */
  otherCurrencies: { currency: string; count: number; amountCents: number }[]
}

type OpportunityInput = Pick<
  Opportunity,
  'pipeline' | 'pipelineStage' | 'amountCents' | 'currency' | 'forecastCategory' | 'winLikelihood'
>

export { isOpen }

/** Cents × percent / 100, rounded half away from zero, exact for any safe-integer amount. */
export function weightCents(cents: number, percent: number): number {
  return divideRounded(BigInt(cents) * BigInt(percent), 100n)
}

/** numerator / denominator (denominator > 0), rounded half away from zero. */
function divideRounded(numerator: bigint, denominator: bigint): number {
  const whole = numerator / denominator
  const rest = numerator % denominator
  if (rest * 2n >= denominator) return Number(whole + 1n)
  if (rest * 2n <= -denominator) return Number(whole - 1n)
  return Number(whole)
}

export function summarizePipeline(
  opportunities: Iterable<OpportunityInput>,
  currency: string
): PipelineSummary {
  const stages = new Map<string, StageTotal & { likelihoodSum: number; likelihoodCount: number }>()
  const categories = new Map<string, { count: number; amountCents: number }>()
  const others = new Map<string, { count: number; amountCents: number }>()
  let openCount = 0
  let openCents = 0
  for (const opportunity of opportunities) {
    if (!isOpen(opportunity)) continue
    if (opportunity.currency !== currency) {
      const other = others.get(opportunity.currency) ?? { count: 0, amountCents: 0 }
      other.count++
      other.amountCents += opportunity.amountCents
      others.set(opportunity.currency, other)
      continue
    }
    openCount++
    openCents += opportunity.amountCents
    const key = JSON.stringify([opportunity.pipeline, opportunity.pipelineStage])
    let stage = stages.get(key)
    if (!stage) {
      stage = {
        pipeline: opportunity.pipeline,
        stage: opportunity.pipelineStage,
        count: 0,
        amountCents: 0,
        likelihoodSum: 0,
        likelihoodCount: 0
      }
      stages.set(key, stage)
    }
    stage.count++
    stage.amountCents += opportunity.amountCents
    if (opportunity.winLikelihood !== null) {
      stage.likelihoodSum += opportunity.winLikelihood
      stage.likelihoodCount++
    }
    const category = opportunity.forecastCategory ?? 'none'
    const total = categories.get(category) ?? { count: 0, amountCents: 0 }
    total.count++
    total.amountCents += opportunity.amountCents
    categories.set(category, total)
  }

  const meanLikelihood = (s: { likelihoodSum: number; likelihoodCount: number }): number =>
    s.likelihoodCount === 0 ? Infinity : s.likelihoodSum / s.likelihoodCount
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

export interface PipelineTotals {
  currency: string
  /** Open deals per stage, each with its mean win likelihood (Infinity when none is known). */
  stages: readonly (StageTotal & { meanLikelihood: number })[]
  categories: ReadonlyMap<string, { count: number; amountCents: number }>
  others: ReadonlyMap<string, { count: number; amountCents: number }>
  openCount: number
  openCents: number
}

/**
 * Orders and weighs totals however they were summed (a scan of every deal, or the precomputed
 * buckets in aggregateSummary.ts): stages by pipeline then likelihood, categories in forecast
 * order, the weighted pipeline rounded once.
 */
export function finishPipeline(totals: PipelineTotals): PipelineSummary {
  const byStage = [...totals.stages]
    .sort(
      (a, b) =>
        a.pipeline.localeCompare(b.pipeline) ||
        a.meanLikelihood - b.meanLikelihood ||
        a.stage.localeCompare(b.stage)
    )
    .map(({ pipeline, stage, count, amountCents }) => ({ pipeline, stage, count, amountCents }))

  const categoryOrder = Object.keys(FORECAST_WEIGHTS)
  const rank = (category: string): number => {
    const index = categoryOrder.indexOf(category)
    return index === -1 ? categoryOrder.length : index
  }
  let weightedNumerator = 0n
  const byCategory: CategoryTotal[] = [...totals.categories]
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
  // Rounded once over the whole pipeline, so per-category rounding never adds up to a drift.
  const weightedCents = divideRounded(weightedNumerator, 100n)

  return {
    currency: totals.currency,
    byStage,
    byCategory,
    openCount: totals.openCount,
    openCents: totals.openCents,
    weightedCents,
    otherCurrencies: [...totals.others]
      .map(([code, total]) => ({ currency: code, ...total }))
      .sort((a, b) => a.currency.localeCompare(b.currency))
  }
}

// ---- everything at once -------------------------------------------------------------------

export interface DashboardSummary {
  customers: CustomerSummary
  movements: MonthlyMovement[]
  pipeline: PipelineSummary
  activityCount: number
  opportunityCount: number
}

export function summarize(input: {
  customers: readonly CustomerInput[]
  activities: readonly MovementInput[]
  opportunities: readonly OpportunityInput[]
}): DashboardSummary {
  const customers = summarizeCustomers(input.customers)
  return {
    customers,
    movements: monthlyMovements(input.activities),
    pipeline: summarizePipeline(input.opportunities, customers.currency),
    activityCount: input.activities.length,
    opportunityCount: input.opportunities.length
  }
}

/** The last `count` months of a series (all of it when shorter). */
export function lastMonths(
  movements: readonly MonthlyMovement[],
  count: number
): MonthlyMovement[] {
  return movements.slice(Math.max(0, movements.length - count))
}
