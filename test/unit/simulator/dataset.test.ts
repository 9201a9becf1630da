import { describe, expect, it } from 'vitest'
import { generateDataset, PIPELINES, type Dataset } from '../../../src/main/simulator'
import type { ActivityWire, CustomerWire } from '../../../src/main/simulator/wire'

const HYPHENATED = /^[a-z]+(-[a-z]+)*$/

function byCustomer(activities: readonly ActivityWire[]): Map<string, ActivityWire[]> {
  const map = new Map<string, ActivityWire[]>()
  for (const a of activities) {
    const list = map.get(a['customer-uuid']) ?? []
    list.push(a)
    map.set(a['customer-uuid'], list)
  }
  return map
}

/** Every way a customer's record could disagree with its own activity history. */
function mrrViolations(dataset: Dataset): string[] {
  const problems: string[] = []
  const histories = byCustomer(dataset.activities)
  const planIdsBySource = new Map<string, Set<string>>()
  for (const p of dataset.plans) {
    const set = planIdsBySource.get(p.data_source_uuid) ?? new Set()
    set.add(p.external_id)
    planIdsBySource.set(p.data_source_uuid, set)
  }
  for (const c of dataset.customers) {
    const history = histories.get(c.uuid) ?? []
    const lead = c.status.endsWith('Lead')
    const say = (what: string) => problems.push(`${c.uuid} (${c.status}): ${what}`)
    if (c.arr !== c.mrr * 12) say('arr is not 12 × mrr')
    if (lead) {
      if (history.length > 0) say('lead with activities')
      if (c['customer-since'] !== null || c.mrr !== 0) say('lead with customer-since or mrr')
      continue
    }
    if (history.length === 0) {
      say('paying customer without activities')
      continue
    }
    if (c['customer-since'] !== history[0]?.date) say('customer-since is not the first activity')
    let mrr = 0
    history.forEach((a, i) => {
      if (a['activity-mrr-movement'] !== a['activity-mrr'] - mrr) say(`movement wrong at ${i}`)
      if (a['activity-arr'] !== a['activity-mrr'] * 12) say(`arr wrong at ${i}`)
      if (i > 0 && a.date < (history[i - 1] as ActivityWire).date) say('history out of order')
      const ok = {
        new_biz: i === 0 && a['activity-mrr'] > 0,
        reactivation: i > 0 && mrr === 0 && a['activity-mrr'] > 0,
        churn: mrr > 0 && a['activity-mrr'] === 0,
        expansion: mrr > 0 && a['activity-mrr'] > mrr,
        contraction: mrr > 0 && a['activity-mrr'] < mrr && a['activity-mrr'] > 0
      }[a.type]
      if (!ok) say(`illegal ${a.type} at ${i} (from ${mrr} to ${a['activity-mrr']})`)
      if (a['customer-name'] !== c.name || a['customer-external-id'] !== c.external_id) {
        say('activity names another customer')
      }
      if (a['billing-connector-uuid'] !== c.data_source_uuid) say('activity from another source')
      if (!planIdsBySource.get(c.data_source_uuid)?.has(a['plan-external-id'])) {
        say(`unknown plan ${a['plan-external-id']}`)
      }
      mrr = a['activity-mrr']
    })
    if (c.mrr !== mrr) say(`mrr ${c.mrr} != last activity-mrr ${mrr}`)
    if ((c.status === 'Cancelled') !== (mrr === 0)) say('status disagrees with mrr')
  }
  return problems
}

describe('generateDataset', () => {
  it('is deterministic: the same seed gives deep-equal data, another seed different data', () => {
    const a = generateDataset({ seed: 11, customers: 150 })
    const b = generateDataset({ seed: 11, customers: 150 })
    const c = generateDataset({ seed: 12, customers: 150 })
    expect(b).toEqual(a)
    expect(c.customers.map((x) => x.name)).not.toEqual(a.customers.map((x) => x.name))
    expect(c.activities.map((x) => x.uuid)).not.toEqual(a.activities.map((x) => x.uuid))
  })

  it('keeps every customer consistent with its activities over 2,000 customers', () => {
    const dataset = generateDataset({ seed: 3, customers: 2000 })
    expect(mrrViolations(dataset)).toEqual([])
    // Every status and every activity type actually occurs.
    expect(new Set(dataset.customers.map((c) => c.status)).size).toBe(7)
    expect(new Set(dataset.activities.map((a) => a.type))).toEqual(
      new Set(['new_biz', 'expansion', 'contraction', 'churn', 'reactivation'])
    )
  })

  it('lists activities in ascending date order with unique bare uuids and hyphenated keys', () => {
    const { activities } = generateDataset({ seed: 5, customers: 300 })
    for (let i = 1; i < activities.length; i++) {
      expect(Date.parse((activities[i] as ActivityWire).date)).toBeGreaterThanOrEqual(
        Date.parse((activities[i - 1] as ActivityWire).date)
      )
    }
    expect(new Set(activities.map((a) => a.uuid)).size).toBe(activities.length)
    for (const a of activities.slice(0, 50)) {
      expect(a.uuid).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
      )
      expect(a.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/)
      for (const key of Object.keys(a)) expect(key).toMatch(HYPHENATED)
    }
  })

  it('produces believable, well-formed customers', () => {
    const { customers, dataSources, salesOwners } = generateDataset({ seed: 9, customers: 400 })
    const ids = customers.map((c) => c.id)
    expect(ids).toEqual([...ids].sort((x, y) => x - y))
    expect(new Set(customers.map((c) => c.uuid)).size).toBe(customers.length)
    const sources = new Set(dataSources.map((d) => d.uuid))
    for (const c of customers) {
      expect(c.uuid).toMatch(
        /^cus_[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
      )
      expect(sources.has(c.data_source_uuid)).toBe(true)
      expect(c.data_source_uuids[0]).toBe(c.data_source_uuid)
      expect(c.external_ids[0]).toBe(c.external_id)
      expect(c.email).toMatch(/^[a-z0-9.]+@[a-z0-9]+\.[a-z.]+$/)
      expect(c['chartmogul-url']).toMatch(
        new RegExp(`^https://app\\.chartmogul\\.com/#/customers/${c.id}-\\S+$`)
      )
      expect(Number.isInteger(c.mrr)).toBe(true)
      expect(c['currency-sign']).toBe('$')
      if (c.owner !== null) expect(salesOwners).toContain(c.owner)
      // A city always comes with its country; none at all is allowed, as recorded.
      if (c.city !== '') expect(c.country).not.toBeNull()
      expect(c.address.city).toBe(c.city)
    }
    // Some customers were merged across both sources, and search has duplicates to find.
    expect(customers.some((c) => c.data_source_uuids.length === 2)).toBe(true)
    const emails = customers.map((c) => c.email)
    expect(new Set(emails).size).toBeLessThan(emails.length)
  })

  it('spreads plans over two data sources with valid intervals and unique external ids', () => {
    const { plans, dataSources, planMeta } = generateDataset({ seed: 4, customers: 100, plans: 40 })
    expect(plans).toHaveLength(40)
    expect(dataSources.map((d) => d.system)).toEqual(['Stripe', 'Recurly'])
    for (const d of dataSources) {
      expect(d.uuid).toMatch(/^ds_/)
      expect(plans.filter((p) => p.data_source_uuid === d.uuid).length).toBeGreaterThan(10)
    }
    expect(new Set(plans.map((p) => p.external_id)).size).toBe(40)
    for (const p of plans) {
      expect(p.uuid).toMatch(/^pl_/)
      expect(['day', 'month', 'year']).toContain(p.interval_unit)
      expect(planMeta[p.uuid]?.mrrCents).toBeGreaterThan(0)
    }
    // Newest first, as the API lists them.
    const created = plans.map((p) => Date.parse(planMeta[p.uuid]?.createdAt ?? ''))
    expect(created).toEqual([...created].sort((a, b) => b - a))
  })

  it('keeps opportunity fields consistent with each other', () => {
    const d = generateDataset({ seed: 6, customers: 800, opportunities: 400 })
    const customers = new Map<string, CustomerWire>(d.customers.map((c) => [c.uuid, c]))
    expect(d.opportunities).toHaveLength(400)
    const stagesSeen = new Set<string>()
    for (const o of d.opportunities) {
      const stages = PIPELINES[o.pipeline]
      expect(stages, o.pipeline).toBeDefined()
      expect(stages?.map((s) => s.name)).toContain(o.pipeline_stage)
      stagesSeen.add(`${o.pipeline}/${o.pipeline_stage}`)
      expect(customers.has(o.customer_uuid)).toBe(true)
      expect(d.salesOwners).toContain(o.owner)
      if (o.pipeline_stage === 'Closed Won') expect(o.forecast_category).toBe('won')
      else if (o.pipeline_stage === 'Closed Lost') expect(o.forecast_category).toBe('lost')
      else expect(['pipeline', 'best_case', 'committed']).toContain(o.forecast_category)
      expect(Number.isInteger(o.win_likelihood)).toBe(true)
      expect(o.win_likelihood).toBeGreaterThanOrEqual(0)
      expect(o.win_likelihood).toBeLessThanOrEqual(100)
      expect(Number.isInteger(o.amount_in_cents) && o.amount_in_cents > 0).toBe(true)
      expect(['recurring', 'one-time']).toContain(o.type)
      expect(o.estimated_close_date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(o.created_at <= o.updated_at).toBe(true)
      expect(o.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-/)
      if (o.pipeline === 'Renewals') {
        expect(['Active', 'Past Due']).toContain(customers.get(o.customer_uuid)?.status)
      }
    }
    expect(stagesSeen.size).toBeGreaterThanOrEqual(10)
    const created = d.opportunities.map((o) => o.created_at)
    expect(created).toEqual([...created].sort().reverse())
  })

  it('hits an exact activity target, turning surplus payers into leads when needed', () => {
    expect(
      generateDataset({ seed: 1, customers: 300, targetActivities: 1234 }).activities
    ).toHaveLength(1234)
    const tiny = generateDataset({ seed: 1, customers: 100, targetActivities: 20 })
    expect(tiny.activities).toHaveLength(20)
    expect(tiny.customers.filter((c) => c['customer-since'] !== null)).toHaveLength(20)
    expect(mrrViolations(tiny)).toEqual([])
  })

  it('rejects nonsense options', () => {
    expect(() => generateDataset({ seed: 1.5 })).toThrow(/seed/)
    expect(() => generateDataset({ seed: 1, customers: -1 })).toThrow(/customers/)
    expect(() => generateDataset({ seed: 1, now: 'not a date' })).toThrow(/invalid date/)
  })

  it('scales: 10,000 customers, 50,000 activities, 2,500 opportunities and 300 plans', () => {
    const started = performance.now()
    const d = generateDataset({
      seed: 42,
      customers: 10_000,
      targetActivities: 50_000,
      opportunities: 2_500,
      plans: 300
    })
    const elapsed = performance.now() - started
    expect(d.customers).toHaveLength(10_000)
    expect(d.activities).toHaveLength(50_000)
    expect(d.opportunities).toHaveLength(2_500)
    expect(d.plans).toHaveLength(300)
    expect(mrrViolations(d)).toEqual([])
    // A generous ceiling (measured ~1-2 s), only to catch accidental quadratic work.
    expect(elapsed).toBeLessThan(30_000)
  }, 60_000)
})
