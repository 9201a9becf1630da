/**
 * The Opportunities grid's own logic: which deals show a Sync badge, the stage choices per
 * pipeline, and turning a quick edit's cell input into a patch (exact cents, valid values).
 */
import { describe, expect, it } from 'vitest'
import type { OutboxEntry } from '../../../src/renderer/src/cache'
import { serverOpportunity } from '../outbox/support'
import { parseAmountToCents } from '../../../src/renderer/src/sections/opportunities/editor/opportunityForm'
import {
  isQuickEditField,
  opportunityColumns,
  quickEditPatch,
  stagesByPipeline,
  syncStateOf,
  withSyncState,
  type OpportunityRow
} from '../../../src/renderer/src/sections/opportunities/opportunityGrid'

function row(uuid: string, extra: Partial<OpportunityRow> = {}): OpportunityRow {
  return { ...serverOpportunity({ uuid }), _gen: 1, ...extra }
}

function entry(uuid: string, status: OutboxEntry['status'], id: number): OutboxEntry {
  return {
    id,
    opportunityUuid: uuid,
    kind: 'update',
    payload: { pipelineStage: 'Evaluation' },
    baseValues: { pipelineStage: 'Discovery' },
    status,
    createdAt: '2030-01-01T00:00:00.000Z',
    attempts: 0,
    lastError: null
  }
}

describe('sync state of a deal', () => {
  it('takes the worst of its entries: conflict over failed over pending', () => {
    const rows = withSyncState(
      [row('a'), row('b'), row('c'), row('d')],
      [
        entry('a', 'pending', 1),
        entry('b', 'pending', 2),
        entry('b', 'failed', 3),
        entry('c', 'failed', 4),
        entry('c', 'conflict', 5),
        entry('c', 'in_flight', 6)
      ]
    )
    expect(rows.map((r) => r._sync)).toEqual(['pending', 'failed', 'conflict', null])
  })

  it('falls back to the dirty flag for rows from a live sync page', () => {
    expect(syncStateOf(row('a', { _dirty: 1 }))).toBe('pending')
    expect(syncStateOf(row('a', { _dirty: 0 }))).toBeNull()
    expect(syncStateOf(row('a', { _dirty: 1, _sync: 'failed' }))).toBe('failed')
    expect(syncStateOf(undefined)).toBeNull()
  })

  it('does not change the rows it is given', () => {
    const original = row('a')
    withSyncState([original], [entry('a', 'pending', 1)])
    expect(original._sync).toBeUndefined()
  })
})

describe('stage choices', () => {
  it("lists a pipeline's cached stages, then the defaults it lacks", () => {
    const stages = stagesByPipeline(
      [
        { pipeline: 'New Business', pipelineStage: 'Proposal' },
        { pipeline: 'New Business', pipelineStage: 'Discovery' },
        { pipeline: 'Renewals', pipelineStage: 'Due' }
      ],
      ['Discovery', 'Closed Won']
    )
    expect(stages.get('New Business')).toEqual(['Discovery', 'Proposal', 'Closed Won'])
    expect(stages.get('Renewals')).toEqual(['Due', 'Discovery', 'Closed Won'])
  })
})

describe('quick edit → patch', () => {
  const usd = row('a')
  it('parses amounts in major units to exact cents', () => {
    expect(quickEditPatch('amountCents', '19.99', usd, parseAmountToCents)).toEqual({
      ok: true,
      patch: { amountCents: 1999 }
    })
    expect(quickEditPatch('amountCents', '1,000,000.01', usd, parseAmountToCents)).toEqual({
      ok: true,
      patch: { amountCents: 100_000_001 }
    })
    expect(
      quickEditPatch('amountCents', '500', row('b', { currency: 'JPY' }), parseAmountToCents)
    ).toEqual({ ok: true, patch: { amountCents: 500 } })
  })

  it('refuses amounts the currency cannot hold, and garbage', () => {
    expect(quickEditPatch('amountCents', '1.005', usd, parseAmountToCents).ok).toBe(false)
    expect(quickEditPatch('amountCents', 'ten', usd, parseAmountToCents).ok).toBe(false)
    expect(quickEditPatch('amountCents', '-5', usd, parseAmountToCents).ok).toBe(false)
  })

  it('accepts only known forecast categories', () => {
    expect(quickEditPatch('forecastCategory', 'best_case', usd, parseAmountToCents)).toEqual({
      ok: true,
      patch: { forecastCategory: 'best_case' }
    })
    const refused = quickEditPatch('forecastCategory', 'maybe', usd, parseAmountToCents)
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.message).toContain('best_case')
  })

  it('wants a calendar date for the close date and a stage that is not blank', () => {
    expect(quickEditPatch('estimatedCloseDate', '2031-02-03', usd, parseAmountToCents)).toEqual({
      ok: true,
      patch: { estimatedCloseDate: '2031-02-03' }
    })
    expect(quickEditPatch('estimatedCloseDate', '03/02/2031', usd, parseAmountToCents).ok).toBe(
      false
    )
    expect(quickEditPatch('pipelineStage', '  ', usd, parseAmountToCents).ok).toBe(false)
    expect(quickEditPatch('pipelineStage', ' Proposal ', usd, parseAmountToCents)).toEqual({
      ok: true,
      patch: { pipelineStage: 'Proposal' }
    })
  })
})

describe('columns', () => {
  it('puts the Sync column first and makes exactly the four quick-edit cells editable', () => {
    const columns = opportunityColumns({ stagesFor: () => ['Discovery'] })
    expect(columns[0]?.headerName).toBe('Sync')
    const editable = columns.filter((c) => c.editable === true).map((c) => c.field)
    expect(editable.sort()).toEqual(
      ['amountCents', 'estimatedCloseDate', 'forecastCategory', 'pipelineStage'].sort()
    )
    for (const field of editable) expect(isQuickEditField(field as string)).toBe(true)
    expect(isQuickEditField('owner')).toBe(false)
    expect(isQuickEditField('toString')).toBe(false)
  })

  it('hands the typed amount on as typed (no float parsing on the way)', () => {
    const amount = opportunityColumns({ stagesFor: () => [] }).find(
      (c) => c.field === 'amountCents'
    )
    const parse = amount?.valueParser as (p: { newValue: unknown }) => unknown
    expect(parse({ newValue: '1,234.50' })).toBe('1,234.50')
  })

  it("offers the row's pipeline stages in the stage editor", () => {
    const stage = opportunityColumns({
      stagesFor: (pipeline) => (pipeline === 'Renewals' ? ['Due'] : [])
    }).find((c) => c.field === 'pipelineStage')
    const params = stage?.cellEditorParams as (p: { data?: OpportunityRow }) => {
      values: string[]
    }
    expect(params({ data: row('a', { pipeline: 'Renewals' }) }).values).toEqual(['Due'])
  })
})
