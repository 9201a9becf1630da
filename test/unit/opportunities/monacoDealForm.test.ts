/**
 * The capability-driven deal form: which fields exist, are required and editable (the table
 * merged with Monaco's cached schema), the choices Monaco listed, and turning the form into a
 * Monaco draft or patch with Monaco's validation messages.
 */
import { describe, expect, it } from 'vitest'
import { capabilitiesOf } from '../../../src/shared/providers/capabilities'
import type { MonacoField, MonacoFieldSchema } from '../../../src/shared/domain/monaco'
import {
  dealFormModel,
  type FormLookups
} from '../../../src/renderer/src/sections/opportunities/editor/dealFormModel'
import {
  emptyMonacoForm,
  monacoFormFromDeal,
  toMonacoDraft,
  toMonacoPatch
} from '../../../src/renderer/src/sections/opportunities/editor/monacoDealForm'
import { serverOpportunity } from '../outbox/support'

function field(key: string, updatable: boolean): MonacoField {
  return {
    key,
    label: key,
    type: 'string',
    parent: null,
    filterable: true,
    sortable: true,
    updatable,
    allowedOperators: [],
    allowedValues: null,
    custom: null
  }
}

const schema: MonacoFieldSchema = {
  fields: [
    field('name', true),
    field('account_id', false),
    field('stage', true),
    field('estimated_close_date', false)
  ],
  stages: [
    { key: 'discovery', label: 'Discovery' },
    { key: 'closed-won', label: 'Closed Won' }
  ],
  customFields: [],
  skipped: []
}
const lookups: FormLookups = {
  schema,
  users: [{ value: 'u1', label: 'Ada Lovelace' }],
  tags: [
    { value: 't1', label: 'Enterprise' },
    { value: 't2', label: 'Renewal' }
  ]
}
const monaco = capabilitiesOf('monaco')

describe('the form model', () => {
  it('lists Monaco’s fields with their rules and choices', () => {
    const model = dealFormModel(monaco, lookups, 'create')
    expect(model.map((s) => [s.field, s.label, s.required, s.control])).toEqual([
      ['name', 'Name', true, 'text'],
      ['customerUuid', 'Account', true, 'parent'],
      ['owner', 'Owner', false, 'select'],
      ['pipelineStage', 'Stage', false, 'select'],
      ['estimatedCloseDate', 'Estimated close', false, 'date'],
      ['currency', 'Currency', false, 'currency'],
      ['amountCents', 'Estimated value', false, 'amount'],
      ['tags', 'Tags', false, 'multiselect']
    ])
    expect(model.find((s) => s.field === 'pipelineStage')?.options).toEqual([
      { value: 'discovery', label: 'Discovery' },
      { value: 'closed-won', label: 'Closed Won' }
    ])
    expect(model.find((s) => s.field === 'owner')?.options).toEqual(lookups.users)
    expect(model.every((s) => s.editable)).toBe(true)
  })

  it('makes read-only on edit what the table or the schema says cannot change', () => {
    const model = dealFormModel(monaco, lookups, 'edit')
    const readOnly = model.filter((s) => !s.editable).map((s) => s.field)
    // Account: create-only in the table; close date: `updatable: false` in the schema.
    expect(readOnly).toEqual(['customerUuid', 'estimatedCloseDate'])
  })

  it('gives ChartMogul free-text stages and email owners', () => {
    const model = dealFormModel(capabilitiesOf('chartmogul'), lookups, 'create')
    expect(model.find((s) => s.field === 'pipelineStage')?.control).toBe('text')
    expect(model.find((s) => s.field === 'owner')?.control).toBe('text')
    expect(model.map((s) => s.field)).not.toContain('name')
  })
})

describe('a Monaco draft from the form', () => {
  const model = dealFormModel(monaco, lookups, 'create')

  it('asks for what the provider requires, in its words', () => {
    const result = toMonacoDraft(emptyMonacoForm({ currency: 'USD' }), model)
    expect(result).toEqual({
      ok: false,
      errors: { name: 'Enter the name.', customerUuid: 'Choose the account.' }
    })
  })

  it('builds the draft with stage key, owner id, tag ids and exact cents', () => {
    const values = {
      ...emptyMonacoForm({ customerUuid: 'acc-1', currency: 'EUR' }),
      name: ' Expansion ',
      owner: 'u1',
      pipelineStage: 'discovery',
      estimatedCloseDate: '2025-03-31',
      amount: '1,234.50',
      tagIds: ['t2']
    }
    expect(toMonacoDraft(values, model)).toEqual({
      ok: true,
      value: {
        customerUuid: 'acc-1',
        name: 'Expansion',
        owner: 'u1',
        pipelineStage: 'discovery',
        estimatedCloseDate: '2025-03-31',
        amountCents: 123_450,
        currency: 'EUR',
        tagIds: ['t2']
      }
    })
  })

  it('shows Monaco’s own rule when a value breaks it', () => {
    const values = {
      ...emptyMonacoForm({ customerUuid: 'acc-1', currency: 'euro' }),
      name: 'Deal',
      amount: '10'
    }
    const result = toMonacoDraft(values, model)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.errors.currency).toBe('Use a three-letter currency code like USD.')
    const badDate = toMonacoDraft(
      {
        ...emptyMonacoForm({ customerUuid: 'acc-1', currency: 'USD' }),
        name: 'D',
        estimatedCloseDate: '2025-02-30'
      },
      model
    )
    expect(badDate).toEqual({
      ok: false,
      errors: { estimatedCloseDate: 'That date does not exist.' }
    })
  })
})

describe('a Monaco patch from the form', () => {
  const model = dealFormModel(monaco, lookups, 'edit')
  const deal = serverOpportunity({
    uuid: 'opp-1',
    customerUuid: 'acc-1',
    name: 'Expansion',
    owner: 'u1',
    pipeline: '',
    pipelineStage: 'discovery',
    estimatedCloseDate: '2025-03-31',
    currency: 'USD',
    amountCents: 5_000_00,
    tags: ['Enterprise', 'Unknown tag']
  })
  const tagIds = new Map([
    ['Enterprise', 't1'],
    ['Renewal', 't2']
  ])
  const loaded = monacoFormFromDeal(deal, tagIds, 'USD')

  it('loads tags as the cached tags’ ids', () => {
    expect(loaded.tagIds).toEqual(['t1'])
    expect(loaded.amount).toBe('5,000.00')
  })

  it('sends only what changed, clearing what was emptied, never read-only fields', () => {
    const values = {
      ...loaded,
      pipelineStage: 'closed-won',
      owner: '',
      estimatedCloseDate: '2030-01-01',
      tagIds: ['t1', 't2']
    }
    expect(toMonacoPatch(values, loaded, model)).toEqual({
      ok: true,
      value: { pipelineStage: 'closed-won', owner: null, tagIds: ['t1', 't2'] }
    })
  })

  it('sends the amount with its currency, and refuses an emptied name', () => {
    expect(toMonacoPatch({ ...loaded, amount: '6000' }, loaded, model)).toEqual({
      ok: true,
      value: { amountCents: 6_000_00, currency: 'USD' }
    })
    expect(toMonacoPatch({ ...loaded, name: '  ' }, loaded, model)).toEqual({
      ok: false,
      errors: { name: 'A name is required.' }
    })
    expect(toMonacoPatch(loaded, loaded, model)).toEqual({ ok: true, value: {} })
  })
})
