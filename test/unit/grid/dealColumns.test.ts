/**
 * Grid columns per provider: the deals grid shows the fields the provider's capability table
 * lists, in its words; Monaco's owner and stage are shown by name and label; quick edits exist
 * only on fields the provider (and Monaco's cached schema) let us change.
 */
import { describe, expect, it } from 'vitest'
import type { ColDef, ValueFormatterParams } from 'ag-grid-community'
import { capabilitiesOf } from '../../../src/shared/providers/capabilities'
import { dealColumns, GRID_COLUMNS } from '../../../src/renderer/src/sections/data/columns'
import { opportunityColumns } from '../../../src/renderer/src/sections/opportunities/opportunityGrid'

const headers = (columns: ColDef[]): string[] =>
  columns.filter((c) => c.hide !== true).map((c) => c.headerName ?? '')

function shown(column: ColDef | undefined, data: object, value: unknown): string {
  const format = column?.valueFormatter as (p: Partial<ValueFormatterParams>) => string
  return format({ data, value })
}

describe('deal columns per provider', () => {
  it('keeps ChartMogul’s deals grid exactly as it was', () => {
    expect(dealColumns(capabilitiesOf('chartmogul')).map((c) => [c.field, c.headerName])).toEqual([
      ['customerName', 'Customer'],
      ['customerUuid', 'Customer id'],
      ['owner', 'Owner'],
      ['pipeline', 'Pipeline'],
      ['pipelineStage', 'Stage'],
      ['amountCents', 'Amount'],
      ['type', 'Type'],
      ['forecastCategory', 'Forecast'],
      ['winLikelihood', 'Win likelihood'],
      ['estimatedCloseDate', 'Close date'],
      ['createdAt', 'Created'],
      ['updatedAt', 'Updated']
    ])
  })

  it('shows Monaco’s fields only: name, account, owner, stage, estimated value, close date, tags', () => {
    const columns = dealColumns(capabilitiesOf('monaco'))
    expect(headers(columns)).toEqual([
      'Name',
      'Account',
      'Owner',
      'Stage',
      'Estimated value',
      'Close date',
      'Tags'
    ])
    expect(columns.map((c) => c.field)).not.toContain('forecastCategory')
    expect(columns.map((c) => c.field)).not.toContain('pipeline')
  })

  it('shows a Monaco stage by its label and an owner by name, keeping the key as the value', () => {
    const columns = dealColumns(capabilitiesOf('monaco'), {
      stageLabel: (key) => (key === 'closed-won' ? 'Closed Won' : key)
    })
    const stage = columns.find((c) => (c.field as string) === 'pipelineStage')
    const owner = columns.find((c) => (c.field as string) === 'owner')
    expect(shown(stage, { pipelineStage: 'closed-won' }, 'closed-won')).toBe('Closed Won')
    // The select editor formats bare keys with no row around them.
    expect(shown(stage, undefined as unknown as object, 'closed-won')).toBe('Closed Won')
    expect(shown(owner, { owner: 'u1', ownerName: 'Ada Lovelace' }, 'u1')).toBe('Ada Lovelace')
    expect(shown(owner, { owner: 'u9' }, 'u9')).toBe('u9')
  })

  it('shows no amount for a deal with no value instead of $0.00', () => {
    const amount = dealColumns(capabilitiesOf('monaco')).find(
      (c) => (c.field as string) === 'amountCents'
    )
    expect(shown(amount, { amountCents: 0, currency: '' }, 0)).toBe('')
    expect(shown(amount, { amountCents: 123_45, currency: 'EUR' }, 123_45)).toMatch(/123[.,]45/)
  })

  it('lets quick edits touch only the fields the provider lets us change', () => {
    const editable = (columns: ColDef[]): string[] =>
      columns
        .filter((c) => c.editable === true)
        .map((c) => c.field as string)
        .sort()
    expect(editable(opportunityColumns({ stagesFor: () => [] }))).toEqual(
      ['amountCents', 'estimatedCloseDate', 'forecastCategory', 'pipelineStage'].sort()
    )
    const monaco = capabilitiesOf('monaco')
    expect(editable(opportunityColumns({ capabilities: monaco, stagesFor: () => [] }))).toEqual(
      ['amountCents', 'estimatedCloseDate', 'pipelineStage'].sort()
    )
    // Monaco's schema says the value is not updatable: no quick edit of it.
    expect(
      editable(
        opportunityColumns({
          capabilities: monaco,
          stagesFor: () => [],
          canEdit: (field) => field !== 'amountCents'
        })
      )
    ).toEqual(['estimatedCloseDate', 'pipelineStage'])
  })
})

describe('Monaco account and contact grids', () => {
  it('has the columns people look for', () => {
    expect(headers(GRID_COLUMNS.accounts)).toEqual([
      'Name',
      'Status',
      'Domain',
      'Owner',
      'Tags',
      'Created'
    ])
    expect(headers(GRID_COLUMNS.contacts)).toEqual([
      'Name',
      'Email',
      'Title',
      'Account',
      'Phone',
      'Created'
    ])
  })
})
