/**
 * What a full pass costs in requests, against a budget of 1,000 an hour per organization:
 * one request per page read, plus a small fixed overhead — the lookups (users, tags, the field
 * schema), two bounds per entity to plan its windows, and one count per entity after the pass
 * for the drift check. Not a request per window on top (a count at the end of every window's
 * walk), however many windows the pass is split into.
 */
import { afterEach, expect, test } from 'vitest'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import { createMonacoSyncEngine } from '../../../src/renderer/src/monacoSync'
import type { MonacoSource } from '../../../src/shared/sync/monacoSource'
import { freshCache } from '../sync/support/cache'
import { countingMonacoSource } from './support/countingSource'
import { ENTITIES, sourceFor, startOrg } from './support/org'

const LOOKUPS = 3
const BOUNDS_PER_ENTITY = 2
const COUNT_PER_ENTITY = 1
const PAGE_SIZE = 10

let sim: RunningMonacoSimulator | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

test('a full pass over many windows: one request per page plus a fixed overhead', async () => {
  const org = await startOrg({ seed: 41, accounts: 130, contacts: 250, opportunities: 160 })
  sim = org
  const source = countingMonacoSource(sourceFor(org))
  const db = await freshCache('monaco-request-count')
  const engine = createMonacoSyncEngine({
    db,
    source,
    options: { pageSize: PAGE_SIZE, recordsPerWindow: 40, maxWindows: 4, retryDelayMs: 5 }
  })
  org.resetStats()
  const result = await engine.run()
  expect(result.outcome).toBe('complete')

  const windows = new Map(engine.progress().map((p) => [p.resource, p.partitions.total]))
  const totalWindows = ENTITIES.reduce((n, e) => n + (windows.get(e) ?? 0), 0)
  // Several windows per entity: a per-window cost would show.
  for (const entity of ENTITIES) expect(windows.get(entity), entity).toBeGreaterThan(2)

  const steps = source.steps.length
  const overhead = LOOKUPS + ENTITIES.length * (BOUNDS_PER_ENTITY + COUNT_PER_ENTITY)
  // What arrived at Monaco, and what the engine says it spent, both: pages + the overhead.
  expect(org.stats.requests).toBe(steps + overhead)
  expect(result.requests).toBe(steps + overhead)
  // The pages themselves: what one walk would read, plus at most one part-filled page for
  // each extra window.
  const onePerPage = ENTITIES.reduce(
    (n, e) => n + Math.ceil(org.store.all(e).length / PAGE_SIZE),
    0
  )
  expect(steps).toBeLessThanOrEqual(onePerPage + totalWindows - ENTITIES.length)

  // The drift check still ran once per entity, and found nothing moved.
  const rows = await db.monacoSync.toArray()
  expect(rows.map((r) => [r.entity, r.lastCountDrift]).sort()).toEqual(
    ENTITIES.map((e) => [e, 0]).sort()
  )
  db.close()
}, 60_000)

test('a drift count Monaco keeps failing does not hold the pass back: complete, drift unknown', async () => {
  const org = await startOrg({ seed: 42, accounts: 30, contacts: 40, opportunities: 20 })
  sim = org
  const inner = sourceFor(org)
  let countsAsked = 0
  const source: MonacoSource = {
    ...inner,
    bounds: (request, signal) => {
      if (request.countOnly !== true) return inner.bounds(request, signal)
      countsAsked += 1
      return Promise.reject(new Error('Monaco answered 500 to the count.'))
    }
  }
  const db = await freshCache('monaco-count-fails')
  const engine = createMonacoSyncEngine({
    db,
    source,
    options: { pageSize: PAGE_SIZE, stepAttempts: 2, retryDelayMs: 1 }
  })
  expect((await engine.run()).outcome).toBe('complete')
  // Asked for each entity, retried once, then given up on.
  expect(countsAsked).toBe(ENTITIES.length * 2)
  const rows = await db.monacoSync.toArray()
  expect(rows.map((r) => [r.entity, r.pass, r.lastFullGeneration > 0, r.lastCountDrift])).toEqual(
    rows.map((r) => [r.entity, null, true, null])
  )
  expect(await db.accounts.count()).toBe(30)
  db.close()
}, 60_000)
