/**
 * `seed → account`: a complete, internally consistent ChartMogul account. Pure and
 * deterministic — the same options always give deep-equal output, and nothing reads the clock.
 */
import type { BillingSystem, DataSourceInfo, Dataset, DatasetOptions, PlanMeta } from './dataset'
import { DEFAULT_DATASET_NOW } from './dataset'
import { addDays, isoMillisZ } from './formats'
import { customerTimeline, type TimedActivity } from './generate/activities'
import {
  assignIdentity,
  demoteToLead,
  draftCustomers,
  finalizeCustomer,
  type CustomerDraft
} from './generate/customers'
import { asciiSlug, makeCompany, makePerson } from './generate/names'
import { generateOpportunities } from './generate/opportunities'
import { generatePlans, type GeneratedPlan } from './generate/plans'
import { Rng, createFaker, deriveSeed } from './random'
import type { AccountWire, ActivityWire, CustomerWire } from './wire'

function toMs(value: string | Date | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const ms = value instanceof Date ? value.getTime() : Date.parse(value)
  if (Number.isNaN(ms)) throw new Error(`generateDataset: invalid date ${String(value)}`)
  return ms
}

function nonNegativeInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`generateDataset: ${name} must be a non-negative integer, got ${value}`)
  }
  return value
}

/** How many activities each paying customer gets: one new_biz each, the rest favour tenure. */
function allocateActivities(rng: Rng, payers: readonly CustomerDraft[], total: number): number[] {
  const counts = payers.map(() => 1)
  if (payers.length === 0) return counts
  for (let extra = total - payers.length; extra > 0; extra--) {
    const a = rng.int(0, payers.length - 1)
    const b = rng.int(0, payers.length - 1)
    const older =
      (payers[a] as CustomerDraft).firstSeenMs <= (payers[b] as CustomerDraft).firstSeenMs
    const pick = rng.chance(0.7) === older ? a : b
    counts[pick] = (counts[pick] ?? 1) + 1
  }
  return counts
}

export function generateDataset(options: DatasetOptions): Dataset {
  const seed = options.seed
  if (!Number.isInteger(seed)) throw new Error('generateDataset: seed must be an integer')
  const customerCount = nonNegativeInt('customers', options.customers ?? 500)
  const planCount = Math.max(
    2,
    nonNegativeInt(
      'plans',
      options.plans ?? Math.min(300, Math.max(12, Math.round(customerCount / 35)))
    )
  )
  const totalActivities = nonNegativeInt(
    'targetActivities',
    options.targetActivities ?? Math.round((options.activitiesPerCustomer ?? 3) * customerCount)
  )
  const opportunityCount = nonNegativeInt(
    'opportunities',
    options.opportunities ?? Math.round(customerCount / 4)
  )
  const nowMs = toMs(options.now, Date.parse(DEFAULT_DATASET_NOW))
  const startMs = toMs(options.startDate, addDays(nowMs, -4 * 365))
  if (startMs >= addDays(nowMs, -2)) {
    throw new Error('generateDataset: startDate must be at least two days before now')
  }

  // Independent streams per area: changing how opportunities are drawn never reshuffles customers.
  const stream = (label: string): Rng => new Rng(deriveSeed(seed, label))
  const faker = createFaker(seed)

  const accountRng = stream('account')
  const accountCompany = makeCompany(accountRng, faker)
  const accountSlug = asciiSlug(accountCompany.company) || 'acme'
  const currency = 'USD'
  const account: AccountWire = {
    name: accountCompany.company,
    currency,
    time_zone: accountRng.pick(['America/New_York', 'Europe/Berlin', 'Europe/London']),
    week_start_on: accountRng.pick(['monday', 'sunday'])
  }
  const salesOwners = Array.from({ length: 6 }, () => {
    const p = makePerson(faker)
    return `${asciiSlug(p.firstName)}.${asciiSlug(p.lastName)}@${accountSlug}.com`
  })
  const dataSources: DataSourceInfo[] = (['Stripe', 'Recurly'] as BillingSystem[]).map(
    (system, i) => {
      const createdMs = addDays(startMs, -200 + i * 50)
      return {
        uuid: `ds_${accountRng.uuidV1(createdMs)}`,
        name: system === 'Stripe' ? 'Stripe' : 'Recurly (EU)',
        system,
        created_at: isoMillisZ(createdMs)
      }
    }
  )

  const plans = generatePlans(stream('plans'), planCount, dataSources, startMs)
  const plansBySource = new Map<string, GeneratedPlan[]>()
  for (const plan of plans) {
    const list = plansBySource.get(plan.dataSource.uuid) ?? []
    list.push(plan)
    plansBySource.set(plan.dataSource.uuid, list)
  }
  for (const list of plansBySource.values()) list.sort((a, b) => a.meta.mrrCents - b.meta.mrrCents)

  const customerRng = stream('customers')
  const drafts = draftCustomers(customerRng, faker, customerCount, {
    startMs,
    nowMs,
    currency,
    accountSlug,
    dataSources,
    salesOwners
  })
  // Fewer activities than paying customers: the most recent would-be payers stay leads.
  const payersByAge = drafts.filter((d) => d.paying).sort((a, b) => a.firstSeenMs - b.firstSeenMs)
  for (const draft of payersByAge.splice(totalActivities)) demoteToLead(draft)
  assignIdentity(customerRng, drafts)

  const activityRng = stream('activities')
  const payers = drafts.filter((d) => d.paying)
  const counts = allocateActivities(activityRng, payers, totalActivities)
  const timed: { customerId: number; index: number; item: TimedActivity }[] = []
  payers.forEach((draft, i) => {
    const timeline = customerTimeline(activityRng, {
      customer: draft.wire,
      source: draft.source,
      plans: plansBySource.get(draft.source.uuid) ?? [],
      firstMs: draft.firstSeenMs,
      nowMs,
      count: counts[i] ?? 1,
      currency
    })
    timeline.forEach((item, index) => timed.push({ customerId: draft.wire.id, index, item }))
    const last = timeline[timeline.length - 1]
    finalizeCustomer(customerRng, draft, last?.wire['activity-mrr'] ?? 0, accountSlug)
  })
  timed.sort((a, b) => a.item.ms - b.item.ms || a.customerId - b.customerId || a.index - b.index)
  const activities: ActivityWire[] = timed.map((t) => t.item.wire)

  const customers: CustomerWire[] = drafts.map((d) => d.wire)
  const opportunities = generateOpportunities(stream('opportunities'), opportunityCount, {
    nowMs,
    currency,
    salesOwners,
    customers,
    firstSeen: new Map(drafts.map((d) => [d.wire.uuid, d.firstSeenMs])),
    plansBySource
  })

  const planMeta: Record<string, PlanMeta> = {}
  for (const plan of plans) planMeta[plan.wire.uuid] = plan.meta
  const plansNewestFirst = plans
    .slice()
    .sort((a, b) => b.createdMs - a.createdMs || b.meta.id - a.meta.id)
    .map((p) => p.wire)

  return {
    seed,
    now: isoMillisZ(nowMs),
    account,
    dataSources,
    salesOwners,
    customers,
    plans: plansNewestFirst,
    planMeta,
    activities,
    opportunities
  }
}
