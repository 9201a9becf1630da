/**
 * `GET /v1/schemas/{entity}`: the published fields are exactly what the list endpoint honours
 * — every filterable field accepts each of its operators, every sortable field sorts, and
 * nothing else does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import { call, list, startSmall } from './support'

interface FieldSchema {
  key: string
  type: string
  filterable: boolean
  sortable: boolean
  allowed_operators: string[]
  enum_field_settings?: { allowed_values: { key: string; display_value: string }[] }
  custom_field_settings?: { id: string; is_ai_auto_filled: boolean }
}

/** A value a condition on this field type accepts. */
function sampleValue(f: FieldSchema, condition: string): unknown {
  if (condition === 'is_empty' || condition === 'is_not_empty') return null
  const first = f.enum_field_settings?.allowed_values[0]?.key
  if (condition === 'is' || condition === 'is_not')
    return first ?? '00000000-0000-4000-8000-000000000000'
  switch (f.type) {
    case 'number':
      return 10
    case 'date':
      return '2025-06-30'
    case 'datetime':
      return '2025-06-30T12:00:00Z'
    case 'boolean':
      return true
    default:
      return 'a'
  }
}

describe('Monaco simulator: field schemas', () => {
  let sim: RunningMonacoSimulator
  beforeAll(async () => {
    sim = await startSmall()
  })
  afterAll(() => sim.close())

  const schemaOf = async (entity: string) =>
    ((await call(sim, 'GET', `/v1/schemas/${entity}`)).body as { data: FieldSchema[] }).data

  it('declares the stage as an enum of keys with display values, in pipeline order', async () => {
    const { STAGES } = await import('../../../src/main/monacoSimulator')
    const stage = (await schemaOf('opportunities')).find((f) => f.key === 'stage')
    expect(stage?.type).toBe('enum')
    expect(stage?.enum_field_settings?.allowed_values).toEqual(
      STAGES.map((s) => ({ key: s.key, display_value: s.label }))
    )
  })

  it('declares each custom field under custom_field_<uuid> with its settings', async () => {
    const fields = await schemaOf('opportunities')
    for (const def of sim.store.customFields('opportunities')) {
      const f = fields.find((x) => x.key === `custom_field_${def.id}`)
      expect(f?.custom_field_settings).toEqual({ id: def.id, is_ai_auto_filled: def.aiAutoFilled })
    }
    expect(fields.some((f) => f.custom_field_settings?.is_ai_auto_filled)).toBe(true)
  })

  for (const entity of ['accounts', 'contacts', 'opportunities']) {
    it(`${entity}: every declared operator works on every filterable field; sorting matches "sortable"`, async () => {
      const fields = await schemaOf(entity)
      expect(fields.length).toBeGreaterThan(5)
      for (const f of fields) {
        for (const condition of f.allowed_operators) {
          const res = await list(sim, entity, {
            filters: [{ field: f.key, condition, value: sampleValue(f, condition) }],
            page_size: 1
          })
          expect(res.status, `${f.key} ${condition}: ${res.text}`).toBe(200)
        }
        const sorted = await list(sim, entity, { sort: `-${f.key}`, page_size: 1 })
        expect(sorted.status, `sort ${f.key}`).toBe(f.sortable ? 200 : 422)
      }
    })
  }

  it('refuses an unknown entity with 422 and says which ones are not simulated', async () => {
    expect((await call(sim, 'GET', '/v1/schemas/deals')).status).toBe(422)
    const tasks = await call(sim, 'GET', '/v1/schemas/tasks')
    expect(tasks.status).toBe(404)
  })
})
