/**
 * The filter language: `{field, condition, value}` rules, flat lists (AND) and nested
 * `and`/`or` expressions, on the fields `GET /v1/schemas/{entity}` declares. Each expectation
 * is computed from the store's records in the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpportunityRecord, RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import { errorOf, list, page, startSmall } from './support'

describe('Monaco simulator: filters', () => {
  let sim: RunningMonacoSimulator
  let opps: OpportunityRecord[]

  beforeAll(async () => {
    sim = await startSmall({ clock: () => new Date('2026-01-01T12:00:00Z') })
    opps = sim.store.all('opportunities')
  })
  afterAll(() => sim.close())

  async function ids(entity: string, filters: unknown): Promise<string[]> {
    const res = await list(sim, entity, { filters, page_size: 500 })
    return page(res)
      .data.map((r) => r['id'] as string)
      .sort()
  }
  const idsOf = (records: { id: string }[]) => records.map((r) => r.id).sort()

  it('string contains is case-insensitive; equals is exact', async () => {
    const needle = (opps[0]?.name ?? '').slice(0, 4).toUpperCase()
    expect(
      await ids('opportunities', [{ field: 'name', condition: 'contains', value: needle }])
    ).toEqual(
      idsOf(opps.filter((o) => (o.name ?? '').toLowerCase().includes(needle.toLowerCase())))
    )
    const exact = opps[1]?.name
    expect(
      await ids('opportunities', [{ field: 'name', condition: 'equals', value: exact }])
    ).toEqual(idsOf(opps.filter((o) => o.name === exact)))
  })

  it('enum is / is_not take a key or a list of keys', async () => {
    expect(
      await ids('opportunities', [{ field: 'stage', condition: 'is', value: 'negotiation' }])
    ).toEqual(idsOf(opps.filter((o) => o.stage === 'negotiation')))
    const closed = ['closed-won', 'closed-lost']
    expect(
      await ids('opportunities', [{ field: 'stage', condition: 'is_not', value: closed }])
    ).toEqual(idsOf(opps.filter((o) => o.stage !== null && !closed.includes(o.stage))))
  })

  it('a flat list is ANDed; an expression combines with and/or and nests', async () => {
    const owner = opps.find((o) => o.ownerId !== null)?.ownerId as string
    const flat = [
      { field: 'owner', condition: 'is', value: owner },
      { field: 'stage', condition: 'is', value: 'demo' }
    ]
    expect(await ids('opportunities', flat)).toEqual(
      idsOf(opps.filter((o) => o.ownerId === owner && o.stage === 'demo'))
    )
    const nested = {
      operator: 'or',
      filters: [
        { field: 'stage', condition: 'is', value: 'closed-won' },
        {
          filters: [
            { field: 'owner', condition: 'is', value: owner },
            { field: 'amount', condition: 'greater_than', value: 100000 }
          ]
        }
      ]
    }
    expect(await ids('opportunities', nested)).toEqual(
      idsOf(
        opps.filter(
          (o) =>
            o.stage === 'closed-won' ||
            (o.ownerId === owner && (o.estimatedValue?.amount ?? -Infinity) > 100000)
        )
      )
    )
  })

  it('numbers compare; is_empty / is_not_empty split records with and without a value', async () => {
    expect(
      await ids('opportunities', [
        { field: 'amount', condition: 'less_than_or_equals', value: 50000 }
      ])
    ).toEqual(
      idsOf(
        opps.filter((o) => o.estimatedValue?.amount != null && o.estimatedValue.amount <= 50000)
      )
    )
    const empty = await ids('opportunities', [{ field: 'summary', condition: 'is_empty' }])
    const filled = await ids('opportunities', [
      { field: 'summary', condition: 'is_not_empty', value: null }
    ])
    expect(empty).toEqual(idsOf(opps.filter((o) => o.summary === null)))
    expect(empty.length + filled.length).toBe(opps.length)
  })

  it('datetime fields compare against ISO 8601 (a bare date is midnight UTC)', async () => {
    expect(
      await ids('opportunities', [
        { field: 'created_at', condition: 'greater_than', value: '2025-06-01' }
      ])
    ).toEqual(
      idsOf(opps.filter((o) => Date.parse(o.createdAt) > Date.parse('2025-06-01T00:00:00Z')))
    )
    const res = await list(sim, 'opportunities', {
      filters: [{ field: 'created_at', condition: 'is', value: 'previous_week' }]
    })
    expect(res.status).toBe(422)
  })

  it('date fields take YYYY-MM-DD comparisons and semantic periods', async () => {
    expect(
      await ids('opportunities', [
        { field: 'estimated_close_date', condition: 'greater_than_or_equals', value: '2026-03-01' }
      ])
    ).toEqual(
      idsOf(
        opps.filter((o) => o.estimatedCloseDate !== null && o.estimatedCloseDate >= '2026-03-01')
      )
    )
    // Server today is 2026-01-01 (a Thursday): previous month = December 2025.
    expect(
      await ids('opportunities', [
        { field: 'actual_close_date', condition: 'is', value: 'previous_month' }
      ])
    ).toEqual(
      idsOf(
        opps.filter((o) => o.actualCloseDate !== null && o.actualCloseDate.startsWith('2025-12'))
      )
    )
  })

  it('tags match by tag id: is = has any of them', async () => {
    const tag = sim.store.tags('opportunities')[0]?.id as string
    expect(await ids('opportunities', [{ field: 'tags', condition: 'is', value: [tag] }])).toEqual(
      idsOf(opps.filter((o) => o.tagIds.includes(tag)))
    )
  })

  it('custom fields filter by their custom_field_<uuid> key, and account custom fields by account.<key>', async () => {
    const source = sim.store.customFields('opportunities').find((d) => d.name === 'Lead Source')
    const key = `custom_field_${source?.id}`
    expect(
      await ids('opportunities', [{ field: key, condition: 'is', value: 'referral' }])
    ).toEqual(idsOf(opps.filter((o) => o.custom[source?.id as string] === 'referral')))
    const fit = sim.store.customFields('accounts').find((d) => d.name === 'Customer Fit')
    const high = new Set(
      sim.store
        .all('accounts')
        .filter((a) => a.custom[fit?.id as string] === 'high')
        .map((a) => a.id)
    )
    expect(
      await ids('opportunities', [
        { field: `account.custom_field_${fit?.id}`, condition: 'is', value: 'high' }
      ])
    ).toEqual(idsOf(opps.filter((o) => high.has(o.accountId))))
  })

  it('contacts filter on full_name and email as the OpenAPI examples do', async () => {
    const contacts = sim.store.all('contacts')
    const email = contacts.find((c) => c.email !== null)?.email as string
    expect(await ids('contacts', [{ field: 'email', condition: 'equals', value: email }])).toEqual(
      idsOf(contacts.filter((c) => c.email === email))
    )
    const first = contacts[0]?.firstName as string
    expect(
      await ids('contacts', [{ field: 'full_name', condition: 'contains', value: first }])
    ).toEqual(
      idsOf(
        contacts.filter((c) =>
          `${c.firstName ?? ''} ${c.lastName ?? ''}`.toLowerCase().includes(first.toLowerCase())
        )
      )
    )
  })

  describe('refuses, with 422 and a message naming the problem', () => {
    const cases: [string, unknown, RegExp][] = [
      ['an unknown field', [{ field: 'bogus', condition: 'is', value: 'x' }], /bogus/],
      [
        'a condition the field does not allow',
        [{ field: 'stage', condition: 'contains', value: 'x' }],
        /contains/
      ],
      [
        'an enum value that is a label, not a key',
        [{ field: 'stage', condition: 'is', value: 'Closed Won' }],
        /Closed Won/
      ],
      [
        'a number given as a string',
        [{ field: 'amount', condition: 'greater_than', value: '5' }],
        /number/
      ],
      [
        'a malformed date',
        [{ field: 'estimated_close_date', condition: 'equals', value: '2026-02-30' }],
        /YYYY-MM-DD/
      ],
      [
        'an unknown period',
        [{ field: 'estimated_close_date', condition: 'is', value: 'last_decade' }],
        /period/
      ],
      [
        'a bare rule object instead of a list',
        { field: 'name', condition: 'contains', value: 'a' },
        /array/
      ],
      [
        'an unknown key in a rule',
        [{ field: 'name', condition: 'contains', value: 'a', op: 'x' }],
        /op/
      ],
      ['an operator other than and/or', { operator: 'xor', filters: [] }, /operator/],
      ['an expression inside a flat list', [{ operator: 'or', filters: [] }], /filter rule/],
      [
        'a filter on a related field that does not exist',
        [{ field: 'account.custom_field_x', condition: 'is', value: 'a' }],
        /account\.custom_field_x/
      ]
    ]
    for (const [what, filters, message] of cases) {
      it(what, async () => {
        const res = await list(sim, 'opportunities', { filters })
        expect(res.status).toBe(422)
        expect(errorOf(res).message).toMatch(message)
      })
    }
  })
})
