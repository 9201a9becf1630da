/**
 * CRM opportunities whose fields agree with each other: closed stages carry won/lost forecasts
 * and past close dates, open ones plausible likelihoods and (mostly) future close dates,
 * renewals belong to paying customers and are priced off their current ARR.
 */
import { addDays, isoMillisZ, startOfUtcDay, ymd } from '../formats'
import type { Rng } from '../random'
import { PIPELINES, type StageDefinition } from '../vocabulary'
import type { CustomerWire, JsonValue, OpportunityType, OpportunityWire } from '../wire'
import type { GeneratedPlan } from './plans'

export interface OpportunityContext {
  nowMs: number
  currency: string
  salesOwners: readonly string[]
  customers: readonly CustomerWire[]
  /** When each customer first appeared (ms), by uuid: no deal predates its customer. */
  firstSeen: ReadonlyMap<string, number>
  plansBySource: ReadonlyMap<string, readonly GeneratedPlan[]>
}

const STAGE_WEIGHTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'New Business': {
    Discovery: 25,
    Evaluation: 20,
    Negotiation: 15,
    'Verbal Commit': 8,
    'Closed Won': 17,
    'Closed Lost': 15
  },
  Renewals: {
    Discovery: 25,
    Negotiation: 20,
    'Verbal Commit': 10,
    'Closed Won': 30,
    'Closed Lost': 15
  }
}

const COMPETITORS = ['Baremetrics', 'ProfitWell', 'Maxio', 'In-house spreadsheet', 'None']
const LEAD_SOURCES = ['inbound', 'outbound', 'partner', 'event', 'referral']

function customFields(rng: Rng): Record<string, JsonValue> {
  const custom: Record<string, JsonValue> = {}
  if (rng.chance(0.4)) custom['seats'] = rng.pick([3, 5, 10, 25, 50, 100])
  if (rng.chance(0.3)) custom['from_campaign'] = rng.chance(0.5)
  if (rng.chance(0.15)) custom['competitor'] = rng.pick(COMPETITORS)
  if (rng.chance(0.2)) custom['lead_source'] = rng.pick(LEAD_SOURCES)
  return custom
}

function pickStage(rng: Rng, pipeline: string, createdMs: number, nowMs: number): StageDefinition {
  const stages = PIPELINES[pipeline] ?? []
  const weights = STAGE_WEIGHTS[pipeline] ?? {}
  let stage = rng.weighted(stages.map((s) => [s, weights[s.name] ?? 1] as const))
  // Deals opened more than half a year ago have mostly been decided by now.
  if (!stage.closed && nowMs - createdMs > 180 * 86_400_000 && rng.chance(0.7)) {
    stage =
      stages.find((s) => s.name === (rng.chance(0.55) ? 'Closed Won' : 'Closed Lost')) ?? stage
  }
  return stage
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step)
}

function amountFor(
  rng: Rng,
  type: OpportunityType,
  pipeline: string,
  customer: CustomerWire,
  plans: readonly GeneratedPlan[] | undefined
): number {
  if (type === 'one-time') return rng.int(5, 200) * 100_00
  if (pipeline === 'Renewals' && customer.arr > 0) {
    return roundTo(customer.arr * (0.9 + rng.next() * 0.4), 100_00)
  }
  const plan = plans && plans.length > 0 ? rng.pick(plans) : undefined
  const unitMrr = plan?.meta.mrrCents ?? 9_900
  return roundTo(unitMrr * 12 * rng.int(1, 20), 100_00)
}

export function generateOpportunities(
  rng: Rng,
  count: number,
  ctx: OpportunityContext
): OpportunityWire[] {
  const leads = ctx.customers.filter((c) => c['customer-since'] === null)
  const payers = ctx.customers.filter((c) => c.status === 'Active' || c.status === 'Past Due')
  const out: { createdMs: number; wire: OpportunityWire }[] = []
  if (ctx.customers.length === 0 || ctx.salesOwners.length === 0) return []
  for (let i = 0; i < count; i++) {
    const pipeline = payers.length > 0 && rng.chance(0.3) ? 'Renewals' : 'New Business'
    const pool =
      pipeline === 'Renewals' ? payers : leads.length > 0 && rng.chance(0.6) ? leads : ctx.customers
    const customer = rng.pick(pool)
    const earliest = Math.max(
      ctx.firstSeen.get(customer.uuid) ?? ctx.nowMs,
      addDays(ctx.nowMs, -540)
    )
    const createdMs = Math.floor(
      earliest + rng.next() * Math.max(0, ctx.nowMs - 3_600_000 - earliest)
    )
    const stage = pickStage(rng, pipeline, createdMs, ctx.nowMs)
    const forecast = stage.closed
      ? (stage.forecastCategories[0] ?? 'pipeline')
      : rng.chance(0.7)
        ? (stage.forecastCategories[0] ?? 'pipeline')
        : rng.pick(stage.forecastCategories)
    const winLikelihood = stage.closed
      ? stage.defaultWinLikelihood
      : Math.min(95, Math.max(5, roundTo(stage.defaultWinLikelihood + rng.int(-10, 15), 5)))
    const type: OpportunityType =
      pipeline === 'Renewals' || rng.chance(0.8) ? 'recurring' : 'one-time'
    const closeMs = stage.closed
      ? createdMs + rng.next() * (ctx.nowMs - createdMs)
      : addDays(startOfUtcDay(ctx.nowMs), rng.int(-20, 150))
    const updatedMs = rng.chance(0.4)
      ? createdMs
      : Math.floor(createdMs + rng.next() * (ctx.nowMs - createdMs))
    const wire: OpportunityWire = {
      uuid: rng.uuidV1(createdMs),
      customer_uuid: customer.uuid,
      owner: customer.owner ?? rng.pick(ctx.salesOwners),
      pipeline,
      pipeline_stage: stage.name,
      estimated_close_date: ymd(closeMs),
      currency: rng.chance(0.9) ? ctx.currency : rng.pick(['EUR', 'GBP']),
      amount_in_cents: amountFor(
        rng,
        type,
        pipeline,
        customer,
        ctx.plansBySource.get(customer.data_source_uuid)
      ),
      type,
      forecast_category: forecast,
      win_likelihood: winLikelihood,
      custom: customFields(rng),
      created_at: isoMillisZ(createdMs),
      updated_at: isoMillisZ(updatedMs)
    }
    out.push({ createdMs, wire })
  }
  // Newest first, ties broken by uuid descending: the API's list order.
  out.sort((a, b) => b.createdMs - a.createdMs || (a.wire.uuid < b.wire.uuid ? 1 : -1))
  return out.map((o) => o.wire)
}
