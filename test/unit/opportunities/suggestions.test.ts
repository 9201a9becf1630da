/** The editor's suggestions: owners, pipelines and stages from cached deals; the customer type-ahead. */
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { WorkspaceCache } from '../../../src/renderer/src/cache'
import {
  DEFAULT_PIPELINES,
  DEFAULT_STAGES,
  getCustomerOption,
  ownerSuggestions,
  pipelineSuggestions,
  searchCustomers,
  stageSuggestions
} from '../../../src/renderer/src/sections/opportunities/editor/suggestions'
import type { Opportunity } from '../../../src/shared/domain'
import { customer } from '../customer360/support'
import { openCache, seedRow, serverOpportunity } from '../outbox/support'

let db: WorkspaceCache
afterEach(() => db?.close())

let seq = 0
async function deal(fields: Partial<Opportunity>): Promise<void> {
  await seedRow(db, serverOpportunity({ uuid: `opp_${++seq}`, ...fields }))
}

describe('ownerSuggestions', () => {
  it('lists distinct owners, most used first, skipping deals without one', async () => {
    db = await openCache()
    await deal({ owner: 'bob@example.com' })
    await deal({ owner: 'ann@example.com' })
    await deal({ owner: 'ann@example.com' })
    await deal({ owner: 'cid@example.com' })
    await deal({ owner: 'ann@example.com' })
    await deal({ owner: 'cid@example.com' })
    await deal({ owner: null })
    expect(await ownerSuggestions(db)).toEqual([
      'ann@example.com',
      'cid@example.com',
      'bob@example.com'
    ])
    expect(await ownerSuggestions(db, 1)).toEqual(['ann@example.com'])
  })

  it('is empty for an empty cache', async () => {
    db = await openCache()
    expect(await ownerSuggestions(db)).toEqual([])
  })
})

describe('pipelineSuggestions', () => {
  it('offers ChartMogul’s default pipelines in an empty cache', async () => {
    db = await openCache()
    expect(await pipelineSuggestions(db)).toEqual([...DEFAULT_PIPELINES])
    expect(DEFAULT_PIPELINES).toEqual(['New Business', 'Renewals'])
  })

  it('puts the pipelines in use first, most used first, then the missing defaults', async () => {
    db = await openCache()
    await deal({ pipeline: 'Expansion', pipelineStage: 'Discovery' })
    await deal({ pipeline: 'Expansion', pipelineStage: 'Scoping' })
    await deal({ pipeline: 'New Business', pipelineStage: 'Discovery' })
    expect(await pipelineSuggestions(db)).toEqual(['Expansion', 'New Business', 'Renewals'])
  })
})

describe('stageSuggestions', () => {
  it('lists a default pipeline’s stages in pipeline order, then other stages it uses', async () => {
    db = await openCache()
    await deal({ pipeline: 'New Business', pipelineStage: 'Closed Won' })
    await deal({ pipeline: 'New Business', pipelineStage: 'Demo' })
    await deal({ pipeline: 'Expansion', pipelineStage: 'Scoping' })
    expect(await stageSuggestions(db, 'New Business')).toEqual([...DEFAULT_STAGES, 'Demo'])
    expect(DEFAULT_STAGES[0]).toBe('Discovery')
  })

  it('lists a custom pipeline’s stages by use, then the default stage names', async () => {
    db = await openCache()
    await deal({ pipeline: 'Expansion', pipelineStage: 'Scoping' })
    await deal({ pipeline: 'Expansion', pipelineStage: 'Pilot' })
    await deal({ pipeline: 'Expansion', pipelineStage: 'Pilot' })
    await deal({ pipeline: 'Expansion plus', pipelineStage: 'Elsewhere' })
    await deal({ pipeline: 'New Business', pipelineStage: 'Demo' })
    expect(await stageSuggestions(db, ' Expansion ')).toEqual([
      'Pilot',
      'Scoping',
      ...DEFAULT_STAGES
    ])
  })

  it('falls back to the default stage names without a pipeline', async () => {
    db = await openCache()
    await deal({ pipeline: 'Expansion', pipelineStage: 'Scoping' })
    expect(await stageSuggestions(db, '')).toEqual([...DEFAULT_STAGES])
  })
})

describe('searchCustomers', () => {
  async function seedCustomers(): Promise<void> {
    await db.customers.bulkPut([
      customer('cus_1', { name: 'Acme Corp', email: 'billing@acme.test', company: 'Acme' }),
      customer('cus_2', { name: 'acme labs', email: 'hi@labs.test' }),
      customer('cus_3', { name: 'Beta Acme', email: 'ops@beta.test' }),
      customer('cus_4', { name: 'Gamma', email: 'acme-fan@gamma.test' }),
      customer('cus_5', { name: 'Delta', email: 'x@delta.test', company: 'Wile E. Acme Inc' }),
      customer('cus_6', { name: 'Unrelated', email: 'u@u.test' })
    ])
  }

  it('finds name prefixes, then email prefixes, then text inside, case-insensitively', async () => {
    db = await openCache()
    await seedCustomers()
    const hits = await searchCustomers(db, 'ACME')
    expect(hits.map((h) => h.uuid)).toEqual(['cus_1', 'cus_2', 'cus_4', 'cus_3', 'cus_5'])
    expect(hits[0]).toEqual({
      uuid: 'cus_1',
      name: 'Acme Corp',
      email: 'billing@acme.test',
      company: 'Acme'
    })
  })

  it('matches emails by prefix and returns nothing for blank text', async () => {
    db = await openCache()
    await seedCustomers()
    expect((await searchCustomers(db, 'ops@')).map((h) => h.uuid)).toEqual(['cus_3'])
    expect(await searchCustomers(db, '   ')).toEqual([])
    expect(await searchCustomers(db, 'zzz')).toEqual([])
  })

  it('stops at the limit', async () => {
    db = await openCache()
    await seedCustomers()
    expect(await searchCustomers(db, 'acme', 2)).toHaveLength(2)
    expect(await searchCustomers(db, 'a', 0)).toEqual([])
  })

  it('examines a bounded number of customers for matches inside the text', async () => {
    db = await openCache()
    const many = Array.from({ length: 300 }, (_, i) =>
      customer(`cus_${String(i).padStart(4, '0')}`, {
        name: `Customer ${i}`,
        email: `c${i}@x.test`
      })
    )
    // Last in key order, so only a scan past the bound would reach it.
    many.push(customer('cus_zzzz', { name: 'Zed', company: 'Needle Ltd', email: 'z@z.test' }))
    await db.customers.bulkPut(many)
    expect(await searchCustomers(db, 'needle', 8, { scanLimit: 100 })).toEqual([])
    expect(
      (await searchCustomers(db, 'needle', 8, { scanLimit: 1_000 })).map((h) => h.uuid)
    ).toEqual(['cus_zzzz'])
    // Index prefixes are not subject to the bound.
    expect((await searchCustomers(db, 'zed', 8, { scanLimit: 0 })).map((h) => h.uuid)).toEqual([
      'cus_zzzz'
    ])
  })
})

describe('getCustomerOption', () => {
  it('returns the cached customer, or null', async () => {
    db = await openCache()
    await db.customers.put(customer('cus_1', { name: 'Acme', email: 'a@acme.test' }))
    expect(await getCustomerOption(db, 'cus_1')).toEqual({
      uuid: 'cus_1',
      name: 'Acme',
      email: 'a@acme.test',
      company: ''
    })
    expect(await getCustomerOption(db, 'cus_missing')).toBeNull()
    expect(await getCustomerOption(db, '')).toBeNull()
  })
})
