/**
 * The Monaco sync against the simulator over real HTTP, through the real gateway client: the
 * cache ends as an exact replica of accounts, contacts and opportunities under ~10 % injected
 * faults, and when records are created and deleted while a pass runs (the pass after catches
 * what a keyset walk cannot see: a backdated insert, a record deleted after it was read).
 */
import { afterEach, expect, test } from 'vitest'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import { createMonacoSyncEngine } from '../../../src/renderer/src/monacoSync'
import { freshCache } from '../sync/support/cache'
import { countingMonacoSource } from './support/countingSource'
import {
  cachedReplica,
  ENTITIES,
  expectedReplica,
  idsOf,
  rowsNotOnServer,
  sameReplica,
  sourceFor,
  startOrg
} from './support/org'

const SMALL_STEPS = { pageSize: 10, recordsPerWindow: 40, retryDelayMs: 5 }
/** One planned window per entity: fewer walks than the engine keeps in flight, so windows
 * are split while they are walked. */
const SPLITTING = { ...SMALL_STEPS, maxWindows: 1 }

let sim: RunningMonacoSimulator | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

test('under ~10 % injected faults of every kind the cache ends as an exact replica', async () => {
  sim = await startOrg({ seed: 31, accounts: 120, contacts: 240, opportunities: 150 })
  sim.setFaults({
    seed: 5,
    rate429: 0.02,
    retryAfter: '0',
    rate5xxJson: 0.02,
    rate5xxText: 0.02,
    rateReset: 0.015,
    rateTruncated: 0.015,
    rateMalformed: 0.01
  })
  const db = await freshCache('monaco-faults')
  const engine = createMonacoSyncEngine({ db, source: sourceFor(sim), options: SPLITTING })
  // A first sync, then full passes over a populated cache (where a lost step would also
  // remove rows): every one must end exact.
  for (const full of [false, true, true]) {
    const result = await engine.run({ full })
    expect(result.outcome).toBe('complete')
    const actual = await cachedReplica(db)
    const expected = expectedReplica(sim)
    if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
  }
  // One planned window each, split while walked into windows walked in parallel.
  const rows = await db.monacoSync.toArray()
  expect(rows.map((r) => r.entity).sort()).toEqual([...ENTITIES].sort())
  expect(engine.progress().map((p) => p.partitions.total > 1)).toEqual([true, true, true])
  const { faults, requests } = sim.stats
  const injected = Object.values(faults).reduce((a, b) => a + b, 0)
  expect(injected / requests).toBeGreaterThan(0.07)
  for (const kind of [
    'status429',
    'serverErrorJson',
    'serverErrorText',
    'reset',
    'truncated',
    'malformed'
  ] as const) {
    expect(faults[kind], kind).toBeGreaterThan(0)
  }
  db.close()
}, 60_000)

test('records created and deleted mid-pass: the pass ends with the server plus what it read and lost, the next pass exact', async () => {
  const org = await startOrg({ seed: 32, accounts: 100, contacts: 200, opportunities: 120 })
  sim = org
  const received = new Map<string, string[]>(ENTITIES.map((e) => [e, []]))
  const source = countingMonacoSource(sourceFor(org), async (request, _index, forward) => {
    const step = await forward()
    received.get(request.entity)?.push(...idsOf(request.entity, step.items))
    return step
  })
  const deletedAfterRead = new Set<string>()
  const backdated = new Set<string>()
  const listCalls = new Map<string, number>()
  org.onListed((entity) => {
    const calls = (listCalls.get(entity) ?? 0) + 1
    listCalls.set(entity, calls)
    if (calls !== 8) return
    const ascending = [...org.store.all(entity)].sort(
      (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)
    )
    // Someone else deletes a record this pass already read, and the newest one (not read yet
    // unless its window got there first), creates one now and one dated before all others.
    const read = received.get(entity)?.[0]
    if (read !== undefined && org.store.outOfBand.remove(entity, read)) deletedAfterRead.add(read)
    const newest = ascending.at(-1)?.id
    if (newest !== undefined && !received.get(entity)?.includes(newest)) {
      org.store.outOfBand.remove(entity, newest)
    }
    org.store.outOfBand.add(entity)
    const oldest = Date.parse(ascending[0]?.createdAt ?? '')
    const [early] = org.store.outOfBand.add(entity, {
      createdAt: new Date(oldest - 1000).toISOString().slice(0, 19) + 'Z'
    })
    if (early) backdated.add(early.id)
  })
  const db = await freshCache('monaco-drift')
  const engine = createMonacoSyncEngine({ db, source, options: SMALL_STEPS })
  expect((await engine.run()).outcome).toBe('complete')
  org.onListed(null)
  expect(deletedAfterRead.size).toBe(ENTITIES.length)
  expect(backdated.size).toBe(ENTITIES.length)

  // Every cached row is a current server record exactly, except those read and then deleted;
  // every server record is cached, except those created behind the walk.
  const afterDrift = await cachedReplica(db)
  const expected = expectedReplica(org)
  expect(rowsNotOnServer(afterDrift, expected, deletedAfterRead)).toEqual([])
  for (const entity of ENTITIES) {
    const cached = new Set(idsOf(entity, afterDrift[entity]))
    const missing = idsOf(entity, expected[entity]).filter((id) => !cached.has(id))
    expect(
      missing.every((id) => backdated.has(id)),
      entity
    ).toBe(true)
    for (const id of deletedAfterRead)
      if (received.get(entity)?.includes(id)) expect(cached.has(id)).toBe(true)
  }
  // The drift was measured and kept for the log.
  const rows = await db.monacoSync.toArray()
  expect(rows.every((r) => r.lastCountDrift !== null)).toBe(true)

  // The next full pass reads the backdated records and removes the deleted ones: exact.
  expect((await engine.run({ full: true })).outcome).toBe('complete')
  const final = await cachedReplica(db)
  if (!sameReplica(final, expectedReplica(org))) expect(final).toEqual(expectedReplica(org))
  expect((await db.monacoSync.toArray()).reduce((n, r) => n + (r.lastRemoved ?? 0), 0)).toBe(
    deletedAfterRead.size
  )
  db.close()
}, 60_000)
