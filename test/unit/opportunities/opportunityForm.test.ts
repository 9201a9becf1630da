/** The opportunity editor's form model: money by string arithmetic, validation, draft and patch. */
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { WorkspaceCache } from '../../../src/renderer/src/cache'
import { listOutboxEntries } from '../../../src/renderer/src/outbox'
import {
  customRowFrom,
  emptyForm,
  errorsFromIssues,
  firstErrorKey,
  formatCentsAsAmount,
  formFieldForIssue,
  formFromOpportunity,
  minorUnitDigits,
  newCustomRow,
  parseAmountToCents,
  parseCustomValue,
  saveOpportunityForm,
  toDraft,
  toPatch,
  withCustomRowType,
  type OpportunityFormValues
} from '../../../src/renderer/src/sections/opportunities/editor/opportunityForm'
import { opportunityDraftSchema, type Opportunity } from '../../../src/shared/domain'
import { openCache, seedRow, serverOpportunity } from '../outbox/support'

function filled(overrides: Partial<OpportunityFormValues> = {}): OpportunityFormValues {
  return {
    ...emptyForm({ customerUuid: 'cus_1', currency: 'USD' }),
    owner: 'ann@example.com',
    pipeline: 'New Business',
    pipelineStage: 'Discovery',
    estimatedCloseDate: '2031-01-15',
    amount: '1,000.00',
    ...overrides
  }
}

function errorsOf(values: OpportunityFormValues): Record<string, string> {
  const result = toDraft(values)
  if (result.ok) throw new Error('expected errors')
  return result.errors as Record<string, string>
}

function cents(text: string, currency = 'USD'): number {
  const result = parseAmountToCents(text, currency)
  if (!result.ok) throw new Error(`${text}: ${result.message}`)
  return result.cents
}

function amountError(text: string, currency = 'USD'): string {
  const result = parseAmountToCents(text, currency)
  if (result.ok) throw new Error(`${text} parsed as ${result.cents}`)
  return result.message
}

describe('parseAmountToCents', () => {
  it('is exact where float arithmetic is not', () => {
    expect(cents('0.29')).toBe(29) // 0.29 * 100 = 28.999999999999996
    expect(cents('0.3')).toBe(30) // 0.1 + 0.2
    expect(cents('19.99')).toBe(1999)
    expect(cents('1.1')).toBe(110)
    expect(cents('4.35')).toBe(435) // 4.35 * 100 = 434.99999999999994
    expect(cents('1,000,000.01')).toBe(100_000_001)
    expect(cents('90,071,992,547,409.91')).toBe(9_007_199_254_740_991)
  })

  it('accepts plain, grouped and partial forms', () => {
    expect(cents('1234')).toBe(123_400)
    expect(cents('1,234.5')).toBe(123_450)
    expect(cents('1234.56')).toBe(123_456)
    expect(cents(' 12 ')).toBe(1200)
    expect(cents('.5')).toBe(50)
    expect(cents('7.')).toBe(700)
    expect(cents('0')).toBe(0)
    expect(cents('007.05')).toBe(705)
  })

  it('uses the currency’s minor unit', () => {
    expect(minorUnitDigits('JPY')).toBe(0)
    expect(minorUnitDigits('USD')).toBe(2)
    expect(minorUnitDigits('KWD')).toBe(3)
    expect(minorUnitDigits('not a code')).toBe(2)
    expect(cents('500', 'JPY')).toBe(500)
    expect(cents('1,500', 'JPY')).toBe(1500)
    expect(cents('1.234', 'KWD')).toBe(1234)
    expect(cents('1.5', 'KWD')).toBe(1500)
  })

  it('rejects more decimals than the currency has', () => {
    expect(amountError('1.005')).toBe('USD amounts have at most 2 decimal places.')
    expect(amountError('500.5', 'JPY')).toBe('JPY amounts have no decimal places.')
    expect(amountError('500.0', 'JPY')).toBe('JPY amounts have no decimal places.')
    expect(amountError('1.2345', 'KWD')).toBe('KWD amounts have at most 3 decimal places.')
  })

  it('rejects empty, negative, malformed and too large amounts', () => {
    expect(amountError('')).toBe('Enter an amount.')
    expect(amountError('   ')).toBe('Enter an amount.')
    expect(amountError('-5')).toBe('The amount cannot be negative.')
    expect(amountError('−5')).toBe('The amount cannot be negative.')
    for (const garbage of [
      'abc',
      '1.2.3',
      '12,34',
      '1,2345',
      '$5',
      '5 USD',
      '1e3',
      '.',
      ',',
      '1,'
    ]) {
      expect(amountError(garbage)).toBe('Enter an amount like 1,234.56.')
    }
    expect(amountError('x', 'JPY')).toBe('Enter an amount like 1,234.')
    expect(amountError('90,071,992,547,409.92')).toBe('That amount is too large.')
  })

  it('agrees with exact decimal arithmetic on many generated amounts', () => {
    let seed = 7
    const next = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed % n
    }
    for (let i = 0; i < 1_000; i++) {
      const whole = next(10_000_000)
      const fraction = next(100)
      const text = `${whole}.${String(fraction).padStart(2, '0')}`
      expect(cents(text)).toBe(whole * 100 + fraction)
    }
  })
})

describe('formatCentsAsAmount', () => {
  it('formats with separators and the currency’s decimals', () => {
    expect(formatCentsAsAmount(123_456, 'USD')).toBe('1,234.56')
    expect(formatCentsAsAmount(5, 'USD')).toBe('0.05')
    expect(formatCentsAsAmount(0, 'USD')).toBe('0.00')
    expect(formatCentsAsAmount(100_000_001, 'USD')).toBe('1,000,000.01')
    expect(formatCentsAsAmount(500, 'JPY')).toBe('500')
    expect(formatCentsAsAmount(1_234_567, 'JPY')).toBe('1,234,567')
    expect(formatCentsAsAmount(1234, 'KWD')).toBe('1.234')
    expect(formatCentsAsAmount(Number.MAX_SAFE_INTEGER, 'USD')).toBe('90,071,992,547,409.91')
  })

  it('round-trips through parseAmountToCents for 1,000 random amounts', () => {
    for (const currency of ['USD', 'JPY', 'KWD']) {
      for (let i = 0; i < 1_000; i++) {
        const value = Math.floor(Math.random() * 10 ** Math.floor(Math.random() * 16))
        expect(cents(formatCentsAsAmount(value, currency), currency)).toBe(value)
      }
    }
  })
})

describe('toDraft', () => {
  it('builds the draft the outbox accepts', () => {
    const result = toDraft(
      filled({
        owner: ' ann@example.com ',
        currency: 'eur',
        amount: '19.99',
        type: 'one-time',
        forecastCategory: 'best_case',
        winLikelihood: '30%',
        customRows: [
          { key: 'seats', type: 'number', value: '12' },
          { key: 'from_campaign', type: 'boolean', value: 'True' },
          { key: 'kickoff', type: 'date', value: '2031-02-01' },
          { key: 'source', type: 'string', value: 'Referral' },
          newCustomRow()
        ]
      })
    )
    expect(result).toEqual({
      ok: true,
      draft: {
        customerUuid: 'cus_1',
        owner: 'ann@example.com',
        pipeline: 'New Business',
        pipelineStage: 'Discovery',
        estimatedCloseDate: '2031-01-15',
        currency: 'EUR',
        amountCents: 1999,
        type: 'one-time',
        forecastCategory: 'best_case',
        winLikelihood: 30,
        custom: { seats: 12, from_campaign: true, kickoff: '2031-02-01', source: 'Referral' }
      }
    })
    if (result.ok) expect(opportunityDraftSchema.safeParse(result.draft).success).toBe(true)
  })

  it('leaves optional fields out when empty', () => {
    const result = toDraft(filled())
    expect(result.ok && Object.keys(result.draft).sort()).toEqual(
      [
        'amountCents',
        'currency',
        'customerUuid',
        'estimatedCloseDate',
        'owner',
        'pipeline',
        'pipelineStage'
      ].sort()
    )
  })

  it('requires a customer', () => {
    expect(errorsOf(filled({ customerUuid: ' ' }))).toEqual({ customerUuid: 'Choose a customer.' })
  })

  it('requires the owner as an email address', () => {
    expect(errorsOf(filled({ owner: '' }))).toEqual({ owner: 'Enter the owner’s email address.' })
    expect(errorsOf(filled({ owner: 'ann' }))).toEqual({
      owner: 'The owner must be the email address of a ChartMogul user.'
    })
  })

  it('requires a pipeline and a stage', () => {
    expect(errorsOf(filled({ pipeline: '  ', pipelineStage: '' }))).toEqual({
      pipeline: 'A pipeline is required.',
      pipelineStage: 'A pipeline stage is required.'
    })
  })

  it('requires a real close date', () => {
    expect(errorsOf(filled({ estimatedCloseDate: '' }))).toEqual({
      estimatedCloseDate: 'Enter the estimated close date.'
    })
    expect(errorsOf(filled({ estimatedCloseDate: '15/01/2031' }))).toEqual({
      estimatedCloseDate: 'Use a date like 2024-03-30.'
    })
    expect(errorsOf(filled({ estimatedCloseDate: '2031-02-30' }))).toEqual({
      estimatedCloseDate: 'That date does not exist.'
    })
  })

  it('requires an ISO 4217 currency code', () => {
    expect(errorsOf(filled({ currency: '' }))).toEqual({
      currency: 'Enter a currency code, like USD.'
    })
    expect(errorsOf(filled({ currency: 'US' }))).toEqual({
      currency: 'Use a three-letter currency code like USD.'
    })
    expect(errorsOf(filled({ currency: 'ABC' }))).toEqual({
      currency: 'ABC is not an ISO 4217 currency code.'
    })
    expect(toDraft(filled({ currency: ' gbp ' }))).toMatchObject({
      ok: true,
      draft: { currency: 'GBP' }
    })
  })

  it('checks the amount against the chosen currency', () => {
    expect(errorsOf(filled({ amount: '' }))).toEqual({ amount: 'Enter an amount.' })
    expect(errorsOf(filled({ amount: '-1' }))).toEqual({
      amount: 'The amount cannot be negative.'
    })
    expect(errorsOf(filled({ currency: 'JPY', amount: '10.50' }))).toEqual({
      amount: 'JPY amounts have no decimal places.'
    })
    expect(toDraft(filled({ currency: 'JPY', amount: '500' }))).toMatchObject({
      ok: true,
      draft: { amountCents: 500 }
    })
  })

  it('takes the win likelihood as a whole number from 0 to 100', () => {
    expect(toDraft(filled({ winLikelihood: '0' }))).toMatchObject({ ok: true })
    expect(toDraft(filled({ winLikelihood: '100' }))).toMatchObject({
      ok: true,
      draft: { winLikelihood: 100 }
    })
    expect(errorsOf(filled({ winLikelihood: '101' }))).toEqual({
      winLikelihood: 'The win likelihood is between 0 and 100.'
    })
    expect(errorsOf(filled({ winLikelihood: '-5' }))).toEqual({
      winLikelihood: 'The win likelihood is between 0 and 100.'
    })
    expect(errorsOf(filled({ winLikelihood: '12.5' }))).toEqual({
      winLikelihood: 'The win likelihood is a whole percentage.'
    })
    expect(errorsOf(filled({ winLikelihood: 'high' }))).toEqual({
      winLikelihood: 'Enter a whole number from 0 to 100.'
    })
  })

  it('requires custom attribute keys, once each', () => {
    expect(
      errorsOf(
        filled({
          customRows: [
            { key: '', type: 'string', value: 'orphan' },
            { key: 'seats', type: 'number', value: '1' },
            { key: ' seats ', type: 'number', value: '2' }
          ]
        })
      )
    ).toEqual({
      'customRows.0.key': 'Give the attribute a key.',
      'customRows.2.key': 'Another attribute already uses this key.'
    })
  })

  it('checks each custom value against its type', () => {
    expect(
      errorsOf(
        filled({
          customRows: [
            { key: 'n', type: 'number', value: '12 seats' },
            { key: 'b', type: 'boolean', value: 'yes' },
            { key: 'd', type: 'date', value: '2031-13-01' },
            { key: 'e', type: 'date', value: '01/02/2031' },
            { key: 'f', type: 'number', value: '' }
          ]
        })
      )
    ).toEqual({
      'customRows.0.value': 'Enter a number, like 42 or 3.5.',
      'customRows.1.value': 'Enter true or false.',
      'customRows.2.value': 'That date does not exist.',
      'customRows.3.value': 'Use a date like 2024-03-30.',
      'customRows.4.value': 'Enter a number, like 42 or 3.5.'
    })
  })

  it('reports every wrong field at once', () => {
    const errors = errorsOf(
      filled({ customerUuid: '', owner: 'x', amount: 'lots', estimatedCloseDate: '' })
    )
    expect(Object.keys(errors).sort()).toEqual(
      ['amount', 'customerUuid', 'estimatedCloseDate', 'owner'].sort()
    )
  })
})

describe('custom attribute rows', () => {
  it('infer their type from the stored value', () => {
    expect(customRowFrom('a', true)).toEqual({ key: 'a', type: 'boolean', value: 'true' })
    expect(customRowFrom('a', 2.5)).toEqual({ key: 'a', type: 'number', value: '2.5' })
    expect(customRowFrom('a', '2031-01-01')).toEqual({
      key: 'a',
      type: 'date',
      value: '2031-01-01'
    })
    expect(customRowFrom('a', 'hi')).toEqual({ key: 'a', type: 'string', value: 'hi' })
    expect(customRowFrom('a', { x: 1 })).toEqual({ key: 'a', type: 'string', value: '{"x":1}' })
  })

  it('keep a value across a type change only where it fits', () => {
    expect(withCustomRowType({ key: 'a', type: 'string', value: '42' }, 'number').value).toBe('42')
    expect(withCustomRowType({ key: 'a', type: 'string', value: 'hi' }, 'number').value).toBe('')
    expect(withCustomRowType({ key: 'a', type: 'number', value: '4' }, 'string').value).toBe('4')
  })

  it('parse typed values', () => {
    expect(parseCustomValue({ key: 'a', type: 'number', value: ' -1.5e2 ' })).toEqual({
      ok: true,
      value: -150
    })
    expect(parseCustomValue({ key: 'a', type: 'boolean', value: 'FALSE' })).toEqual({
      ok: true,
      value: false
    })
    expect(parseCustomValue({ key: 'a', type: 'string', value: ' as typed ' })).toEqual({
      ok: true,
      value: ' as typed '
    })
  })
})

const original: Opportunity = serverOpportunity({
  uuid: 'opp_1',
  custom: { seats: 5, meta: { source: 'crm' } }
})

describe('formFromOpportunity', () => {
  it('shows a row as typed values', () => {
    expect(formFromOpportunity(original)).toEqual({
      customerUuid: 'cus_1',
      owner: 'ann@example.com',
      pipeline: 'New Business',
      pipelineStage: 'Discovery',
      estimatedCloseDate: '2031-01-15',
      currency: 'USD',
      amount: '100.00',
      type: 'recurring',
      forecastCategory: 'pipeline',
      winLikelihood: '20',
      customRows: [
        { key: 'seats', type: 'number', value: '5' },
        { key: 'meta', type: 'string', value: '{"source":"crm"}' }
      ]
    })
  })

  it('shows unknown and missing values as empty', () => {
    const form = formFromOpportunity(
      serverOpportunity({
        type: 'arr',
        forecastCategory: null,
        winLikelihood: null,
        owner: null,
        estimatedCloseDate: null
      })
    )
    expect(form).toMatchObject({
      type: '',
      forecastCategory: '',
      winLikelihood: '',
      owner: '',
      estimatedCloseDate: ''
    })
  })
})

describe('toPatch', () => {
  const edit = (overrides: Partial<OpportunityFormValues>, row: Opportunity = original) =>
    toPatch({ ...formFromOpportunity(row), ...overrides }, row)

  it('is empty when nothing changed', () => {
    expect(edit({})).toEqual({ ok: true, patch: {} })
    expect(edit({ pipeline: ' New Business ', amount: '100' })).toEqual({ ok: true, patch: {} })
  })

  it('carries only the changed fields', () => {
    expect(edit({ pipelineStage: 'Negotiation', amount: '1,250.50', winLikelihood: '60' })).toEqual(
      {
        ok: true,
        patch: { pipelineStage: 'Negotiation', amountCents: 125_050, winLikelihood: 60 }
      }
    )
    expect(edit({ type: 'one-time', forecastCategory: 'won', owner: 'bob@example.com' })).toEqual({
      ok: true,
      patch: { type: 'one-time', forecastCategory: 'won', owner: 'bob@example.com' }
    })
  })

  it('re-reads the amount in a new currency', () => {
    expect(edit({ currency: 'jpy', amount: '100' })).toEqual({
      ok: true,
      patch: { currency: 'JPY', amountCents: 100 }
    })
    expect(edit({ currency: 'EUR' })).toEqual({ ok: true, patch: { currency: 'EUR' } })
    expect(edit({ currency: 'JPY' })).toEqual({
      ok: false,
      errors: { amount: 'JPY amounts have no decimal places.' }
    })
  })

  it('validates changed fields with the same rules as a create', () => {
    expect(edit({ owner: 'nobody' })).toEqual({
      ok: false,
      errors: { owner: 'The owner must be the email address of a ChartMogul user.' }
    })
    expect(edit({ pipeline: '' })).toEqual({
      ok: false,
      errors: { pipeline: 'A pipeline is required.' }
    })
    expect(edit({ estimatedCloseDate: '2031-02-29' })).toEqual({
      ok: false,
      errors: { estimatedCloseDate: 'That date does not exist.' }
    })
    expect(edit({ currency: 'ZZZ' })).toMatchObject({
      ok: false,
      errors: { currency: 'ZZZ is not an ISO 4217 currency code.' }
    })
    expect(edit({ winLikelihood: '150' })).toEqual({
      ok: false,
      errors: { winLikelihood: 'The win likelihood is between 0 and 100.' }
    })
  })

  it('does not check or send what still shows the loaded value', () => {
    const odd = serverOpportunity({ owner: null, estimatedCloseDate: null, type: 'arr' })
    expect(edit({ pipelineStage: 'Evaluation' }, odd)).toEqual({
      ok: true,
      patch: { pipelineStage: 'Evaluation' }
    })
  })

  it('leaves emptied optional fields as they are', () => {
    expect(edit({ type: '', forecastCategory: '', winLikelihood: '' })).toEqual({
      ok: true,
      patch: {}
    })
  })

  it('sends every custom key the deal keeps, stored values untouched', () => {
    const rows = formFromOpportunity(original).customRows
    expect(edit({ customRows: [...rows, { key: 'tier', type: 'string', value: 'gold' }] })).toEqual(
      {
        ok: true,
        patch: { custom: { seats: 5, meta: { source: 'crm' }, tier: 'gold' } }
      }
    )
    expect(edit({ customRows: rows.slice(1) })).toEqual({
      ok: true,
      patch: { custom: { meta: { source: 'crm' } } }
    })
    expect(
      edit({ customRows: [{ key: 'seats', type: 'number', value: '5.0' }, rows[1]!] })
    ).toEqual({ ok: true, patch: {} })
    expect(edit({ customRows: [{ key: 'seats', type: 'number', value: 'many' }] })).toEqual({
      ok: false,
      errors: { 'customRows.0.value': 'Enter a number, like 42 or 3.5.' }
    })
  })
})

describe('issues → fields', () => {
  const rows = [{ key: 'seats', type: 'number' as const, value: '1' }]

  it('maps outbox paths onto the form’s inputs', () => {
    expect(formFieldForIssue('amountCents')).toBe('amount')
    expect(formFieldForIssue('owner')).toBe('owner')
    expect(formFieldForIssue('custom.seats', rows)).toBe('customRows.0.key')
    expect(formFieldForIssue('custom.other', rows)).toBe('customRows')
    expect(formFieldForIssue('custom')).toBe('customRows')
    expect(formFieldForIssue('')).toBe('form')
    expect(formFieldForIssue('somethingNew')).toBe('form')
  })

  it('keeps the first message per field', () => {
    expect(
      errorsFromIssues([
        { field: 'amountCents', message: 'first' },
        { field: 'amountCents', message: 'second' },
        { field: '', message: 'Nothing to change.' }
      ])
    ).toEqual({ amount: 'first', form: 'Nothing to change.' })
    expect(errorsFromIssues([])).toEqual({})
  })

  it('finds the first field to focus in form order', () => {
    expect(firstErrorKey({ amount: 'x', owner: 'y' }, 0)).toBe('owner')
    expect(firstErrorKey({ 'customRows.1.value': 'x', form: 'y' }, 2)).toBe('customRows.1.value')
    expect(firstErrorKey({}, 0)).toBeNull()
  })
})

describe('saveOpportunityForm', () => {
  let db: WorkspaceCache
  afterEach(() => db?.close())

  it('queues a create and returns its local id', async () => {
    db = await openCache()
    const result = await saveOpportunityForm(db, { kind: 'create' }, filled({ amount: '19.99' }))
    expect(result.kind).toBe('queued')
    const uuid = result.kind === 'queued' ? result.uuid : ''
    expect(uuid).toMatch(/^local_/)
    expect((await db.opportunities.get(uuid))?.amountCents).toBe(1999)
    expect((await listOutboxEntries(db)).map((e) => e.kind)).toEqual(['create'])
  })

  it('queues nothing when a field is wrong', async () => {
    db = await openCache()
    const result = await saveOpportunityForm(db, { kind: 'create' }, filled({ owner: '' }))
    expect(result).toEqual({
      kind: 'invalid',
      errors: { owner: 'Enter the owner’s email address.' }
    })
    expect(await listOutboxEntries(db)).toEqual([])
  })

  it('queues only the changed fields of an edit', async () => {
    db = await openCache()
    await seedRow(db, original)
    const values = { ...formFromOpportunity(original), pipelineStage: 'Evaluation' }
    expect(await saveOpportunityForm(db, { kind: 'edit', original }, values)).toEqual({
      kind: 'queued',
      uuid: 'opp_1'
    })
    const entries = await listOutboxEntries(db)
    expect(entries.map((e) => e.payload)).toEqual([{ pipelineStage: 'Evaluation' }])
    expect((await db.opportunities.get('opp_1'))?._pending).toEqual(['pipelineStage'])
  })

  it('queues nothing for an unchanged edit', async () => {
    db = await openCache()
    await seedRow(db, original)
    const result = await saveOpportunityForm(
      db,
      { kind: 'edit', original },
      formFromOpportunity(original)
    )
    expect(result).toEqual({ kind: 'unchanged' })
    expect(await listOutboxEntries(db)).toEqual([])
  })

  it('throws the outbox’s state errors as they are', async () => {
    db = await openCache()
    const values = { ...formFromOpportunity(original), pipelineStage: 'Evaluation' }
    await expect(saveOpportunityForm(db, { kind: 'edit', original }, values)).rejects.toMatchObject(
      {
        name: 'OutboxStateError',
        kind: 'NotFound'
      }
    )
  })
})
