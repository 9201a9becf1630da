/** The pipeline dashboard's figures: per stage in pipeline order, one currency, honest weights. */
import { describe, expect, it } from 'vitest'
import { summarizePipeline } from '../../../src/renderer/src/sections/dashboard/pipelineAggregate'

const stages = [
  { key: 'discovery', label: 'Discovery' },
  { key: 'proposal', label: 'Proposal' },
  { key: 'closed-won', label: 'Closed Won' }
]

describe('pipeline by stage', () => {
  it('counts and totals each stage in pipeline order, in the main currency', () => {
    const summary = summarizePipeline(
      [
        { pipelineStage: 'proposal', currency: 'USD', amountCents: 100_00 },
        { pipelineStage: 'discovery', currency: 'USD', amountCents: 50_00 },
        { pipelineStage: 'proposal', currency: 'USD', amountCents: 25_00 },
        { pipelineStage: 'proposal', currency: 'EUR', amountCents: 999_00 },
        { pipelineStage: 'discovery', currency: '', amountCents: 0 },
        { pipelineStage: 'negotiation-2', currency: 'USD', amountCents: 10_00 }
      ],
      stages
    )
    expect(summary.currency).toBe('USD')
    expect(summary.stages.map((s) => [s.label, s.count, s.amountCents])).toEqual([
      ['Discovery', 2, 50_00],
      ['Proposal', 3, 125_00],
      ['Closed Won', 0, 0],
      ['negotiation-2', 1, 10_00]
    ])
    expect(summary.dealCount).toBe(6)
    expect(summary.totalCents).toBe(185_00)
    expect(summary.withoutValue).toBe(1)
    expect(summary.otherCurrencies).toEqual([{ currency: 'EUR', count: 1, amountCents: 999_00 }])
  })

  it('is unweighted when stages carry no probability (Monaco today)', () => {
    const summary = summarizePipeline(
      [{ pipelineStage: 'discovery', currency: 'USD', amountCents: 100_00 }],
      stages
    )
    expect(summary.weightedCents).toBeNull()
  })

  it('weights by stage probability when every stage with deals has one', () => {
    const summary = summarizePipeline(
      [
        { pipelineStage: 'discovery', currency: 'USD', amountCents: 100_00 },
        { pipelineStage: 'proposal', currency: 'USD', amountCents: 200_00 }
      ],
      [
        { key: 'discovery', label: 'Discovery', probability: 10 },
        { key: 'proposal', label: 'Proposal', probability: 50 },
        { key: 'closed-won', label: 'Closed Won' }
      ]
    )
    expect(summary.weightedCents).toBe(10_00 + 100_00)
  })

  it('has no currency and no stages without deals or a schema', () => {
    const summary = summarizePipeline([], null)
    expect(summary).toMatchObject({ currency: null, stages: [], dealCount: 0, totalCents: 0 })
  })
})
