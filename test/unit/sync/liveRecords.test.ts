/**
 * Grids update in place while a sync runs from the records the engine reports after each commit:
 * what it reports must be exactly what it committed (first pages written while planning are
 * covered by the re-read at the end of the run).
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { editOpportunity } from '../../../src/renderer/src/outbox'
import { createSyncEngine } from '../../../src/renderer/src/sync'
import type { SyncResource } from '../../../src/shared/sync/pageSource'
import { freshCache } from './support/cache'
import { startSimulatedAccount, type SimulatedAccount } from './support/simulatorSource'

let account: SimulatedAccount
beforeAll(async () => {
  account = await startSimulatedAccount({ seed: 77, customers: 600, fast: true })
})
afterAll(() => account.close())

test('every record reported as committed is in the cache, as reported', async () => {
  const db = await freshCache('live-records')
  const reported = new Map<SyncResource, Map<string, object>>()
  const engine = createSyncEngine({
    db,
    source: account.source,
    options: {
      perPage: 50,
      onRecordsCommitted: (resource, records) => {
        const seen = reported.get(resource) ?? new Map<string, object>()
        for (const record of records) seen.set((record as { uuid: string }).uuid, record)
        reported.set(resource, seen)
      }
    }
  })
  expect((await engine.run()).outcome).toBe('complete')
  let total = 0
  for (const [resource, records] of reported) {
    const rows = await db.records(resource).bulkGet([...records.keys()])
    rows.forEach((row, i) => {
      const uuid = [...records.keys()][i] as string
      expect(row, `${resource} ${uuid}`).toBeDefined()
      expect(row).toEqual(records.get(uuid))
    })
    total += records.size
  }
  // Most of the account arrives this way (the rest came with planning's first pages).
  expect(total).toBeGreaterThan(
    0.8 * ((await db.customers.count()) + (await db.activities.count()))
  )
})

test("a deal with a pending local edit is reported with the local value, not the server's", async () => {
  const db = await freshCache('live-records-pending')
  // A deal reported live (not one of the first pages, which planning writes).
  const live: string[] = []
  const engine = createSyncEngine({
    db,
    source: account.source,
    options: {
      perPage: 50,
      onRecordsCommitted: (resource, records) => {
        if (resource === 'opportunities')
          live.push(...records.map((r) => (r as { uuid: string }).uuid))
      }
    }
  })
  expect((await engine.run()).outcome).toBe('complete')
  // Edit every deal reported live: which pages planning writes itself varies between runs.
  expect(live.length).toBeGreaterThan(0)
  for (const uuid of live) await editOpportunity(db, uuid, { pipelineStage: 'Locally edited' })

  const reported: object[] = []
  const again = createSyncEngine({
    db,
    source: account.source,
    options: {
      perPage: 50,
      onRecordsCommitted: (resource, records) => {
        if (resource === 'opportunities') reported.push(...records)
      }
    }
  })
  expect((await again.run({ full: true })).outcome).toBe('complete')
  const mine = reported.filter((r) => live.includes((r as { uuid: string }).uuid))
  expect(mine.length).toBeGreaterThan(0)
  for (const row of mine) {
    expect(row).toMatchObject({ pipelineStage: 'Locally edited', _dirty: 1 })
  }
})
