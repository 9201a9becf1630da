/** How queued changes read in the Outbox section (titles, changes, status words, actions). */
import { describe, expect, test } from 'vitest'
import {
  EMPTY_LOOKUP,
  fieldLabel,
  formatFieldValue,
  formatMoney,
  loadOutboxLookup,
  outboxRows,
  type OpportunitySummary,
  type OutboxLookup
} from '../../../src/renderer/src/sections/outbox/outboxRows'
import type { PushEntry } from '../../../src/renderer/src/outbox'
import { customer } from '../customer360/support'
import { draft, openCache, seedRow, serverOpportunity } from './support'

const NOW = new Date('2030-06-01T12:00:00.000Z')
const at = (date: Date): string => `T${date.toISOString().slice(11, 16)}`

function entry(fields: Partial<PushEntry> = {}): PushEntry {
  return {
    id: 1,
    opportunityUuid: 'opp_1',
    kind: 'update',
    payload: { pipelineStage: 'Proposal' },
    baseValues: { pipelineStage: 'Discovery' },
    status: 'pending',
    createdAt: '2030-06-01T11:00:00.000Z',
    attempts: 0,
    lastError: null,
    ...fields
  }
}

function lookup(
  rows: Record<string, OpportunitySummary> = {},
  names: Record<string, string> = {}
): OutboxLookup {
  return {
    opportunities: new Map(Object.entries(rows)),
    customerNames: new Map(Object.entries(names))
  }
}

const ACME_ROW: OpportunitySummary = {
  customerUuid: 'cus_1',
  pipeline: 'New Business',
  pipelineStage: 'Proposal',
  currency: 'EUR'
}
const ACME = lookup({ opp_1: ACME_ROW }, { cus_1: 'Acme Corp' })

function only(e: PushEntry, l: OutboxLookup = ACME, now = NOW) {
  const rows = outboxRows([e], l, { now, formatTime: at })
  expect(rows).toHaveLength(1)
  return rows[0]!
}

const money = (cents: number, currency: string): string =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100)

describe('fieldLabel', () => {
  test('names the editable fields in words', () => {
    expect(fieldLabel('pipelineStage')).toBe('Stage')
    expect(fieldLabel('amountCents')).toBe('Amount')
    expect(fieldLabel('estimatedCloseDate')).toBe('Estimated close date')
    expect(fieldLabel('forecastCategory')).toBe('Forecast category')
    expect(fieldLabel('winLikelihood')).toBe('Win likelihood')
    expect(fieldLabel('custom')).toBe('Custom attributes')
    expect(fieldLabel('owner')).toBe('Owner')
    expect(fieldLabel('pipeline')).toBe('Pipeline')
    expect(fieldLabel('currency')).toBe('Currency')
    expect(fieldLabel('type')).toBe('Type')
    expect(fieldLabel('customerUuid')).toBe('Customer')
  })

  test("takes the server's snake_case spelling", () => {
    expect(fieldLabel('pipeline_stage')).toBe('Stage')
    expect(fieldLabel('amount_in_cents')).toBe('Amount')
    expect(fieldLabel('estimated_close_date')).toBe('Estimated close date')
  })

  test('dotted paths name the attribute inside', () => {
    expect(fieldLabel('custom.region')).toBe('Custom attributes › region')
    expect(fieldLabel('custom.a.b')).toBe('Custom attributes › a.b')
  })

  test('unknown fields read as words', () => {
    expect(fieldLabel('nextStepOwner')).toBe('Next step owner')
    expect(fieldLabel('deal_source')).toBe('Deal source')
    expect(fieldLabel('')).toBe('')
  })
})

describe('formatFieldValue', () => {
  test('no value reads as a dash', () => {
    expect(formatFieldValue('owner', null, null)).toBe('—')
    expect(formatFieldValue('owner', undefined, null)).toBe('—')
    expect(formatFieldValue('owner', '', null)).toBe('—')
    expect(formatFieldValue('amountCents', null, 'USD')).toBe('—')
  })

  test('money from integer cents in the given currency', () => {
    expect(formatFieldValue('amountCents', 123_456, 'USD')).toBe(money(123_456, 'USD'))
    expect(formatFieldValue('amountCents', 99, 'EUR')).toBe(money(99, 'EUR'))
    expect(formatFieldValue('amount_in_cents', 500, 'GBP')).toBe(money(500, 'GBP'))
    expect(formatFieldValue('amountCents', 123_456, 'USD')).toContain('1,234.56')
  })

  test('money without a usable currency is a plain decimal', () => {
    const plain = new Intl.NumberFormat(undefined, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2
    }).format(12.5)
    expect(formatFieldValue('amountCents', 1_250, null)).toBe(plain)
    expect(formatFieldValue('amountCents', 1_250, 'usd')).toBe(plain)
    expect(formatMoney(1_250, 'EUR')).toBe(money(1_250, 'EUR'))
  })

  test('a non-numeric amount is shown as it is', () => {
    expect(formatFieldValue('amountCents', '12', 'USD')).toBe('12')
  })

  test('calendar dates in the user locale, the same day everywhere', () => {
    const expected = new Intl.DateTimeFormat(undefined, {
      dateStyle: 'medium',
      timeZone: 'UTC'
    }).format(new Date('2031-01-15T00:00:00Z'))
    expect(formatFieldValue('estimatedCloseDate', '2031-01-15', null)).toBe(expected)
    expect(formatFieldValue('estimatedCloseDate', 'soon', null)).toBe('soon')
    expect(formatFieldValue('estimatedCloseDate', '2031-13-45', null)).toBe('2031-13-45')
    expect(formatFieldValue('estimatedCloseDate', 20310115, null)).toBe('20310115')
  })

  test('win likelihood as a percentage', () => {
    expect(formatFieldValue('winLikelihood', 40, null)).toBe('40%')
    expect(formatFieldValue('winLikelihood', 0, null)).toBe('0%')
    expect(formatFieldValue('winLikelihood', 'high', null)).toBe('high')
  })

  test('categories and types in words', () => {
    expect(formatFieldValue('forecastCategory', 'best_case', null)).toBe('Best case')
    expect(formatFieldValue('forecastCategory', 'won', null)).toBe('Won')
    expect(formatFieldValue('type', 'one-time', null)).toBe('One-time')
    expect(formatFieldValue('type', 'recurring', null)).toBe('Recurring')
    expect(formatFieldValue('type', 3, null)).toBe('3')
  })

  test('custom attributes as key: value pairs', () => {
    expect(formatFieldValue('custom', {}, null)).toBe('None')
    expect(
      formatFieldValue('custom', { region: 'EU', seats: 5, flag: null, tags: ['a'] }, null)
    ).toBe('region: EU, seats: 5, flag: —, tags: ["a"]')
    expect(formatFieldValue('custom', ['x'], null)).toBe('["x"]')
    expect(formatFieldValue('custom', 'odd', null)).toBe('odd')
  })

  test('anything else as text', () => {
    expect(formatFieldValue('owner', 'ann@example.com', null)).toBe('ann@example.com')
    expect(formatFieldValue('somethingNew', true, null)).toBe('true')
    expect(formatFieldValue('somethingNew', 7, null)).toBe('7')
    expect(formatFieldValue('somethingNew', { a: 1 }, null)).toBe('{"a":1}')
  })
})

describe('outboxRows: what the change is', () => {
  test('a create: the draft names the deal, every drafted field is listed', () => {
    const create = entry({
      opportunityUuid: 'local_1',
      kind: 'create',
      payload: draft({ amountCents: 250_000, currency: 'USD', pipelineStage: 'Proposal' }),
      baseValues: null
    })
    const row = only(create)
    expect(row.title).toBe('Acme Corp — New Business · Proposal')
    expect(row.action).toBe('New opportunity')
    expect(row.currency).toBe('USD')
    expect(row.changes.map((c) => c.label)).toEqual([
      'Owner',
      'Pipeline',
      'Stage',
      'Estimated close date',
      'Currency',
      'Amount'
    ])
    expect(row.changes.find((c) => c.field === 'amountCents')).toEqual({
      field: 'amountCents',
      label: 'Amount',
      value: money(250_000, 'USD'),
      previous: null
    })
    expect(row.canEdit).toBe(false) // its row is not in this lookup
  })

  test('an edit: fields in the editor order, with the values they replace', () => {
    const edit = entry({
      payload: { amountCents: 500_000, pipelineStage: 'Proposal' },
      baseValues: { amountCents: 100_000, pipelineStage: 'Discovery' }
    })
    const row = only(edit)
    expect(row.title).toBe('Acme Corp — New Business · Proposal')
    expect(row.action).toBe('Edit: Stage, Amount')
    expect(row.currency).toBe('EUR')
    expect(row.changes).toEqual([
      { field: 'pipelineStage', label: 'Stage', value: 'Proposal', previous: 'Discovery' },
      {
        field: 'amountCents',
        label: 'Amount',
        value: money(500_000, 'EUR'),
        previous: money(100_000, 'EUR')
      }
    ])
    expect(row.canEdit).toBe(true)
  })

  test('an edit of the currency shows the old amount in the old currency', () => {
    const edit = entry({
      payload: { currency: 'USD', amountCents: 200 },
      baseValues: { currency: 'EUR', amountCents: 100 }
    })
    const row = only(edit)
    expect(row.currency).toBe('USD')
    expect(row.changes.find((c) => c.field === 'amountCents')).toMatchObject({
      value: money(200, 'USD'),
      previous: money(100, 'EUR')
    })
  })

  test('unknown fields come last; fields without a base value have no previous', () => {
    const edit = entry({
      payload: { zeta: 'z', owner: 'bo@example.com', winLikelihood: undefined } as never,
      baseValues: {}
    })
    const row = only(edit)
    expect(row.action).toBe('Edit: Owner, Zeta')
    expect(row.changes.map((c) => c.previous)).toEqual([null, null])
  })

  test('an edit with nothing in it', () => {
    expect(only(entry({ payload: null, baseValues: null })).action).toBe('Edit')
    expect(only(entry({ payload: {} as never })).action).toBe('Edit')
  })

  test('a delete: named from its snapshot, nothing listed', () => {
    const del = entry({
      kind: 'delete',
      payload: null,
      baseValues: { ...serverOpportunity(), pipelineStage: 'Negotiation', currency: 'GBP' }
    })
    const row = only(del, lookup({}, { cus_1: 'Acme Corp' }))
    expect(row.title).toBe('Acme Corp — New Business · Negotiation')
    expect(row.action).toBe('Delete')
    expect(row.changes).toEqual([])
    expect(row.currency).toBe('GBP')
    expect(row.canEdit).toBe(false)
  })

  test('titles fall back to the customer uuid, then the opportunity uuid', () => {
    expect(only(entry(), lookup({ opp_1: ACME_ROW })).title).toBe('cus_1 — New Business · Proposal')
    expect(
      only(entry(), lookup({ opp_1: { ...ACME_ROW, pipeline: '', pipelineStage: ' ' } })).title
    ).toBe('cus_1')
    expect(
      only(entry(), lookup({ opp_1: { ...ACME_ROW, pipeline: 'Renewals', pipelineStage: '' } }))
        .title
    ).toBe('cus_1 — Renewals')
    // No cached row: the edit's base values say nothing about the deal.
    const row = only(entry(), EMPTY_LOOKUP)
    expect(row.title).toBe('opp_1')
    expect(row.currency).toBeNull()
    expect(only(entry({ baseValues: null }), EMPTY_LOOKUP).title).toBe('opp_1')
  })

  test('an empty customer name is no name', () => {
    expect(only(entry(), lookup({ opp_1: ACME_ROW }, { cus_1: '' })).title).toBe(
      'cus_1 — New Business · Proposal'
    )
  })

  test('field complaints are named in words', () => {
    const failed = entry({
      status: 'failed',
      lastError: 'ChartMogul rejected some fields',
      fieldIssues: [
        { field: 'pipeline_stage', message: 'is not a stage of this pipeline' },
        { field: 'request', message: 'try again' },
        { field: '', message: 'bad' }
      ]
    })
    expect(only(failed).issues).toEqual([
      { label: 'Stage', message: 'is not a stage of this pipeline' },
      { label: null, message: 'try again' },
      { label: null, message: 'bad' }
    ])
    expect(only(entry()).issues).toEqual([])
  })

  test('rows keep the push order and their ids', () => {
    const rows = outboxRows([entry({ id: 7 }), entry({ id: 3 }), entry({ id: undefined })], ACME)
    expect(rows.map((r) => r.id)).toEqual([7, 3, -1])
    expect(rows.every((r) => r.opportunityUuid === 'opp_1')).toBe(true)
    expect(outboxRows([], ACME)).toEqual([])
  })
})

describe('outboxRows: where it stands and what can be done', () => {
  test('waiting', () => {
    const row = only(entry())
    expect(row).toMatchObject({
      status: 'Waiting to send',
      tone: 'neutral',
      canRetry: false,
      canDiscard: true,
      canResolve: false
    })
  })

  test('backing off: when and why', () => {
    const later = new Date(NOW.getTime() + 5 * 60_000)
    const backingOff = (kind: string | null | undefined) =>
      only(entry({ nextAttemptAt: later.toISOString(), lastErrorKind: kind, attempts: 1 }))
    expect(backingOff('rate_limited')).toMatchObject({
      status: 'Will retry at T12:05 (ChartMogul was busy)',
      tone: 'warn',
      canDiscard: true
    })
    expect(backingOff('offline').status).toBe('Will retry at T12:05 (this computer was offline)')
    expect(backingOff('network').status).toContain('(ChartMogul could not be reached)')
    expect(backingOff('timeout').status).toContain('(ChartMogul did not answer in time)')
    expect(backingOff('server').status).toContain('(ChartMogul had a problem)')
    expect(backingOff('outcome_unknown').status).toContain('(the answer from ChartMogul was lost)')
    expect(backingOff('bad_response').status).toContain('could not be read)')
    expect(backingOff('type_error').status).toContain('(the last try failed)')
    expect(backingOff(null).status).toContain('(the last try failed)')
    expect(backingOff(undefined).status).toContain('(the last try failed)')
  })

  test('a backoff already over is plain waiting', () => {
    const past = new Date(NOW.getTime() - 1_000).toISOString()
    expect(only(entry({ nextAttemptAt: past, lastErrorKind: 'rate_limited' })).status).toBe(
      'Waiting to send'
    )
    expect(only(entry({ nextAttemptAt: NOW.toISOString() })).status).toBe('Waiting to send')
    expect(only(entry({ nextAttemptAt: null })).status).toBe('Waiting to send')
  })

  test('retry times read in the user locale by default, against the current time', () => {
    const later = new Date(Date.now() + 60 * 60_000)
    const [row] = outboxRows(
      [entry({ nextAttemptAt: later.toISOString(), lastErrorKind: 'rate_limited' })],
      ACME
    )
    const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(later)
    expect(row?.status).toBe(`Will retry at ${time} (ChartMogul was busy)`)
  })

  test('a create that may already be in ChartMogul cannot be discarded yet', () => {
    const create = entry({
      kind: 'create',
      opportunityUuid: 'local_1',
      payload: draft(),
      baseValues: null,
      outcomeUnknown: true
    })
    expect(only(create)).toMatchObject({
      status: 'Waiting to send (Revdesk first checks whether ChartMogul already has it)',
      canDiscard: false
    })
    // An edit flagged so (never happens) is still discardable: only creates are checked.
    expect(only(entry({ outcomeUnknown: true })).canDiscard).toBe(true)
  })

  test('sending', () => {
    expect(only(entry({ status: 'in_flight' }))).toMatchObject({
      status: 'Sending…',
      tone: 'busy',
      canRetry: false,
      canDiscard: false,
      canResolve: false
    })
  })

  test('refused', () => {
    expect(
      only(entry({ status: 'failed', lastError: 'That opportunity no longer exists.' }))
    ).toMatchObject({
      status: 'Refused by ChartMogul: That opportunity no longer exists.',
      tone: 'danger',
      canRetry: true,
      canDiscard: true,
      canResolve: false
    })
    expect(only(entry({ status: 'failed', lastError: null })).status).toBe(
      'Refused by ChartMogul: no reason was given.'
    )
    expect(only(entry({ status: 'failed', lastError: '  ' })).status).toBe(
      'Refused by ChartMogul: no reason was given.'
    )
  })

  test('conflicting', () => {
    const conflict = entry({
      status: 'conflict',
      conflicts: { pipelineStage: { mine: 'Proposal', theirs: 'Won', base: 'Discovery' } }
    })
    expect(only(conflict)).toMatchObject({
      status: 'Changed in ChartMogul too',
      tone: 'danger',
      canRetry: false,
      canDiscard: true,
      canResolve: true
    })
    expect(only(entry({ status: 'conflict', conflicts: {} })).canResolve).toBe(false)
    expect(only(entry({ status: 'conflict', conflicts: null })).canResolve).toBe(false)
  })

  test('done (transient)', () => {
    expect(only(entry({ status: 'done' }))).toMatchObject({
      status: 'Sent',
      tone: 'neutral',
      canRetry: false,
      canDiscard: false,
      canResolve: false
    })
  })
})

describe('loadOutboxLookup', () => {
  test('reads just the rows and customers the entries mention', async () => {
    const db = await openCache()
    await seedRow(db, serverOpportunity({ uuid: 'opp_1', customerUuid: 'cus_1' }))
    await seedRow(db, serverOpportunity({ uuid: 'opp_other', customerUuid: 'cus_other' }))
    await db.customers.bulkPut([
      customer('cus_1', { name: 'Acme Corp' }),
      customer('cus_2', { name: '', company: 'Globex' }),
      customer('cus_3', { name: '', company: '' }),
      customer('cus_other', { name: 'Not asked for' })
    ])
    const entries = [
      entry({ id: 1, opportunityUuid: 'opp_1' }),
      entry({ id: 2, opportunityUuid: 'opp_1', payload: { amountCents: 5 } }),
      entry({
        id: 3,
        opportunityUuid: 'local_x',
        kind: 'create',
        payload: draft({ customerUuid: 'cus_2' }),
        baseValues: null
      }),
      entry({
        id: 4,
        opportunityUuid: 'opp_gone',
        kind: 'delete',
        payload: null,
        baseValues: { customerUuid: 'cus_3' }
      }),
      entry({ id: 5, opportunityUuid: 'opp_unknown', baseValues: null }),
      entry({
        id: 6,
        opportunityUuid: 'local_y',
        kind: 'create',
        payload: draft({ customerUuid: 'cus_missing' }),
        baseValues: null
      })
    ]
    const result = await loadOutboxLookup(db, entries)
    expect([...result.opportunities.keys()]).toEqual(['opp_1'])
    expect(Object.fromEntries(result.customerNames)).toEqual({
      cus_1: 'Acme Corp',
      cus_2: 'Globex'
    })
    const titles = outboxRows(entries, result).map((r) => r.title)
    expect(titles).toEqual([
      'Acme Corp — New Business · Discovery',
      'Acme Corp — New Business · Discovery',
      'Globex — New Business · Discovery',
      'cus_3',
      'opp_unknown',
      'cus_missing — New Business · Discovery'
    ])
  })

  test('no entries, no reads', async () => {
    const db = await openCache()
    const result = await loadOutboxLookup(db, [])
    expect(result.opportunities.size).toBe(0)
    expect(result.customerNames.size).toBe(0)
  })
})
