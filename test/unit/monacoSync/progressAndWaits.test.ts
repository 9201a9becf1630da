/**
 * What the status bar sees of a Monaco sync: per-entity progress in the ChartMogul engine's
 * shape (counts that continue across a resumed pass, an estimated total, a rate), and a pause
 * Monaco asked for shown through onServerWait and waited out without spending attempts.
 */
import { afterEach, expect, test } from 'vitest'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import { createMonacoSyncEngine } from '../../../src/renderer/src/monacoSync'
import type { RateLimitWait, ResourceProgress, SyncClock } from '../../../src/renderer/src/sync'
import { freshCache } from '../sync/support/cache'
import { countingMonacoSource } from './support/countingSource'
import { sourceFor, startOrg } from './support/org'

let sim: RunningMonacoSimulator | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

test('progress per entity: windows, records up to the estimate, and a resumed pass keeps counting', async () => {
  const org = await startOrg({ seed: 81, accounts: 90, contacts: 160, opportunities: 70 })
  sim = org
  const db = await freshCache('monaco-progress')
  let steps = 0
  let cancel = (): void => undefined
  const source = countingMonacoSource(sourceFor(org), async (_request, _index, forward) => {
    const step = await forward()
    if (++steps === 12) cancel()
    return step
  })
  const options = { pageSize: 10, recordsPerWindow: 40 }
  const first = createMonacoSyncEngine({ db, source, options })
  cancel = () => first.cancel()
  expect((await first.run()).outcome).toBe('cancelled')
  const committed = new Map(first.progress().map((p) => [p.resource, p.records]))
  expect([...committed.values()].some((n) => n > 0)).toBe(true)

  const seen: ResourceProgress[] = []
  const second = createMonacoSyncEngine({ db, source, options })
  second.onProgress((p) => seen.push(p))
  expect((await second.run()).outcome).toBe('complete')
  for (const entity of ['accounts', 'contacts', 'opportunities'] as const) {
    const lines = seen.filter((p) => p.resource === entity)
    const fetching = lines.filter((p) => p.phase === 'fetching')
    // Resumed: the count starts from what the cancelled run committed and never goes back.
    expect(fetching[0]!.records).toBeGreaterThanOrEqual(committed.get(entity) ?? 0)
    lines.reduce((prev, p) => {
      expect(p.records).toBeGreaterThanOrEqual(prev)
      return p.records
    }, 0)
    const last = lines.at(-1)!
    const total = org.store.count(entity)
    expect(last).toMatchObject({
      phase: 'done',
      mode: 'full',
      records: total,
      estimatedTotal: total,
      etaSeconds: 0
    })
    expect(last.partitions.total).toBeGreaterThan(1)
    expect(last.partitions.done).toBe(last.partitions.total)
    // The estimate was known before the end, from Monaco's counts.
    expect(fetching.some((p) => p.estimatedTotal === total && p.records < total)).toBe(true)
  }
  db.close()
}, 30_000)

test('a long pause Monaco asks for is shown, waited out and does not use up attempts', async () => {
  sim = await startOrg({ seed: 82, accounts: 20, contacts: 20, opportunities: 20 })
  const db = await freshCache('monaco-wait')
  let refusals = 0
  const source = countingMonacoSource(sourceFor(sim), async (request, _index, forward) => {
    // Six refusals in a row (more than stepAttempts), as main's limiter gives when the hourly
    // budget is spent: `rate_limited` carrying the wait.
    if (request.entity === 'contacts' && refusals < 6) {
      refusals += 1
      throw Object.assign(new Error('Monaco asked us to wait.'), {
        kind: 'RateLimited',
        retryAfterMs: 30_000,
        requestedWaitMs: 90_000
      })
    }
    return forward()
  })
  // Time runs 1,000× faster for sleeps, so 30 s waits take 30 ms.
  const clock: SyncClock = {
    now: () => Date.now(),
    setTimeout: (callback, ms) => setTimeout(callback, ms / 1000),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
  }
  const engine = createMonacoSyncEngine({ db, source, options: { clock, stepAttempts: 2 } })
  const waits: Array<RateLimitWait | null> = []
  engine.onServerWait((wait) => waits.push(wait))
  const result = await engine.run()
  expect(result.outcome).toBe('complete')
  expect(refusals).toBe(6)
  expect(waits.filter((w) => w !== null).length).toBeGreaterThan(0)
  const shown = waits.find((w) => w !== null)!
  expect(shown.requestedUntil - shown.retryAt).toBe(60_000)
  expect(waits.at(-1)).toBeNull()
  expect(engine.serverWait).toBeNull()
  expect(await db.contacts.count()).toBe(sim.store.count('contacts'))
  db.close()
}, 30_000)
