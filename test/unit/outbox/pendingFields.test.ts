/**
 * `_pending` names deal fields in the provider-neutral vocabulary (capability table's
 * `DEAL_FIELDS`), so a Monaco row's pending `name`, `tags` and `custom` are editable fields as
 * typed, not ChartMogul patch keys cast into place. The type checks below are compiled by
 * `npm run typecheck` (tsc covers test/), the rest runs.
 */
import 'fake-indexeddb/auto'
import { describe, expect, expectTypeOf, test } from 'vitest'
import {
  isEditableOpportunityField,
  type CachedOpportunity,
  type EditableOpportunityField
} from '../../../src/renderer/src/cache'
import { editOpportunity } from '../../../src/renderer/src/outbox'
import type { MonacoDealPatch, OpportunityPatch } from '../../../src/shared/domain'
import { DEAL_FIELDS, type DealField } from '../../../src/shared/providers/capabilities'
import { openCache, seedRow } from './support'
import { monacoDeal, seedTags } from './monacoSupport'

describe('editable opportunity fields', () => {
  test('are the neutral deal fields a change can touch: every provider’s, never the parent', () => {
    expectTypeOf<EditableOpportunityField>().toEqualTypeOf<Exclude<DealField, 'customerUuid'>>()
    // ChartMogul's patch keys and Monaco's (in row terms: tag ids show as `tags`) fit in it.
    expectTypeOf<keyof OpportunityPatch>().toExtend<EditableOpportunityField>()
    expectTypeOf<
      Exclude<keyof MonacoDealPatch, 'tagIds'> | 'tags'
    >().toExtend<EditableOpportunityField>()
    expectTypeOf<CachedOpportunity['_pending']>().toEqualTypeOf<
      EditableOpportunityField[] | undefined
    >()

    expect(DEAL_FIELDS.filter(isEditableOpportunityField)).toEqual(
      DEAL_FIELDS.filter((field) => field !== 'customerUuid')
    )
    for (const notOne of ['customerUuid', 'tagIds', 'custom.custom_field_a1', '__proto__', '']) {
      expect(isEditableOpportunityField(notOne)).toBe(false)
    }
  })

  test('a Monaco edit of name, tags and a custom field leaves those neutral fields pending', async () => {
    const db = await openCache()
    await seedTags(db)
    await seedRow(db, monacoDeal({ custom: { custom_field_a1: 'silver' } }))
    await editOpportunity(
      db,
      'opp_1',
      { name: 'Renamed', tagIds: ['tag_vip'], custom: { custom_field_a1: 'gold' } },
      { provider: 'monaco' }
    )
    const row = await db.opportunities.get('opp_1')
    const pending: readonly EditableOpportunityField[] = row?._pending ?? []
    expect(pending).toEqual(['custom', 'name', 'tags'])
    expect(row).toMatchObject({ name: 'Renamed', tags: ['VIP'], _dirty: 1 })
  })
})
