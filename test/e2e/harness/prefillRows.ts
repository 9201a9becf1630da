/**
 * Deterministic rows for a large prefilled cache (the 1M-row benchmark and end-to-end checks),
 * in the domain shapes the sync writes (`Customer`, `Activity`, `Opportunity`, `Plan`). Every
 * row is a pure function of (seed, index), so any slice can be generated on its own — in the
 * page, next to the database, without shipping millions of rows over the test's socket — and a
 * test can recompute any row to know what the app should show.
 *
 * Not the simulator's generators: those build a consistent account (activities derived from
 * subscriptions) and are far too slow for millions of rows. These only need realistic text for
 * search, distinct MRR values for sorting and references that resolve (activities and deals
 * point at existing customers).
 */
import type { Activity, Customer, Opportunity, Plan } from '../../../src/shared/domain'

export interface PrefillCounts {
  customers: number
  activities: number
  opportunities: number
  plans: number
}

/** A 32-bit mix of (seed, index): the same row every time, uncorrelated neighbours. */
export function mix(seed: number, index: number, salt = 0): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca77)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad)
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97)
  return (h ^ (h >>> 15)) >>> 0
}

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T
}

const FIRST = [
  'Maria',
  'James',
  'Sofia',
  'Jonas',
  'Chen',
  'Kavya',
  'Lucas',
  'Amara',
  'Mateo',
  'Ingrid',
  'Noah',
  'Yuki',
  'Elena',
  'Omar',
  'Freya',
  'Diego',
  'Hana',
  'Kofi',
  'Lena',
  'Ravi'
] as const
const LAST = [
  'Schmidt',
  'Okafor',
  'Silva',
  'Kowalski',
  'Nguyen',
  'Jensen',
  'Moreau',
  'Costa',
  'Tanaka',
  'Murphy',
  'Lindqvist',
  'Haddad',
  'Rossi',
  'Kim',
  'Fischer',
  'Santos',
  'Novak',
  'Brennan'
] as const
const PREFIX = [
  'Acme',
  'Blue',
  'Cloud',
  'Data',
  'Echo',
  'Flux',
  'Green',
  'Hyper',
  'Iron',
  'Jet',
  'Kite',
  'Lumen',
  'Meta',
  'Nova',
  'Orbit',
  'Pixel',
  'Quant',
  'Red',
  'Star',
  'Terra'
] as const
const STEM = [
  'works',
  'labs',
  'soft',
  'ware',
  'forge',
  'stack',
  'scale',
  'logic',
  'grid',
  'mint'
] as const
const TLDS = ['io', 'de', 'net', 'fr', 'nl'] as const
const SUFFIX = ['Inc', 'GmbH', 'Ltd', 'SA', 'BV', 'AB', 'Oy', 'LLC'] as const
const PLACES = [
  ['US', 'CA', 'San Francisco'],
  ['US', 'NY', 'New York'],
  ['DE', null, 'Berlin'],
  ['GB', null, 'London'],
  ['FR', null, 'Paris'],
  ['NL', null, 'Amsterdam'],
  ['SE', null, 'Stockholm'],
  ['BR', null, 'São Paulo'],
  ['JP', null, 'Tokyo'],
  ['IN', null, 'Bengaluru']
] as const
const LEAD_STATUSES = ['New Lead', 'Working Lead', 'Qualified Lead', 'Unqualified Lead'] as const
const OWNERS = ['ana@example.com', 'ben@example.com', 'chloe@example.com', 'dev@example.com']
const DATA_SOURCE = 'ds_00000000-0000-4000-8000-000000000001'
const DAY_MS = 86_400_000
/** Everything happens in the five years before this instant (fixed: rows never depend on today). */
const END_MS = Date.UTC(2026, 0, 1)
const SPAN_DAYS = 5 * 365

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0')

/** `cus_…` keys ascend with the index, so key order is generation order. */
export function customerUuid(index: number): string {
  return `cus_${hex(index, 8)}-0000-4000-8000-000000000000`
}

/**
 * MRR in cents: 0 for leads; otherwise distinct for every paying customer below 1,000,003
 * (a multiplicative permutation modulo a prime), so a sort by MRR has one right order.
 */
export function customerMrrCents(seed: number, index: number): number {
  if (mix(seed, index, 1) % 100 < 22) return 0
  return ((index * 7919 + seed) % 1_000_003) * 10 + 500
}

export function customerAt(seed: number, index: number): Customer {
  const h = mix(seed, index)
  const person = `${pick(FIRST, h)} ${pick(LAST, h >>> 5)}`
  const company = `${pick(PREFIX, h >>> 10)}${pick(STEM, h >>> 15)} ${pick(SUFFIX, h >>> 19)}`
  const asPerson = (h >>> 22) % 10 < 3
  const name = asPerson ? person : company
  const domain = `${pick(PREFIX, h >>> 10)}${pick(STEM, h >>> 15)}`.toLowerCase()
  // No shared word (like "example") in every address: a quick search must narrow the rows.
  const email = `${pick(FIRST, h).toLowerCase()}${index}@${domain}.${pick(TLDS, h >>> 26)}`
  const mrrCents = customerMrrCents(seed, index)
  const paying = mrrCents > 0
  const [country, state, city] = pick(PLACES, h >>> 24)
  const sinceMs = END_MS - ((h >>> 3) % SPAN_DAYS) * DAY_MS
  const externalId = `ext_${hex(index, 7)}`
  return {
    id: 110_000_000 + index,
    uuid: customerUuid(index),
    externalId,
    externalIds: [externalId],
    name,
    email,
    company: asPerson ? '' : company,
    status: paying
      ? (h >>> 27) % 14 === 0
        ? 'Past Due'
        : 'Active'
      : pick(LEAD_STATUSES, h >>> 27),
    customerSince: paying ? new Date(sinceMs).toISOString() : null,
    country,
    state,
    city,
    zip: null,
    address: { country, state, city, zip: null },
    tags: [],
    customAttributes: {},
    stripeAttributes: {},
    clearbitAttributes: {},
    mrrCents,
    arrCents: mrrCents * 12,
    currency: 'USD',
    currencySign: '$',
    billingSystemType: 'Stripe',
    billingSystemUrl: null,
    chartmogulUrl: null,
    dataSourceUuid: DATA_SOURCE,
    dataSourceUuids: [DATA_SOURCE],
    owner: (h >>> 9) % 5 === 0 ? pick(OWNERS, h >>> 12) : null,
    websiteUrl: null,
    leadCreatedAt: paying ? null : new Date(sinceMs).toISOString(),
    freeTrialStartedAt: null
  }
}

const ACTIVITY_TYPES = ['new_biz', 'expansion', 'contraction', 'reactivation', 'churn'] as const

/** Activities spread over the customers in key order (customer = index × customers / activities). */
export function activityAt(seed: number, index: number, counts: PrefillCounts): Activity {
  const customer = Math.floor((index * counts.customers) / Math.max(1, counts.activities))
  const h = mix(seed, index, 2)
  const type = pick(ACTIVITY_TYPES, h)
  const size = ((h >>> 8) % 20_000) + 100
  const movement = type === 'churn' || type === 'contraction' ? -size : size
  const date = new Date(END_MS - ((h >>> 4) % SPAN_DAYS) * DAY_MS).toISOString()
  return {
    uuid: `act_${hex(index, 8)}-0000-4000-8000-000000000000`,
    date,
    type,
    mrrCents: Math.max(0, movement) + ((h >>> 12) % 5_000),
    mrrMovementCents: movement,
    arrCents: Math.max(0, movement) * 12,
    currency: 'USD',
    description: `${type.replace('_', ' ')} on plan ${pick(STEM, h >>> 20)}`,
    customerUuid: customerUuid(customer),
    customerName: customerAt(seed, customer).name,
    customerExternalId: `ext_${hex(customer, 7)}`,
    planExternalId: `plan_${(h >>> 24) % 12}`,
    subscriptionExternalId: `sub_${hex(customer, 7)}`,
    subscriptionSetExternalId: null,
    dataSourceUuid: DATA_SOURCE
  }
}

const STAGES = ['Lead', 'Qualified', 'Demo', 'Proposal', 'Negotiation', 'Won', 'Lost'] as const
const FORECAST = ['pipeline', 'best_case', 'committed', 'won', 'lost'] as const

export function opportunityAt(seed: number, index: number, counts: PrefillCounts): Opportunity {
  const h = mix(seed, index, 3)
  const customer = h % Math.max(1, counts.customers)
  const closeMs = END_MS + (((h >>> 6) % 400) - 200) * DAY_MS
  return {
    uuid: `${hex(index, 8)}-0000-4000-8000-00000000000d`,
    customerUuid: customerUuid(customer),
    owner: pick(OWNERS, h >>> 3),
    pipeline: 'Sales',
    pipelineStage: pick(STAGES, h >>> 9),
    estimatedCloseDate: new Date(closeMs).toISOString().slice(0, 10),
    currency: 'USD',
    amountCents: (((h >>> 12) % 5_000) + 10) * 1_000,
    type: (h >>> 20) % 4 === 0 ? 'one-time' : 'recurring',
    forecastCategory: pick(FORECAST, h >>> 22),
    winLikelihood: (h >>> 25) % 101,
    custom: {},
    createdAt: new Date(closeMs - 90 * DAY_MS).toISOString(),
    updatedAt: new Date(closeMs - 30 * DAY_MS).toISOString()
  }
}

export function planAt(index: number): Plan {
  return {
    uuid: `pl_${hex(index, 8)}-0000-4000-8000-000000000000`,
    dataSourceUuid: DATA_SOURCE,
    name: `${pick(PREFIX, index)} ${index % 2 === 0 ? 'Monthly' : 'Yearly'}`,
    intervalCount: 1,
    intervalUnit: index % 2 === 0 ? 'month' : 'year',
    externalId: `plan_${index}`
  }
}
