/**
 * Custom fields in the Monaco deal form: which ones the cached opportunity schema lists and how
 * each is edited (its type, its allowed values, read-only when Monaco says `updatable: false`),
 * and what a save sends — on edit only the changed keys as `custom: { custom_field_<id>: value }`
 * (an emptied one as null, which clears it), on create only the filled ones.
 */
import { describe, expect, it } from 'vitest'
import type { MonacoField, MonacoFieldSchema } from '../../../src/shared/domain/monaco'
import { capabilitiesOf } from '../../../src/shared/providers/capabilities'
import { customFieldModel } from '../../../src/renderer/src/sections/opportunities/editor/customFieldForm'
import { dealFormModel } from '../../../src/renderer/src/sections/opportunities/editor/dealFormModel'
import {
  emptyMonacoForm,
  errorsFromIssues,
  monacoFormFromDeal,
  toMonacoDraft,
  toMonacoPatch
} from '../../../src/renderer/src/sections/opportunities/editor/monacoDealForm'
import { serverOpportunity } from '../outbox/support'

function custom(
  id: string,
  label: string,
  type: string,
  extra: Partial<MonacoField> = {}
): MonacoField {
  return {
    key: `custom_field_${id}`,
    label,
    type,
    parent: null,
    filterable: true,
    sortable: true,
    updatable: true,
    allowedOperators: [],
    allowedValues: null,
    custom: { id, aiAutoFilled: false },
    ...extra
  }
}

const SOURCE = custom('src', 'Lead Source', 'enum', {
  allowedValues: [
    { key: 'inbound', label: 'Inbound' },
    { key: 'referral', label: 'Referral' }
  ]
})
const schema: MonacoFieldSchema = {
  fields: [],
  stages: null,
  customFields: [
    custom('cmp', 'Competitor', 'string'),
    custom('seats', 'Seats', 'number'),
    custom('trial', 'On trial', 'boolean'),
    custom('kick', 'Kick-off', 'date'),
    SOURCE,
    custom('notes', 'Notes', 'text'),
    custom('health', 'Deal Health', 'enum', { updatable: false, allowedValues: [] }),
    custom('seen', 'Last seen', 'datetime'),
    // Hostile or broken entries from the cache: never shown, never sent.
    { ...custom('x', 'Injected', 'string'), key: 'name' },
    null as unknown as MonacoField,
    { ...custom('y', 'No label', 'string'), label: 42 as unknown as string }
  ],
  skipped: []
}
const monaco = capabilitiesOf('monaco')
const lookups = { schema, users: [], tags: [] }

describe('the custom fields of the form', () => {
  it('lists the schema’s custom fields with an input per type, read-only where Monaco says so', () => {
    const model = customFieldModel(monaco, schema)
    expect(model.map((s) => [s.key, s.label, s.kind, s.editable])).toEqual([
      ['custom_field_cmp', 'Competitor', 'string', true],
      ['custom_field_seats', 'Seats', 'number', true],
      ['custom_field_trial', 'On trial', 'boolean', true],
      ['custom_field_kick', 'Kick-off', 'date', true],
      ['custom_field_src', 'Lead Source', 'enum', true],
      ['custom_field_notes', 'Notes', 'string', true],
      ['custom_field_health', 'Deal Health', 'enum', false],
      // A type the form has no input for is shown, never edited.
      ['custom_field_seen', 'Last seen', 'other', false],
      ['custom_field_y', 'custom_field_y', 'string', true]
    ])
    expect(model.find((s) => s.kind === 'enum')?.options).toEqual([
      { value: 'inbound', label: 'Inbound' },
      { value: 'referral', label: 'Referral' }
    ])
  })

  it('has none without a cached schema, or for a provider whose table has no custom fields', () => {
    expect(customFieldModel(monaco, null)).toEqual([])
    const { custom: _none, ...withoutCustom } = monaco.dealFields
    expect(customFieldModel({ ...monaco, dealFields: withoutCustom }, schema)).toEqual([])
  })
})

describe('custom field values', () => {
  const model = dealFormModel(monaco, lookups, 'edit')
  const customModel = customFieldModel(monaco, schema)
  const deal = serverOpportunity({
    uuid: 'opp-1',
    customerUuid: 'acc-1',
    name: 'Expansion',
    custom: {
      custom_field_cmp: 'Globex',
      custom_field_seats: 12,
      custom_field_trial: true,
      custom_field_src: 'inbound',
      custom_field_health: 'healthy'
    }
  })
  const loaded = monacoFormFromDeal(deal, new Map(), 'USD')

  it('load as text for their inputs, absent ones empty', () => {
    expect(loaded.custom).toMatchObject({
      custom_field_cmp: 'Globex',
      custom_field_seats: '12',
      custom_field_trial: 'true',
      custom_field_src: 'inbound',
      custom_field_health: 'healthy'
    })
    expect(loaded.custom['custom_field_kick'] ?? '').toBe('')
  })

  it('send only the changed keys, typed; an emptied one as null; never a read-only one', () => {
    const values = {
      ...loaded,
      custom: {
        ...loaded.custom,
        custom_field_cmp: '',
        custom_field_seats: '1,250.5',
        custom_field_trial: 'false',
        custom_field_kick: '2031-02-01',
        custom_field_src: 'referral',
        custom_field_health: 'stalled'
      }
    }
    expect(toMonacoPatch(values, loaded, model, customModel)).toEqual({
      ok: true,
      value: {
        custom: {
          custom_field_cmp: null,
          custom_field_seats: 1250.5,
          custom_field_trial: false,
          custom_field_kick: '2031-02-01',
          custom_field_src: 'referral'
        }
      }
    })
    const oneChange = { ...loaded, custom: { ...loaded.custom, custom_field_cmp: ' Initech ' } }
    expect(toMonacoPatch(oneChange, loaded, model, customModel)).toEqual({
      ok: true,
      value: { custom: { custom_field_cmp: 'Initech' } }
    })
    expect(toMonacoPatch(loaded, loaded, model, customModel)).toEqual({ ok: true, value: {} })
  })

  it('refuse a value of the wrong type on that field, in words a person understands', () => {
    const values = {
      ...loaded,
      custom: {
        ...loaded.custom,
        custom_field_seats: 'twelve',
        custom_field_kick: '2031-02-30',
        custom_field_src: 'not-listed'
      }
    }
    expect(toMonacoPatch(values, loaded, model, customModel)).toEqual({
      ok: false,
      errors: {
        'custom.custom_field_seats': 'Seats takes a number, like 12 or 3.5.',
        'custom.custom_field_kick': 'Kick-off takes a date like 2024-03-30.',
        'custom.custom_field_src': 'Choose one of Lead Source’s values.'
      }
    })
  })

  it('go into a new deal when filled, and the outbox’s issues land on their field', () => {
    const createModel = customFieldModel(monaco, schema)
    const values = {
      ...emptyMonacoForm({ customerUuid: 'acc-1', currency: 'USD' }),
      name: 'New',
      custom: { custom_field_seats: '3', custom_field_cmp: '', custom_field_trial: 'true' }
    }
    expect(toMonacoDraft(values, dealFormModel(monaco, lookups, 'create'), createModel)).toEqual({
      ok: true,
      value: {
        customerUuid: 'acc-1',
        name: 'New',
        custom: { custom_field_seats: 3, custom_field_trial: true }
      }
    })
    expect(errorsFromIssues([{ field: 'custom.custom_field_cmp', message: 'Too long.' }])).toEqual({
      'custom.custom_field_cmp': 'Too long.'
    })
  })
})
