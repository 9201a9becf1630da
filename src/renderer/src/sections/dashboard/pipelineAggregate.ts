/**
 * The pipeline dashboard's figures (providers with no MRR data, e.g. Monaco): deals per stage,
 * in the pipeline's order, with their count, total and — only where every stage with deals has
 * a win probability — a weighted total. Amounts in the workspace's main currency (the one most
 * deals use); deals in other currencies are counted apart, never converted or mixed in.
 */
import type { MonacoEnumOption } from '../../../../shared/domain/monaco'

export interface PipelineDeal {
  pipelineStage: string
  /** '' when the deal has no value. */
  currency: string
  amountCents: number
  /**
   * How many deals this stands for (default 1): a precomputed bucket of deals sharing stage
   * and currency, `amountCents` their sum.
   */
  count?: number
}

/** A stage as the schema lists it; `probability` (0–100) when the provider gives one. */
export type PipelineStageOption = MonacoEnumOption & { probability?: unknown }

export interface PipelineStageTotal {
  key: string
  label: string
  count: number
  /** In the main currency; deals without a value add nothing. */
  amountCents: number
  /** null when the stage has no probability. */
  probability: number | null
}

export interface PipelineSummary {
  /** The main currency, or null when no deal has a value. */
  currency: string | null
  stages: PipelineStageTotal[]
  dealCount: number
  /** Sum over the stages, in `currency`. */
  totalCents: number
  /** Weighted by stage probability, or null when any stage with deals has none (unweighted). */
  weightedCents: number | null
  /** Deals with no value (counted in their stage, worth nothing in the totals). */
  withoutValue: number
  otherCurrencies: { currency: string; count: number; amountCents: number }[]
}

function probabilityOf(option: PipelineStageOption | undefined): number | null {
  const value = option?.probability
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100
    ? value
    : null
}

function mainCurrency(deals: readonly PipelineDeal[]): string | null {
  const counts = new Map<string, number>()
  for (const deal of deals) {
    if (deal.currency) {
      counts.set(deal.currency, (counts.get(deal.currency) ?? 0) + (deal.count ?? 1))
    }
  }
  let best: string | null = null
  let bestCount = 0
  for (const [currency, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && currency < best)) {
      best = currency
      bestCount = count
    }
  }
  return best
}

export function summarizePipeline(
  deals: readonly PipelineDeal[],
  stageOptions: readonly PipelineStageOption[] | null
): PipelineSummary {
  const currency = mainCurrency(deals)
  const options = new Map((stageOptions ?? []).map((option) => [option.key, option]))
  const totals = new Map<string, PipelineStageTotal>()
  // Every known stage shows, in pipeline order, even with no deals.
  for (const option of stageOptions ?? []) {
    totals.set(option.key, {
      key: option.key,
      label: option.label,
      count: 0,
      amountCents: 0,
      probability: probabilityOf(option)
    })
  }
  const others = new Map<string, { currency: string; count: number; amountCents: number }>()
  let withoutValue = 0
  let dealCount = 0
  // Stages the schema does not list come after the known ones, by key (whatever order the
  // deals were read in).
  const sorted = [...deals].sort((a, b) =>
    a.pipelineStage < b.pipelineStage ? -1 : a.pipelineStage > b.pipelineStage ? 1 : 0
  )
  for (const deal of sorted) {
    const weight = deal.count ?? 1
    dealCount += weight
    const key = deal.pipelineStage
    let total = totals.get(key)
    if (!total) {
      // A stage the schema does not (yet) list is shown by its key, after the known ones.
      total = {
        key,
        label: key === '' ? 'No stage' : key,
        count: 0,
        amountCents: 0,
        probability: probabilityOf(options.get(key))
      }
      totals.set(key, total)
    }
    total.count += weight
    if (!deal.currency) {
      withoutValue += weight
    } else if (deal.currency === currency) {
      total.amountCents += deal.amountCents
    } else {
      const other = others.get(deal.currency) ?? {
        currency: deal.currency,
        count: 0,
        amountCents: 0
      }
      other.count += weight
      other.amountCents += deal.amountCents
      others.set(deal.currency, other)
    }
  }
  const stages = [...totals.values()]
  const withDeals = stages.filter((stage) => stage.count > 0)
  const weighted =
    withDeals.length > 0 && withDeals.every((stage) => stage.probability !== null)
      ? withDeals.reduce(
          (sum, stage) => sum + Math.round((stage.amountCents * (stage.probability ?? 0)) / 100),
          0
        )
      : null
  return {
    currency,
    stages,
    dealCount,
    totalCents: stages.reduce((sum, stage) => sum + stage.amountCents, 0),
    weightedCents: weighted,
    withoutValue,
    otherCurrencies: [...others.values()].sort((a, b) => a.currency.localeCompare(b.currency))
  }
}
