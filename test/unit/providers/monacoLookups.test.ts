/** Stage keys → labels, owner names and the schema's `updatable` rule, read from the cache. */
import { describe, expect, it } from 'vitest'
import {
  asFieldSchema,
  MONACO_OPPORTUNITY_SCHEMA_KEY,
  ownerName,
  readOpportunitySchema,
  personName,
  schemaAllowsEdit,
  stageLabelOf,
  stageLabels
} from '../../../src/renderer/src/app/monacoLookups'
import type { MonacoField, MonacoFieldSchema } from '../../../src/shared/domain/monaco'
import type { WorkspaceCache } from '../../../src/renderer/src/cache'

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
  fields: [field('name', true), field('stage', true), field('amount', false)],
  stages: [
    { key: 'discovery', label: 'Discovery' },
    { key: 'closed-won', label: 'Closed Won' }
  ],
  customFields: [],
  skipped: []
}

describe('stage labels', () => {
  it('shows a stage key as its label, an unknown key as itself, no stage as nothing', () => {
    const labels = stageLabels(schema)
    expect(stageLabelOf(labels, 'closed-won')).toBe('Closed Won')
    expect(stageLabelOf(labels, 'renegotiation')).toBe('renegotiation')
    expect(stageLabelOf(labels, '')).toBe('')
    expect(stageLabelOf(stageLabels(null), 'closed-won')).toBe('closed-won')
  })

  it('reads a cached schema defensively: anything not shaped like one is no schema', () => {
    expect(asFieldSchema(undefined)).toBeNull()
    expect(asFieldSchema('stages')).toBeNull()
    expect(asFieldSchema({ stages: [] })).toBeNull()
    const odd = asFieldSchema({
      fields: [{ key: 'stage' }, 42, null],
      stages: [{ key: 'a', label: 'A' }, { key: 1 }, 'b']
    })
    expect(odd?.fields.map((f) => f.key)).toEqual(['stage'])
    expect(odd?.stages).toEqual([{ key: 'a', label: 'A' }])
  })
})

describe('people', () => {
  it('names a person by full name, else email, else id', () => {
    expect(personName({ firstName: 'Ada', lastName: 'Lovelace', email: 'a@x.io' })).toBe(
      'Ada Lovelace'
    )
    expect(personName({ firstName: ' ', lastName: null, email: 'a@x.io' })).toBe('a@x.io')
    expect(personName({ id: 'u1' })).toBe('u1')
  })

  it('names an owner from the cached users first, then what the record embedded', () => {
    const users = new Map([['u1', 'Grace Hopper']])
    expect(ownerName('u1', users)).toBe('Grace Hopper')
    expect(ownerName('u9', users)).toBe('u9')
    expect(ownerName({ id: 'u1', firstName: 'G', lastName: null }, users)).toBe('Grace Hopper')
    expect(ownerName({ id: 'u2', firstName: 'Alan', lastName: 'Turing' }, users)).toBe(
      'Alan Turing'
    )
    expect(ownerName(null, users)).toBe('')
  })
})

describe('the schema’s updatable rule', () => {
  it('makes a field read-only only when the schema lists it as not updatable', () => {
    expect(schemaAllowsEdit(schema, 'amountCents')).toBe(false)
    expect(schemaAllowsEdit(schema, 'pipelineStage')).toBe(true)
    // Not in the schema, or no schema at all: the capability table decides.
    expect(schemaAllowsEdit(schema, 'estimatedCloseDate')).toBe(true)
    expect(schemaAllowsEdit(null, 'amountCents')).toBe(true)
  })
})

describe('the cached schema', () => {
  it('is read from where the Monaco sync stores it, `{ schema, at }` under its meta key', async () => {
    const entries = new Map<string, unknown>([
      [MONACO_OPPORTUNITY_SCHEMA_KEY, { schema, at: '2026-01-01T00:00:00.000Z' }]
    ])
    const cache = {
      meta: {
        get: async (key: string) =>
          entries.has(key) ? { key, value: entries.get(key) } : undefined
      }
    } as unknown as WorkspaceCache
    expect((await readOpportunitySchema(cache))?.stages).toEqual(schema.stages)
    entries.clear()
    expect(await readOpportunitySchema(cache)).toBeNull()
  })
})
