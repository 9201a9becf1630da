/**
 * What one deal's custom attributes may carry, checked where every write is checked (the draft
 * and patch schemas, which the bridge uses too): bounded count, key length and value size, each
 * refusal with a message that says what to change.
 */
import { describe, expect, it } from 'vitest'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import {
  CUSTOM_ATTRIBUTE_LIMITS,
  opportunityDraftSchema,
  opportunityPatchSchema
} from '../../../src/shared/domain/opportunity'
import { testServices } from '../support/testServices'

const draft = {
  customerUuid: 'cus_1',
  owner: 'am@example.com',
  pipeline: 'New Business',
  pipelineStage: 'Discovery',
  estimatedCloseDate: '2024-03-30',
  currency: 'USD',
  amountCents: 100
}

function manyAttributes(count: number): Record<string, number> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`attr_${i}`, i]))
}

function messagesFor(custom: unknown): string[] {
  const result = opportunityPatchSchema.safeParse({ custom })
  return result.success ? [] : result.error.issues.map((issue) => issue.message)
}

describe('custom attribute limits', () => {
  it('accepts values up to the documented sizes', () => {
    const { maxAttributes, maxKeyLength, maxStringLength } = CUSTOM_ATTRIBUTE_LIMITS
    expect(
      opportunityPatchSchema.safeParse({ custom: manyAttributes(maxAttributes) }).success
    ).toBe(true)
    expect(
      opportunityDraftSchema.safeParse({
        ...draft,
        custom: {
          ['k'.repeat(maxKeyLength)]: 'v'.repeat(maxStringLength),
          seats: 12,
          renewal: true,
          champion: null,
          nested: { plan: 'pro', seats: [1, 2] }
        }
      }).success
    ).toBe(true)
  })

  it('refuses too many attributes, saying how many are allowed', () => {
    const { maxAttributes } = CUSTOM_ATTRIBUTE_LIMITS
    expect(messagesFor(manyAttributes(maxAttributes + 1)).join(' ')).toContain(
      String(maxAttributes)
    )
  })

  it('refuses an over-long key or text value, saying the limit', () => {
    const { maxKeyLength, maxStringLength } = CUSTOM_ATTRIBUTE_LIMITS
    expect(messagesFor({ ['k'.repeat(maxKeyLength + 1)]: 1 }).join(' ')).toContain(
      String(maxKeyLength)
    )
    expect(messagesFor({ note: 'v'.repeat(maxStringLength + 1) }).join(' ')).toContain(
      String(maxStringLength)
    )
  })

  it('refuses a structured value that is too large, and values that are not data', () => {
    const { maxStructuredLength } = CUSTOM_ATTRIBUTE_LIMITS
    expect(messagesFor({ blob: { text: 'x'.repeat(maxStructuredLength) } }).join(' ')).toContain(
      String(maxStructuredLength)
    )
    expect(messagesFor({ n: Number.NaN })).not.toEqual([])
    expect(messagesFor({ n: Number.POSITIVE_INFINITY })).not.toEqual([])
    expect(messagesFor({ u: undefined })).not.toEqual([])
  })

  it('is enforced at the bridge: an oversized write never reaches a handler', async () => {
    const dispatch = createDispatcher(createBridgeHandlers(testServices()))
    const result = await dispatch({
      method: 'createOpportunity',
      args: {
        workspaceId: 'acme',
        draft: { ...draft, custom: manyAttributes(CUSTOM_ATTRIBUTE_LIMITS.maxAttributes + 1) }
      }
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    if (!result.ok) expect(result.error.issues?.[0]?.path).toBe('draft.custom')
  })
})
