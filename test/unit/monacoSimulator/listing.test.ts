/**
 * `POST /v1/{entity}/list`: paging, sort, page_size bounds, unknown keys and
 * include_custom_fields. Expected results are computed from the store's records in the test,
 * never hard-coded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import { errorOf, list, page, startSmall } from './support'

const ENTITIES = ['accounts', 'contacts', 'opportunities'] as const

const codeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

describe('Monaco simulator: list requests', () => {
  let sim: RunningMonacoSimulator
  beforeAll(async () => {
    sim = await startSmall()
  })
  afterAll(() => sim.close())

  for (const entity of ENTITIES) {
    it(`${entity}: pages newest first by default and walks every record exactly once`, async () => {
      const total = sim.store.count(entity)
      const pageSize = 7
      const seen: string[] = []
      let p = 1
      let totalPages = Infinity
      while (p <= totalPages) {
        const body = page(await list(sim, entity, { page: p, page_size: pageSize }))
        expect(body.pagination).toEqual({
          page: p,
          page_size: pageSize,
          total_count: total,
          total_pages: Math.ceil(total / pageSize)
        })
        totalPages = body.pagination.total_pages
        seen.push(...body.data.map((r) => r['id'] as string))
        p++
      }
      const expected = sim.store
        .all(entity)
        .slice()
        .sort((a, b) => codeUnits(b.createdAt, a.createdAt) || codeUnits(b.id, a.id))
        .map((r) => r.id)
      expect(seen).toEqual(expected)
    })
  }

  it('answers an empty body and no body with the defaults (page 1, 50, -created_at)', async () => {
    const none = page(await list(sim, 'accounts'))
    const empty = page(await list(sim, 'accounts', {}))
    expect(none.pagination).toMatchObject({ page: 1, page_size: 50 })
    expect(empty.data.map((a) => a['id'])).toEqual(none.data.map((a) => a['id']))
  })

  it('answers a page past the end with no rows and the real totals', async () => {
    const body = page(await list(sim, 'accounts', { page: 999, page_size: 10 }))
    expect(body.data).toEqual([])
    expect(body.pagination.total_count).toBe(sim.store.count('accounts'))
  })

  it('accepts page_size 1 and 500 and refuses 0, 501, fractions and strings with 422', async () => {
    expect(page(await list(sim, 'contacts', { page_size: 1 })).data).toHaveLength(1)
    expect(page(await list(sim, 'contacts', { page_size: 500 })).data).toHaveLength(
      Math.min(500, sim.store.count('contacts'))
    )
    for (const bad of [0, 501, 2.5, '10', null]) {
      const res = await list(sim, 'contacts', { page_size: bad })
      expect(res.status, `page_size ${String(bad)}`).toBe(422)
      expect(errorOf(res).code).toBe('validation_error')
    }
    expect((await list(sim, 'contacts', { page: 0 })).status).toBe(422)
  })

  it('refuses unknown body keys with 422 naming them (the schema forbids them)', async () => {
    const res = await list(sim, 'opportunities', { page: 1, per_page: 10 })
    expect(res.status).toBe(422)
    expect(errorOf(res).message).toContain('per_page')
    expect((await list(sim, 'opportunities', { cursor: 'abc' })).status).toBe(422)
  })

  it('sorts ascending and descending on a sortable field, ties broken by id', async () => {
    const all = sim.store.all('accounts')
    const byName = all
      .slice()
      .sort(
        (a, b) =>
          codeUnits((a.name ?? '').toLowerCase(), (b.name ?? '').toLowerCase()) ||
          codeUnits(a.id, b.id)
      )
      .map((a) => a.id)
    const asc = page(await list(sim, 'accounts', { sort: 'name', page_size: 500 })).data.map(
      (a) => a['id']
    )
    const desc = page(await list(sim, 'accounts', { sort: '-name', page_size: 500 })).data.map(
      (a) => a['id']
    )
    expect(asc).toEqual(byName)
    expect(desc).toEqual([...byName].reverse())
  })

  it('sorts opportunities by stage in pipeline order', async () => {
    const order = (await import('../../../src/main/monacoSimulator')).STAGES.map((s) => s.label)
    const rows = page(await list(sim, 'opportunities', { sort: 'stage', page_size: 500 })).data
    const positions = rows.map((r) => order.indexOf(r['stage'] as string))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(new Set(positions).size).toBeGreaterThan(2)
  })

  it('refuses a sort on an unknown or unsortable field with 422', async () => {
    for (const sort of ['bogus', '-bogus', 'owner', 'tags', 'notes', '-', '']) {
      const res = await list(sim, 'opportunities', { sort })
      expect(res.status, `sort ${sort}`).toBe(422)
    }
  })

  it('omits custom_field_* keys when include_custom_fields is false, and only then', async () => {
    const withCustom = page(await list(sim, 'opportunities', { page_size: 500 })).data
    const without = page(
      await list(sim, 'opportunities', { page_size: 500, include_custom_fields: false })
    ).data
    const customKeys = (rows: Record<string, unknown>[]) =>
      rows.flatMap((r) => Object.keys(r).filter((k) => k.startsWith('custom_field_')))
    expect(customKeys(withCustom).length).toBeGreaterThan(0)
    expect(customKeys(without)).toEqual([])
    expect(without.map((r) => r['id'])).toEqual(withCustom.map((r) => r['id']))
    expect((await list(sim, 'opportunities', { include_custom_fields: 'no' })).status).toBe(422)
  })

  it('renders tags as names and stages as labels, and omits null fields', async () => {
    const record = sim.store
      .all('opportunities')
      .find((o) => o.tagIds.length > 0 && o.summary === null)
    expect(record).toBeDefined()
    const res = await list(sim, 'opportunities', {
      filters: [{ field: 'name', condition: 'equals', value: record?.name }],
      page_size: 500
    })
    const row = page(res).data.find((r) => r['id'] === record?.id)
    expect(row?.['tags']).toEqual(record?.tagIds.map((id) => sim.store.tag(id)?.name))
    expect(row).not.toHaveProperty('summary')
    sim.setRender({ nullFields: 'null', stageAs: 'key' })
    try {
      const again = page(
        await list(sim, 'opportunities', {
          filters: [{ field: 'name', condition: 'equals', value: record?.name }]
        })
      ).data.find((r) => r['id'] === record?.id)
      expect(again?.['summary']).toBeNull()
      expect(again?.['stage']).toBe(record?.stage)
    } finally {
      sim.setRender({ nullFields: 'omit', stageAs: 'label' })
    }
  })
})
