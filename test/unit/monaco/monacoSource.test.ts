import { afterEach, describe, expect, it } from 'vitest'
import { createMonacoClient, createMonacoRateLimiter } from '../../../src/main/monaco'
import { createClientMonacoSource } from '../../../src/main/monaco/monacoSource'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import type { KeysetPosition } from '../../../src/shared/sync/keysetPosition'
import type { MonacoSource, MonacoSyncEntity } from '../../../src/shared/sync/monacoSource'
import { ascending, sortedIds, startOrg } from './support/simulator'

/**
 * The sync's view of Monaco (`MonacoSource`) over the simulator: step by step from a stored
 * position, inside `created_at` windows, with `updated_at` filters; deals mapped to the neutral
 * model.
 */

let sim: RunningMonacoSimulator | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

function sourceFor(running: RunningMonacoSimulator): MonacoSource {
  return createClientMonacoSource(
    createMonacoClient({
      apiKey: running.apiKey,
      baseUrl: running.url,
      timeoutMs: 2_000,
      random: () => 0,
      retry: { maxAttempts: 8, baseDelayMs: 1, maxDelayMs: 5 },
      limiter: createMonacoRateLimiter({ penaltyPauseMs: 10 })
    })
  )
}

async function walk(
  source: MonacoSource,
  entity: MonacoSyncEntity,
  extra: { createdRange?: { from?: string; before?: string }; updatedAfter?: string } = {}
): Promise<{ ids: string[]; steps: number; firstTotal: number | null }> {
  const ids: string[] = []
  let position: KeysetPosition | undefined
  let steps = 0
  let firstTotal: number | null = null
  for (;;) {
    const step = await source.listStep(
      { entity, pageSize: 25, ...extra, ...(position ? { position } : {}) },
      undefined
    )
    steps++
    if (steps === 1) firstTotal = step.totalCount
    for (const item of step.items) ids.push('uuid' in item ? item.uuid : item.id)
    position = step.position
    if (step.done) return { ids, steps, firstTotal }
    expect(steps).toBeLessThan(100)
  }
}

describe('createClientMonacoSource', () => {
  it('reads every record of each entity once, one resumable step at a time', async () => {
    sim = await startOrg()
    const source = sourceFor(sim)
    for (const entity of ['accounts', 'contacts', 'opportunities'] as const) {
      const { ids, steps, firstTotal } = await walk(source, entity)
      expect(ids.length).toBe(new Set(ids).size)
      expect(ids.sort()).toEqual(sortedIds(sim.store.all(entity)))
      expect(steps).toBeGreaterThan(1)
      expect(firstTotal).toBe(sim.store.all(entity).length)
    }
  })

  it('maps Monaco opportunities to the neutral deal', async () => {
    sim = await startOrg()
    const step = await sourceFor(sim).listStep({ entity: 'opportunities', pageSize: 5 })
    const deal = step.items[0]!
    const stored = sim.store.all('opportunities').find((o) => o.id === deal.uuid)!
    expect(deal.customerUuid).toBe(stored.accountId)
    expect(deal.name).toBe(stored.name)
    // The simulator answers stage labels, as Monaco's examples do; the cache keeps keys.
    expect(deal.pipelineStage).toBe(stored.stage ?? '')
    expect(deal.pipeline).toBe('')
  })

  it('splits a listing into created_at windows that together read it exactly', async () => {
    sim = await startOrg()
    const source = sourceFor(sim)
    const bounds = await source.bounds({ entity: 'contacts' })
    const all = ascending(sim, 'contacts')
    expect(bounds.totalCount).toBe(all.length)
    expect(Date.parse(bounds.oldestCreatedAt!)).toBe(Date.parse(all[0]!.createdAt))
    expect(Date.parse(bounds.newestCreatedAt!)).toBe(Date.parse(all.at(-1)!.createdAt))
    const middle = all[Math.floor(all.length / 2)]!.createdAt
    const early = await walk(source, 'contacts', { createdRange: { before: middle } })
    const late = await walk(source, 'contacts', { createdRange: { from: middle } })
    expect(early.ids.filter((id) => late.ids.includes(id))).toEqual([])
    expect([...early.ids, ...late.ids].sort()).toEqual(sortedIds(all))
  })

  it('reads only records updated after an instant', async () => {
    sim = await startOrg()
    const source = sourceFor(sim)
    const accounts = ascending(sim, 'accounts')
    const cut = [...accounts].map((a) => a.updatedAt).sort()[Math.floor(accounts.length / 2)]!
    const { ids } = await walk(source, 'accounts', { updatedAfter: cut })
    const expected = accounts.filter((a) => Date.parse(a.updatedAt) > Date.parse(cut))
    expect(ids.sort()).toEqual(sortedIds(expected))
  })

  it('spends exactly one request per step, the last one included (no count after the walk)', async () => {
    sim = await startOrg()
    const source = sourceFor(sim)
    const all = ascending(sim, 'contacts')
    sim.resetStats()
    let position: KeysetPosition | undefined
    const stepRequests: number[] = []
    for (;;) {
      const step = await source.listStep({
        entity: 'contacts',
        pageSize: 25,
        ...(position ? { position } : {})
      })
      stepRequests.push(step.requests)
      position = step.position
      if (step.done) break
    }
    expect(stepRequests).toEqual(stepRequests.map(() => 1))
    expect(stepRequests).toHaveLength(Math.ceil(all.length / 25))
    expect(sim.stats.requests).toBe(stepRequests.length)
  })

  it('reads only the count in one request when asked for the count alone', async () => {
    sim = await startOrg()
    const source = sourceFor(sim)
    sim.resetStats()
    const bounds = await source.bounds({ entity: 'accounts', countOnly: true })
    expect(bounds).toEqual({
      totalCount: sim.store.all('accounts').length,
      oldestCreatedAt: null,
      newestCreatedAt: null,
      requests: 1
    })
    expect(sim.stats.requests).toBe(1)
  })

  it('reads users, tags and the opportunity field schema', async () => {
    sim = await startOrg()
    const lookups = await sourceFor(sim).lookups()
    expect(lookups.users.length).toBeGreaterThan(0)
    expect(lookups.tags.length).toBeGreaterThan(0)
    expect(lookups.opportunitySchema.stages?.length ?? 0).toBeGreaterThan(0)
  })
})
