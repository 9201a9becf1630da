/**
 * Customers and leads. Drafted first (identity, place, dates), then — once their activities are
 * known — finalized with status, MRR and `customer-since`, so the customer record can never
 * disagree with its own activity history.
 */
import type { Faker } from '@faker-js/faker'
import { CUSTOMER_TAGS, INDUSTRIES, LOCATIONS, UTM_CAMPAIGNS, type Location } from '../catalog'
import type { DataSourceInfo } from '../dataset'
import { addDays, isoMillisZ, isoSecondsOffset, ymd } from '../formats'
import type { Rng } from '../random'
import { CURRENCY_SIGNS } from '../vocabulary'
import type { CustomerStatus, CustomerWire, JsonValue } from '../wire'
import { chartmogulUrl, makeCompany, makePerson, personEmail } from './names'

export interface CustomerDraft {
  wire: CustomerWire
  paying: boolean
  /** customer-since for paying customers, lead creation for leads. */
  firstSeenMs: number
  source: DataSourceInfo
}

export interface CustomerContext {
  startMs: number
  nowMs: number
  currency: string
  accountSlug: string
  dataSources: readonly DataSourceInfo[]
  salesOwners: readonly string[]
}

const LEAD_WEIGHTS: readonly (readonly [CustomerStatus, number])[] = [
  ['New Lead', 7],
  ['Working Lead', 6],
  ['Qualified Lead', 5],
  ['Unqualified Lead', 4]
]

/** Skews towards `to`: a growing business signs up more customers lately. */
function skewedBetween(rng: Rng, from: number, to: number): number {
  return Math.floor(from + (to - from) * Math.sqrt(rng.next()))
}

function externalIdFor(rng: Rng, source: DataSourceInfo): string {
  return source.system === 'Stripe' ? `cus_${rng.alnum(14)}` : String(rng.int(100000, 999999))
}

function customAttributes(
  rng: Rng,
  owners: readonly string[],
  firstSeenMs: number,
  paying: boolean
) {
  const custom: Record<string, JsonValue> = {}
  if (rng.chance(0.35)) custom['CAC'] = rng.int(40, 2500)
  if (rng.chance(0.3)) custom['utmCampaign'] = rng.pick(UTM_CAMPAIGNS)
  if (rng.chance(0.25)) custom['pro'] = rng.chance(0.5)
  if (rng.chance(0.2) && owners.length > 0) {
    const rep = rng.pick(owners).split('@')[0] ?? 'rep'
    const first = rep.split('.')[0] ?? rep
    custom['salesRep'] = first.charAt(0).toUpperCase() + first.slice(1)
  }
  if (rng.chance(0.3)) custom['Employees'] = rng.pick([5, 12, 25, 60, 150, 400, 1200])
  if (rng.chance(0.3)) custom['Industry'] = rng.pick(INDUSTRIES)
  if (paying && rng.chance(0.2)) custom['convertedAt'] = `${ymd(firstSeenMs)} 00:00:00`
  return custom
}

function place(rng: Rng): Location | null {
  return rng.chance(0.07) ? null : rng.weighted(LOCATIONS)
}

export function draftCustomers(
  rng: Rng,
  faker: Faker,
  count: number,
  ctx: CustomerContext
): CustomerDraft[] {
  const drafts: CustomerDraft[] = []
  const [primary, secondary] = ctx.dataSources as [DataSourceInfo, DataSourceInfo]
  for (let i = 0; i < count; i++) {
    const source = rng.chance(0.65) ? primary : secondary
    const paying = rng.chance(0.78)
    const leadStatus = rng.weighted(LEAD_WEIGHTS)
    const firstSeenMs = paying
      ? skewedBetween(rng, ctx.startMs, addDays(ctx.nowMs, -1))
      : skewedBetween(rng, addDays(ctx.nowMs, -400), addDays(ctx.nowMs, -1))

    // ~2% are the same business billed through the other data source: a real-world duplicate
    // that makes e-mail search return more than one customer.
    const twinOf =
      i > 0 && rng.chance(0.02)
        ? drafts.find((d, j) => j >= i - 50 && d.source !== source)
        : undefined
    const { company, domain } = makeCompany(rng, faker)
    const person = makePerson(faker)
    const style = rng.weighted<'company' | 'person' | 'bare'>([
      ['company', 5],
      ['person', 3],
      ['bare', 2]
    ])
    let name = style === 'person' ? `${person.firstName} ${person.lastName}` : company
    let companyField = style === 'bare' ? '' : company
    let email = personEmail(rng, person, domain)
    let location = place(rng)
    let website: string | undefined =
      companyField && rng.chance(0.6) ? `https://${domain}` : undefined
    if (twinOf) {
      const t = twinOf.wire
      name = t.name
      companyField = t.company
      email = t.email
      website = t.website_url
      location = LOCATIONS.map(([l]) => l).find((l) => l.city === t.city) ?? null
    }

    const externalId = externalIdFor(rng, source)
    const merged = rng.chance(0.03)
    const otherSource = source === primary ? secondary : primary
    const tags: string[] = rng.sample<string>(
      CUSTOMER_TAGS,
      rng.weighted([
        [0, 4],
        [1, 4],
        [2, 2],
        [3, 1]
      ] as const)
    )
    if (merged) tags.push('merged-customer')
    const stripe: Record<string, JsonValue> =
      source.system === 'Stripe' && rng.chance(0.3)
        ? { uid: rng.int(1, 99), coupon: rng.chance(0.4) }
        : {}
    const zip = location ? rng.pick(location.zips) : null
    const leadCreatedMs = paying
      ? rng.chance(0.45)
        ? addDays(firstSeenMs, -rng.int(3, 60))
        : null
      : firstSeenMs
    const trialMs = paying
      ? rng.chance(0.35)
        ? addDays(firstSeenMs, -rng.pick([7, 14, 30]))
        : null
      : leadStatus !== 'New Lead' && rng.chance(0.25)
        ? Math.min(addDays(firstSeenMs, rng.int(1, 5)), ctx.nowMs)
        : null

    const wire: CustomerWire = {
      id: 0,
      uuid: '',
      external_id: externalId,
      name,
      email,
      status: paying ? 'Active' : leadStatus,
      'customer-since': null,
      attributes: {
        custom: customAttributes(rng, ctx.salesOwners, firstSeenMs, paying),
        clearbit: {},
        stripe,
        tags
      },
      data_source_uuid: source.uuid,
      data_source_uuids: merged ? [source.uuid, otherSource.uuid] : [source.uuid],
      external_ids: merged ? [externalId, externalIdFor(rng, otherSource)] : [externalId],
      company: companyField,
      country: location?.country ?? null,
      state: location?.state ?? null,
      city: location?.city ?? '',
      zip,
      lead_created_at: leadCreatedMs === null ? null : isoMillisZ(leadCreatedMs),
      free_trial_started_at: trialMs === null ? null : isoMillisZ(trialMs),
      address: {
        country: location?.countryName ?? null,
        state: location?.stateName ?? null,
        city: location?.city ?? '',
        address_zip: zip
      },
      mrr: 0,
      arr: 0,
      'billing-system-url': null,
      'chartmogul-url': '',
      'billing-system-type': source.system,
      currency: ctx.currency,
      'currency-sign': CURRENCY_SIGNS[ctx.currency] ?? ctx.currency,
      owner: rng.chance(0.45) && ctx.salesOwners.length > 0 ? rng.pick(ctx.salesOwners) : null
    }
    if (website) wire.website_url = website
    drafts.push({ wire, paying, firstSeenMs, source })
  }
  return drafts
}

/** Turns a would-be paying customer into a lead (used when fewer activities than payers). */
export function demoteToLead(draft: CustomerDraft): void {
  draft.paying = false
  draft.wire.status = 'New Lead'
  draft.wire.lead_created_at = isoMillisZ(draft.firstSeenMs)
  draft.wire.free_trial_started_at = null
  delete draft.wire.attributes.custom['convertedAt']
}

/**
 * Ids ascend with first-seen time (customers are listed by ascending id), uuids are
 * time-based like ChartMogul's.
 */
export function assignIdentity(rng: Rng, drafts: CustomerDraft[]): void {
  drafts.sort((a, b) => a.firstSeenMs - b.firstSeenMs)
  let id = 110_000_000 + rng.int(0, 99_999)
  for (const draft of drafts) {
    id += rng.int(1, 4)
    const w = draft.wire
    w.id = id
    w.uuid = `cus_${rng.uuidV1(draft.firstSeenMs)}`
    w['chartmogul-url'] = chartmogulUrl(id, w.company, w.name)
  }
}

/** Status, MRR and `customer-since` from the customer's own activity history. */
export function finalizeCustomer(
  rng: Rng,
  draft: CustomerDraft,
  finalMrr: number,
  accountSlug: string
): void {
  const w = draft.wire
  if (!draft.paying) return
  w.mrr = finalMrr
  w.arr = finalMrr * 12
  w['customer-since'] = isoSecondsOffset(draft.firstSeenMs)
  w.status = finalMrr === 0 ? 'Cancelled' : rng.chance(0.07) ? 'Past Due' : 'Active'
  w['billing-system-url'] =
    draft.source.system === 'Stripe'
      ? `https://dashboard.stripe.com/customers/${w.external_id}`
      : `https://${accountSlug}.recurly.com/accounts/${w.external_id}`
}
