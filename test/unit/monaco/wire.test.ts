import { describe, expect, it } from 'vitest'
import { BadResponseError } from '../../../src/main/chartmogul'
import { parseArray, parseItem, parseListPage } from '../../../src/main/monaco/wire/envelope'
import {
  mapField,
  summarizeFieldSchema,
  wireFieldSchema
} from '../../../src/main/monaco/wire/fieldSchema'
import { minorUnitDigits, toWireEstimatedValue } from '../../../src/main/monaco/wire/money'
import { mapOpportunity, wireOpportunitySchema } from '../../../src/main/monaco/wire/opportunity'
import { mapAccount, wireAccountSchema } from '../../../src/main/monaco/wire/account'
import { responseExample } from './support/openApi'
import { wireOpportunity } from './support/server'

/** Wire → models, from the OpenAPI's own examples and from hostile variations. */

function opportunityPage(records: unknown[]) {
  return parseListPage(
    {
      data: records,
      pagination: { page: 1, page_size: 50, total_count: records.length, total_pages: 1 }
    },
    wireOpportunitySchema,
    mapOpportunity
  )
}

describe('opportunities', () => {
  it('the get example maps to the camelCase model, money in minor units, custom fields kept', () => {
    const opportunity = parseItem(
      responseExample('GET', '/v1/opportunities/{opportunity_id}'),
      wireOpportunitySchema,
      mapOpportunity
    )
    expect(opportunity).toEqual({
      id: 'opp_abc123',
      accountId: 'acc_def456',
      name: 'Acme Corp - Enterprise License',
      owner: { id: 'usr_abc123', firstName: 'Jane', lastName: 'Smith' },
      stage: 'negotiation',
      estimatedValue: { amountMinor: 5_000_000, currency: 'USD' },
      estimatedCloseDate: '2025-09-30',
      actualCloseDate: '2025-10-15',
      summary: 'Enterprise deal with strong champion. Procurement review in progress.',
      risks: ['Budget constraints', 'Competing vendor evaluation'],
      notes: 'Follow up after Q3 board meeting',
      tags: ['High Priority'],
      lastActivityAt: '2025-08-20T14:30:00.000Z',
      updatedAt: '2025-08-21T14:30:00.000Z',
      createdAt: '2025-06-01T09:00:00.000Z',
      customFields: {
        'custom_field_550e8400-e29b-41d4-a716-446655440001': 'outbound',
        'custom_field_6ba7b810-9dad-11d1-80b4-00c04fd430c8': 'commit',
        'custom_field_f47ac10b-58cc-4372-a567-0e02b2c3d479': 'Initech'
      }
    })
  })

  it('the create example (fields absent) reads absent as null or empty', () => {
    const created = parseItem(
      responseExample('POST', '/v1/opportunities/'),
      wireOpportunitySchema,
      mapOpportunity
    )
    expect(created).toMatchObject({
      summary: null,
      actualCloseDate: null,
      lastActivityAt: null,
      risks: []
    })
  })

  it('tolerates unknown keys and unknown stage values; cuts a date-time close date to its day', () => {
    const page = opportunityPage([
      wireOpportunity({
        stage: 'brand-new-stage',
        surprise: { nested: true },
        estimated_close_date: '2025-09-30T00:00:00Z'
      })
    ])
    expect(page.skipped).toEqual([])
    expect(page.items[0]).toMatchObject({
      stage: 'brand-new-stage',
      estimatedCloseDate: '2025-09-30'
    })
    expect(page.items[0]?.customFields).toEqual({})
  })

  it('a bad record is skipped and reported by id and wire field; the page survives', () => {
    const page = opportunityPage([
      wireOpportunity({ id: 'opp_bad', estimated_value: { currency_code: null, amount: 10 } }),
      wireOpportunity({ id: 'opp_bad2', created_at: 'yesterday' }),
      wireOpportunity({ id: 'opp_ok' })
    ])
    expect(page.items.map((o) => o.id)).toEqual(['opp_ok'])
    expect(page.skipped).toEqual([
      {
        index: 0,
        id: 'opp_bad',
        issues: [
          {
            path: 'estimated_value.currency_code',
            message: expect.stringMatching(/ISO 4217/) as unknown
          }
        ]
      },
      {
        index: 1,
        id: 'opp_bad2',
        issues: [{ path: 'created_at', message: expect.stringMatching(/ISO-8601/) as unknown }]
      }
    ])
  })

  it('null money, or money without an amount, is no money', () => {
    const page = opportunityPage([
      wireOpportunity({ estimated_value: null }),
      wireOpportunity({ estimated_value: { currency_code: 'EUR', amount: null } })
    ])
    expect(page.items.map((o) => o.estimatedValue)).toEqual([null, null])
  })

  it('pagination drives hasMore; a broken envelope is a BadResponse', () => {
    const page = parseListPage(
      { data: [], pagination: { page: 2, page_size: 50, total_count: 142, total_pages: 3 } },
      wireOpportunitySchema,
      mapOpportunity
    )
    expect(page).toMatchObject({ page: 2, totalCount: 142, totalPages: 3, hasMore: true })
    expect(() => parseListPage({ data: [] }, wireOpportunitySchema, mapOpportunity)).toThrowError(
      BadResponseError
    )
  })
})

describe('money', () => {
  it('scales by each currency’s minor-unit digits, both ways', () => {
    expect(minorUnitDigits('USD')).toBe(2)
    expect(minorUnitDigits('JPY')).toBe(0)
    expect(minorUnitDigits('KWD')).toBe(3)
    expect(minorUnitDigits('usd')).toBeNull()
    expect(toWireEstimatedValue({ amountMinor: 5_000_000, currency: 'USD' })).toEqual({
      ok: true,
      value: { currency_code: 'USD', amount: 50_000 }
    })
    expect(toWireEstimatedValue({ amountMinor: 1234, currency: 'JPY' })).toEqual({
      ok: true,
      value: { currency_code: 'JPY', amount: 1234 }
    })
    expect(toWireEstimatedValue({ amountMinor: 1050, currency: 'USD' })).toMatchObject({
      ok: false
    })
    expect(toWireEstimatedValue({ amountMinor: 100, currency: 'dollars' })).toMatchObject({
      ok: false
    })
  })
})

describe('accounts', () => {
  it('the list example maps, with the domain and custom fields', () => {
    const page = parseListPage(
      responseExample('POST', '/v1/accounts/list'),
      wireAccountSchema,
      mapAccount
    )
    expect(page).toMatchObject({ totalCount: 142, totalPages: 3, hasMore: true, skipped: [] })
    expect(page.items[0]).toMatchObject({ id: 'acc_abc123', status: 'active', domain: 'acme.com' })
    expect(Object.keys(page.items[0]?.customFields ?? {})).toHaveLength(2)
  })
})

describe('the opportunity field schema', () => {
  const stageField = {
    name: 'Stage',
    key: 'stage',
    type: 'enum',
    filterable: true,
    sortable: true,
    updatable: true,
    allowed_operators: ['is', 'is_not'],
    enum_field_settings: {
      allowed_values: [
        { key: 'meeting-booked', display_value: 'Meeting Booked' },
        { key: 'closed-won', display_value: 'Closed Won' }
      ]
    }
  }

  it('picks out stage keys with labels, updatable flags and custom fields; unknown types are kept', () => {
    const example = responseExample('GET', '/v1/schemas/{entity}') as { data: unknown[] }
    const body = {
      data: [
        ...example.data,
        stageField,
        {
          name: 'Health',
          key: 'health',
          type: 'gauge',
          filterable: false,
          sortable: false,
          allowed_operators: []
        }
      ]
    }
    const { items, skipped } = parseArray(body, wireFieldSchema, mapField)
    expect(skipped).toEqual([])
    const schema = summarizeFieldSchema(items)
    expect(schema.stages).toEqual([
      { key: 'meeting-booked', label: 'Meeting Booked' },
      { key: 'closed-won', label: 'Closed Won' }
    ])
    expect(schema.customFields.map((f) => [f.key, f.custom])).toEqual([
      [
        'custom_field_550e8400-e29b-41d4-a716-446655440001',
        { id: '550e8400-e29b-41d4-a716-446655440001', aiAutoFilled: false }
      ]
    ])
    const byKey = new Map(items.map((f) => [f.key, f]))
    expect(byKey.get('employee_count')).toMatchObject({ updatable: false, parent: 'company' })
    // Not marked updatable → not writable (the OpenAPI's default).
    expect(byKey.get('health')).toMatchObject({ type: 'gauge', updatable: false })
  })
})
