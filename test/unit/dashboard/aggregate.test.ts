import { describe, expect, it } from 'vitest'
import {
  FORECAST_WEIGHTS,
  isOpen,
  lastMonths,
  monthlyMovements,
  summarize,
  summarizeCustomers,
  summarizePipeline,
  utcMonth,
  weightCents
} from '../../../src/renderer/src/sections/dashboard/aggregate'

const act = (date: string, type: string, mrrMovementCents: number) => ({
  date,
  type,
  mrrMovementCents
})

interface OppOverrides {
  pipeline?: string
  pipelineStage?: string
  amountCents?: number
  currency?: string
  forecastCategory?: string | null
  winLikelihood?: number | null
}
const opp = (o: OppOverrides = {}) => ({
  pipeline: o.pipeline ?? 'New Business',
  pipelineStage: o.pipelineStage ?? 'Discovery',
  amountCents: o.amountCents ?? 10_000,
  currency: o.currency ?? 'USD',
  forecastCategory: o.forecastCategory === undefined ? 'pipeline' : o.forecastCategory,
  winLikelihood: o.winLikelihood === undefined ? 20 : o.winLikelihood
})

describe('utcMonth', () => {
  it('uses the UTC month, not the local one', () => {
    expect(utcMonth('2024-01-31T23:59:59.999Z')).toBe('2024-01')
    expect(utcMonth('2024-02-01T00:00:00Z')).toBe('2024-02')
    // 01:00 at +02:00 is still January 31st in UTC.
    expect(utcMonth('2024-02-01T01:00:00+02:00')).toBe('2024-01')
    expect(utcMonth('not a date')).toBeNull()
  })
})

describe('monthlyMovements', () => {
  it('sums each movement type per UTC month with the net, in exact cents', () => {
    const rows = monthlyMovements([
      act('2024-01-05T10:00:00Z', 'new_biz', 9_999),
      act('2024-01-20T10:00:00Z', 'new_biz', 1),
      act('2024-01-21T10:00:00Z', 'expansion', 2_501),
      act('2024-01-31T23:59:59Z', 'churn', -4_999),
      act('2024-02-01T00:00:00Z', 'contraction', -333),
      act('2024-02-10T00:00:00Z', 'reactivation', 1_234),
      act('2024-02-11T00:00:00Z', 'churn', -7)
    ])
    expect(rows).toEqual([
      {
        month: '2024-01',
        newBusiness: 10_000,
        expansion: 2_501,
        reactivation: 0,
        contraction: 0,
        churn: -4_999,
        other: 0,
        net: 7_502
      },
      {
        month: '2024-02',
        newBusiness: 0,
        expansion: 0,
        reactivation: 1_234,
        contraction: -333,
        churn: -7,
        other: 0,
        net: 894
      }
    ])
  })

  it('does not lose cents where floats would (0.1 + 0.2)', () => {
    const rows = monthlyMovements([
      act('2024-03-01T00:00:00Z', 'new_biz', 10),
      act('2024-03-02T00:00:00Z', 'new_biz', 20),
      ...Array.from({ length: 1000 }, (_, i) =>
        act(`2024-03-03T00:00:${String(i % 60).padStart(2, '0')}Z`, 'expansion', 1)
      )
    ])
    expect(rows[0]!.newBusiness).toBe(30)
    expect(rows[0]!.expansion).toBe(1000)
    expect(rows[0]!.net).toBe(1030)
  })

  it('fills months without activity with zeros, across a year boundary, oldest first', () => {
    const rows = monthlyMovements([
      act('2024-02-15T00:00:00Z', 'new_biz', 500),
      act('2023-11-15T00:00:00Z', 'new_biz', 100)
    ])
    expect(rows.map((r) => r.month)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02'])
    expect(rows.map((r) => r.net)).toEqual([100, 0, 0, 500])
  })

  it('counts unknown types in the net only, and skips unparseable dates', () => {
    const rows = monthlyMovements([
      act('2024-05-01T00:00:00Z', 'new_biz', 1_000),
      act('2024-05-02T00:00:00Z', 'fx_adjustment', -15),
      act('garbage', 'new_biz', 99_999)
    ])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ newBusiness: 1_000, other: -15, net: 985 })
  })

  it('is empty without activities', () => {
    expect(monthlyMovements([])).toEqual([])
  })

  it('lastMonths keeps the most recent months', () => {
    const rows = monthlyMovements([
      act('2024-01-01T00:00:00Z', 'new_biz', 1),
      act('2024-06-01T00:00:00Z', 'new_biz', 1)
    ])
    expect(lastMonths(rows, 2).map((r) => r.month)).toEqual(['2024-05', '2024-06'])
    expect(lastMonths(rows, 24)).toHaveLength(6)
  })
})

describe('summarizeCustomers', () => {
  it('sums MRR in cents, derives ARR, counts statuses', () => {
    const summary = summarizeCustomers([
      { mrrCents: 4_999, status: 'Active', currency: 'EUR' },
      { mrrCents: 12_001, status: 'Active', currency: 'EUR' },
      { mrrCents: 0, status: 'Cancelled', currency: 'EUR' },
      { mrrCents: 0, status: 'New Lead', currency: null },
      { mrrCents: 0, status: null, currency: 'EUR' }
    ])
    expect(summary).toEqual({
      mrrCents: 17_000,
      arrCents: 204_000,
      currency: 'EUR',
      total: 5,
      active: 2,
      byStatus: [
        { status: 'Active', count: 2 },
        { status: 'Cancelled', count: 1 },
        { status: 'New Lead', count: 1 },
        { status: 'Unknown', count: 1 }
      ]
    })
  })

  it('defaults to USD and zeros when there are no customers', () => {
    expect(summarizeCustomers([])).toEqual({
      mrrCents: 0,
      arrCents: 0,
      currency: 'USD',
      total: 0,
      active: 0,
      byStatus: []
    })
  })
})

describe('isOpen', () => {
  it('is closed when won/lost by category or by stage', () => {
    expect(isOpen({ forecastCategory: 'pipeline', pipelineStage: 'Discovery' })).toBe(true)
    expect(isOpen({ forecastCategory: null, pipelineStage: 'Demo' })).toBe(true)
    expect(isOpen({ forecastCategory: 'won', pipelineStage: 'Negotiation' })).toBe(false)
    expect(isOpen({ forecastCategory: 'lost', pipelineStage: 'Discovery' })).toBe(false)
    expect(isOpen({ forecastCategory: 'committed', pipelineStage: 'Closed Won' })).toBe(false)
    expect(isOpen({ forecastCategory: 'pipeline', pipelineStage: 'Closed Lost' })).toBe(false)
  })
})

describe('weightCents', () => {
  it('rounds half away from zero, once', () => {
    expect(weightCents(10_001, 50)).toBe(5_001) // 5000.5
    expect(weightCents(10_003, 25)).toBe(2_501) // 2500.75
    expect(weightCents(10_001, 25)).toBe(2_500) // 2500.25
    expect(weightCents(Number.MAX_SAFE_INTEGER, 100)).toBe(Number.MAX_SAFE_INTEGER)
  })
})

describe('summarizePipeline', () => {
  it('sums open deals per pipeline and stage, leaving closed deals out', () => {
    const summary = summarizePipeline(
      [
        opp({ pipelineStage: 'Discovery', amountCents: 100_001, winLikelihood: 10 }),
        opp({ pipelineStage: 'Discovery', amountCents: 50_000, winLikelihood: 20 }),
        opp({ pipelineStage: 'Negotiation', amountCents: 300_000, winLikelihood: 70 }),
        opp({ pipelineStage: 'Proposal', amountCents: 7_777, winLikelihood: 40 }),
        opp({ pipeline: 'Expansion', pipelineStage: 'Scoping', amountCents: 1 }),
        opp({ pipelineStage: 'Closed Won', amountCents: 999_999, forecastCategory: 'won' }),
        opp({ pipelineStage: 'Negotiation', amountCents: 888_888, forecastCategory: 'lost' })
      ],
      'USD'
    )
    expect(summary.byStage).toEqual([
      { pipeline: 'Expansion', stage: 'Scoping', count: 1, amountCents: 1 },
      { pipeline: 'New Business', stage: 'Discovery', count: 2, amountCents: 150_001 },
      { pipeline: 'New Business', stage: 'Proposal', count: 1, amountCents: 7_777 },
      { pipeline: 'New Business', stage: 'Negotiation', count: 1, amountCents: 300_000 }
    ])
    expect(summary.openCount).toBe(5)
    expect(summary.openCents).toBe(457_779)
  })

  it('weights by forecast category (committed 100%, best case 50%, pipeline 25%)', () => {
    expect(FORECAST_WEIGHTS).toEqual({ committed: 100, best_case: 50, pipeline: 25 })
    const summary = summarizePipeline(
      [
        opp({ forecastCategory: 'committed', amountCents: 10_001 }),
        opp({ forecastCategory: 'best_case', amountCents: 10_001 }),
        opp({ forecastCategory: 'best_case', amountCents: 2 }),
        opp({ forecastCategory: 'pipeline', amountCents: 10_003 }),
        opp({ forecastCategory: null, amountCents: 40_000 }),
        opp({ forecastCategory: 'upside', amountCents: 5 }),
        opp({ forecastCategory: 'won', amountCents: 1_000_000 })
      ],
      'USD'
    )
    // 10001 + 10003 × 0.5 (5001.5) + 10003 × 0.25 (2500.75) = 17503.25 → 17503
    expect(summary.weightedCents).toBe(17_503)
    expect(summary.openCents).toBe(70_012)
    expect(summary.byCategory).toEqual([
      {
        category: 'committed',
        count: 1,
        amountCents: 10_001,
        weightPercent: 100,
        weightedCents: 10_001
      },
      {
        category: 'best_case',
        count: 2,
        amountCents: 10_003,
        weightPercent: 50,
        weightedCents: 5_002
      },
      {
        category: 'pipeline',
        count: 1,
        amountCents: 10_003,
        weightPercent: 25,
        weightedCents: 2_501
      },
      { category: 'none', count: 1, amountCents: 40_000, weightPercent: 0, weightedCents: 0 },
      { category: 'upside', count: 1, amountCents: 5, weightPercent: 0, weightedCents: 0 }
    ])
  })

  it('keeps other currencies out of the sums and reports them apart', () => {
    const summary = summarizePipeline(
      [
        opp({ amountCents: 1_000 }),
        opp({ amountCents: 2_000, currency: 'EUR' }),
        opp({ amountCents: 3_000, currency: 'EUR' }),
        opp({ amountCents: 4_000, currency: 'GBP', forecastCategory: 'won' })
      ],
      'USD'
    )
    expect(summary.openCents).toBe(1_000)
    expect(summary.openCount).toBe(1)
    expect(summary.otherCurrencies).toEqual([{ currency: 'EUR', count: 2, amountCents: 5_000 }])
  })

  it('is all zeros without opportunities', () => {
    expect(summarizePipeline([], 'USD')).toEqual({
      currency: 'USD',
      byStage: [],
      byCategory: [],
      openCount: 0,
      openCents: 0,
      weightedCents: 0,
      otherCurrencies: []
    })
  })
})

describe('summarize', () => {
  it('uses the customers’ currency for the pipeline', () => {
    const summary = summarize({
      customers: [{ mrrCents: 100, status: 'Active', currency: 'EUR' }],
      activities: [act('2024-01-01T00:00:00Z', 'new_biz', 100)],
      opportunities: [opp({ currency: 'EUR', amountCents: 500 }), opp({ amountCents: 7 })]
    })
    expect(summary.pipeline.currency).toBe('EUR')
    expect(summary.pipeline.openCents).toBe(500)
    expect(summary.customers.mrrCents).toBe(100)
    expect(summary.movements).toHaveLength(1)
    expect(summary.activityCount).toBe(1)
    expect(summary.opportunityCount).toBe(2)
  })
})
