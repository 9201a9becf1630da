import { describe, expect, it } from 'vitest'
import {
  mapActivity,
  mapCustomer,
  mapOpportunity,
  toWireOpportunityCreate,
  toWireOpportunityUpdate,
  wireActivitySchema,
  wireCustomerSchema,
  wireOpportunitySchema
} from '../../../src/main/chartmogul'
import { parseListPage, parseSingle } from '../../../src/main/chartmogul/wire/list'
import { mapPlan, wirePlanSchema } from '../../../src/main/chartmogul/wire/plan'
import { opportunityDraftSchema, type OpportunityDraft } from '../../../src/shared/domain'

/** Wire → domain mapping in isolation: lenient where the API is, loud where it matters. */

const opportunity = (overrides: Record<string, unknown> = {}) => ({
  uuid: 'op-1',
  customer_uuid: 'cus_1',
  owner: 'a@b.co',
  pipeline: 'New Business',
  pipeline_stage: 'Discovery',
  estimated_close_date: '2024-03-30',
  currency: 'USD',
  amount_in_cents: 100000,
  type: 'recurring',
  forecast_category: 'pipeline',
  win_likelihood: 50,
  custom: { seats: 3 },
  created_at: '2024-03-18T17:15:56.960Z',
  updated_at: '2024-03-18T17:15:56.960Z',
  ...overrides
})

const activity = (overrides: Record<string, unknown> = {}) => ({
  uuid: 'act-1',
  date: '2023-02-21T09:28:10+00:00',
  type: 'new_biz',
  'activity-mrr': 6000,
  'activity-mrr-movement': 6000,
  'activity-arr': 72000,
  currency: 'USD',
  description: 'purchased the Silver plan',
  'customer-uuid': 'cus_1',
  ...overrides
})

describe('list pages survive malformed records', () => {
  it('skips the bad record, reports which record and which field, keeps the rest', () => {
    const page = parseListPage(
      {
        entries: [
          opportunity({ uuid: 'good-1' }),
          opportunity({ uuid: 'bad-amount', amount_in_cents: '1000' }),
          opportunity({ uuid: 'good-2' }),
          { amount_in_cents: 5 },
          opportunity({ uuid: 'bad-date', estimated_close_date: '30/03/2024' })
        ],
        cursor: 'c',
        has_more: true
      },
      'entries',
      wireOpportunitySchema,
      mapOpportunity
    )
    expect(page.items.map((o) => o.uuid)).toEqual(['good-1', 'good-2'])
    expect(page.cursor).toBe('c')
    expect(page.hasMore).toBe(true)
    expect(page.skipped).toHaveLength(3)
    expect(page.skipped[0]).toMatchObject({
      index: 1,
      id: 'bad-amount',
      issues: [{ path: 'amount_in_cents' }]
    })
    expect(page.skipped[1]?.index).toBe(3)
    expect(page.skipped[1]?.id).toBeUndefined()
    expect(page.skipped[1]?.issues.map((i) => i.path).sort()).toEqual(
      ['currency', 'customer_uuid', 'pipeline', 'pipeline_stage', 'uuid'].sort()
    )
    expect(page.skipped[2]).toMatchObject({
      index: 4,
      id: 'bad-date',
      issues: [{ path: 'estimated_close_date', message: 'must be a YYYY-MM-DD date' }]
    })
  })

  it('reports hyphenated wire keys by their wire spelling', () => {
    const page = parseListPage(
      { entries: [activity(), activity({ uuid: 'act-2', 'activity-mrr': 12.5 })], has_more: false },
      'entries',
      wireActivitySchema,
      mapActivity
    )
    expect(page.items).toHaveLength(1)
    expect(page.skipped).toEqual([
      {
        index: 1,
        id: 'act-2',
        issues: [{ path: 'activity-mrr', message: 'must be whole cents' }]
      }
    ])
  })

  it('an unparseable date-time skips the record rather than storing garbage', () => {
    const page = parseListPage(
      { entries: [activity({ date: 'yesterday' })], has_more: false, cursor: null },
      'entries',
      wireActivitySchema,
      mapActivity
    )
    expect(page.items).toEqual([])
    expect(page.skipped[0]?.issues[0]?.path).toBe('date')
  })

  it('a broken envelope is a BadResponse (nothing to salvage)', () => {
    expect(() =>
      parseListPage({ entries: 'nope', has_more: true }, 'entries', wirePlanSchema, mapPlan)
    ).toThrowError(expect.objectContaining({ kind: 'BadResponse' }) as Error)
    expect(() =>
      parseListPage({ entries: [] }, 'entries', wirePlanSchema, mapPlan, 200)
    ).toThrowError(expect.objectContaining({ kind: 'BadResponse', status: 200 }) as Error)
    // Plans live under `plans`, not `entries`.
    expect(() =>
      parseListPage({ entries: [], has_more: false }, 'plans', wirePlanSchema, mapPlan)
    ).toThrowError(
      expect.objectContaining({ detail: expect.stringMatching(/^list envelope: plans/) }) as Error
    )
  })

  it('a malformed single record is a BadResponse naming the record and field', () => {
    expect(() =>
      parseSingle(opportunity({ amount_in_cents: null }), wireOpportunitySchema, mapOpportunity)
    ).toThrowError(
      expect.objectContaining({
        kind: 'BadResponse',
        detail: expect.stringMatching(/op-1: amount_in_cents/)
      }) as Error
    )
  })
})

describe('customers', () => {
  const minimal = { uuid: 'cus_1', mrr: 100, arr: 1200 }

  it('fills absent optional fields with null / empty, never undefined', () => {
    const customer = parseSingle(minimal, wireCustomerSchema, mapCustomer)
    expect(customer).toMatchObject({
      id: null,
      uuid: 'cus_1',
      name: '',
      email: '',
      externalId: null,
      externalIds: [],
      status: null,
      tags: [],
      customAttributes: {},
      address: { country: null, state: null, city: null, zip: null },
      mrrCents: 100,
      arrCents: 1200
    })
    expect(Object.values(customer)).not.toContain(undefined)
  })

  it('normalizes the status filter spelling and accepts either key spelling', () => {
    const customer = parseSingle(
      {
        ...minimal,
        status: 'New_Lead',
        customer_since: '2023-06-09T13:16:00-04:00',
        'chartmogul-url': 'u'
      },
      wireCustomerSchema,
      mapCustomer
    )
    expect(customer.status).toBe('New Lead')
    expect(customer.customerSince).toBe('2023-06-09T17:16:00.000Z')
    expect(customer.chartmogulUrl).toBe('u')
  })

  it('falls back to the first external id', () => {
    const customer = parseSingle(
      { ...minimal, external_ids: ['a', 'b'] },
      wireCustomerSchema,
      mapCustomer
    )
    expect(customer.externalId).toBe('a')
  })

  it('requires integer money', () => {
    expect(wireCustomerSchema.safeParse({ ...minimal, mrr: 1.5 }).success).toBe(false)
    expect(wireCustomerSchema.safeParse({ uuid: 'x', arr: 0 }).success).toBe(false)
  })
})

describe('opportunities', () => {
  it('maps `custom` whether it arrives as a map or as [{key,value}]', () => {
    const fromArray = parseSingle(
      opportunity({ custom: [{ key: 'seats', value: 3 }] }),
      wireOpportunitySchema,
      mapOpportunity
    )
    expect(fromArray.custom).toEqual({ seats: 3 })
    const absent = parseSingle(
      opportunity({ custom: undefined, created_at: undefined, win_likelihood: null }),
      wireOpportunitySchema,
      mapOpportunity
    )
    expect(absent).toMatchObject({ custom: {}, createdAt: null, winLikelihood: null })
  })

  it('keeps values outside the documented lists', () => {
    const mapped = parseSingle(
      opportunity({ type: 'arr', forecast_category: 'omitted' }),
      wireOpportunitySchema,
      mapOpportunity
    )
    expect(mapped).toMatchObject({ type: 'arr', forecastCategory: 'omitted' })
  })

  const draft: OpportunityDraft = {
    customerUuid: 'cus_1',
    owner: 'a@b.co',
    pipeline: 'New Business',
    pipelineStage: 'Discovery',
    estimatedCloseDate: '2024-03-30',
    currency: 'USD',
    amountCents: 100000
  }

  it('create: camelCase → snake_case, custom → [{key,value}], optional fields omitted', () => {
    expect(toWireOpportunityCreate(draft)).toEqual({
      customer_uuid: 'cus_1',
      owner: 'a@b.co',
      pipeline: 'New Business',
      pipeline_stage: 'Discovery',
      estimated_close_date: '2024-03-30',
      currency: 'USD',
      amount_in_cents: 100000
    })
    expect(
      toWireOpportunityCreate({ ...draft, winLikelihood: 0, custom: { seats: 3, vip: false } })
    ).toMatchObject({
      win_likelihood: 0,
      custom: [
        { key: 'seats', value: 3 },
        { key: 'vip', value: false }
      ]
    })
  })

  it('update: only the given fields', () => {
    expect(toWireOpportunityUpdate({ pipelineStage: 'Closed Won', custom: {} })).toEqual({
      pipeline_stage: 'Closed Won',
      custom: []
    })
  })

  it('round-trips: draft → wire → (server echo) → domain', () => {
    const full: OpportunityDraft = {
      ...draft,
      type: 'one-time',
      forecastCategory: 'best_case',
      winLikelihood: 30,
      custom: { from_campaign: true }
    }
    const wire = toWireOpportunityCreate(full)
    const echoed = {
      ...wire,
      custom: Object.fromEntries((wire.custom ?? []).map((e) => [e.key, e.value])),
      uuid: 'op-9'
    }
    const { uuid, createdAt, updatedAt, ...mapped } = parseSingle(
      echoed,
      wireOpportunitySchema,
      mapOpportunity
    )
    expect(uuid).toBe('op-9')
    expect(createdAt).toBeNull()
    expect(updatedAt).toBeNull()
    expect(mapped).toEqual(full)
  })

  it('draft validation speaks to the user', () => {
    const result = opportunityDraftSchema.safeParse({
      ...draft,
      owner: 'not-an-email',
      amountCents: 10.5,
      estimatedCloseDate: '2024-02-30',
      currency: 'usd',
      winLikelihood: 101
    })
    expect(result.success).toBe(false)
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message])
    )
    expect(messages).toEqual({
      owner: 'The owner must be the email address of a ChartMogul user.',
      amountCents: 'The amount must be a whole number of cents.',
      estimatedCloseDate: 'That date does not exist.',
      currency: 'Use a three-letter currency code like USD.',
      winLikelihood: 'The win likelihood is between 0 and 100.'
    })
  })
})
