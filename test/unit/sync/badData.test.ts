/**
 * Bad data is counted and reported, never fatal and never written: malformed records are
 * skipped (and a cached good copy is kept), a bad page is retried, and a partition that keeps
 * failing is marked errored — its checkpoint unmoved — while everything else completes.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { BadResponseError } from '../../../src/main/chartmogul'
import type { PartitionSyncState } from '../../../src/renderer/src/cache/syncState'
import { createSyncEngine } from '../../../src/renderer/src/sync'
import { loadResourceState } from '../../../src/renderer/src/sync/passStore'
import { freshCache } from './support/cache'
import { readCheckpoints, resumeCost } from './support/checkpoints'
import { countingSource } from './support/countingSource'
import { cachedReplica, expectedReplica, sameReplica } from './support/replica'
import { startSimulatedAccount, type SimulatedAccount } from './support/simulatorSource'

let account: SimulatedAccount
beforeAll(async () => {
  account = await startSimulatedAccount({ seed: 81, customers: 800, fast: true })
})
afterAll(() => account.close())

// 16 pages of customers: split by status (the default wants 28 pages before splitting pays off).
const OPTIONS = { perPage: 50, retryDelayMs: 1, pageAttempts: 3, pagesPerPartition: 1 }
/** Planning's exact counts (one record per page) are left alone by these tests. */
const isCount = (request: { perPage?: number }) => request.perPage === 1

test('malformed records are skipped and reported; a cached good copy survives them', async () => {
  const db = await freshCache('skipped')
  // The gateway reports records that failed validation in `skipped`; here the first customer
  // of every page arrives malformed.
  let malformed = true
  const broken = new Set<string>()
  let probes = 0
  const source = countingSource(account.source, async (request, _index, forward) => {
    const page = await forward()
    // The planning probe (unfiltered first page) is left intact, to count exactly.
    const probe =
      request.resource === 'customers' &&
      request.cursor === undefined &&
      !('status' in request.query) &&
      !isCount(request)
    if (probe) probes += 1
    if (
      !malformed ||
      probe ||
      isCount(request) ||
      request.resource !== 'customers' ||
      page.items.length === 0
    )
      return page
    const [first, ...rest] = page.items
    broken.add(first?.uuid as string)
    return {
      ...page,
      items: rest,
      skipped: [
        { index: 0, id: first?.uuid, issues: [{ path: 'mrr', message: 'must be whole cents' }] }
      ]
    }
  })
  const engine = createSyncEngine({ db, source, options: OPTIONS })

  const first = await engine.run()
  expect(first.outcome).toBe('complete')
  const customers = engine.progress().find((p) => p.resource === 'customers')
  expect(customers?.skipped).toBe(broken.size)
  expect(customers?.records).toBe(account.sim.store.customers().length - broken.size)
  expect(await db.customers.bulkGet([...broken])).toEqual([...broken].map(() => undefined))
  // Skipped records were still listed: no unfiltered fallback was needed to "find" them.
  expect((await loadResourceState(db, 'customers')).lastPass?.fellBack).toBe(false)
  expect(probes).toBe(1)
  const rows = await db.syncState.where('resource').equals('customers').toArray()
  const partitions = rows.filter((r): r is PartitionSyncState => r.kind === 'partition')
  expect(partitions.flatMap((p) => p.lastSkipped.map((s) => s.id)).sort()).toEqual(
    [...broken].sort()
  )

  // Once they arrive intact they are cached; when they break again, the good copy is kept.
  malformed = false
  await engine.run()
  malformed = true
  broken.clear()
  await engine.run()
  expect(broken.size).toBeGreaterThan(0)
  expect((await loadResourceState(db, 'customers')).lastPass?.removed).toBe(0)
  const actual = await cachedReplica(db)
  const expected = expectedReplica(account.sim)
  if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
  db.close()
})

test('a page that fails once is retried; one that keeps failing errors only its partition', async () => {
  const db = await freshCache('bad-pages')
  let failOnceLeft = 1
  let activeFetches = 0
  const source = countingSource(account.source, async (request, _index, forward) => {
    const query = request.query as { status?: string }
    if (request.resource === 'activities' && request.cursor !== undefined && failOnceLeft > 0) {
      failOnceLeft -= 1
      throw new BadResponseError('HTTP 200 body is not JSON: {"entries":[{"uu')
    }
    // The biggest customer partition breaks for good after its first page.
    if (query.status === 'Active' && !isCount(request) && (activeFetches += 1) > 1) {
      throw new Error('Unexpected end of JSON input')
    }
    return forward()
  })
  const engine = createSyncEngine({ db, source, options: OPTIONS })
  const result = await engine.run()

  expect(result.outcome).toBe('partial')
  expect(result.resources).toEqual({
    customers: 'partial',
    plans: 'complete',
    activities: 'complete',
    opportunities: 'complete'
  })
  expect(engine.status).toBe('error')
  // 1 retry for the activity page + 2 for the Active page before giving up (3 attempts).
  expect(result.retries).toBe(3)
  const customers = engine.progress().find((p) => p.resource === 'customers')
  expect(customers).toMatchObject({ phase: 'partial', partitions: { errored: 1 } })
  expect(customers?.lastError?.message).toBe('Unexpected end of JSON input')

  const active = (await db.syncState.get('customers/status:Active')) as PartitionSyncState
  expect(active).toMatchObject({ pages: 1, done: false, lastError: { kind: 'error' } })
  expect(active.cursor).not.toBeNull()
  const state = await loadResourceState(db, 'customers')
  expect(state.pass).not.toBeNull() // not complete, so nothing was swept
  expect(state.lastError?.message).toBe('Unexpected end of JSON input')

  // The next run, with the server healthy again, resumes only what is missing.
  const before = await readCheckpoints(db)
  const resumed = countingSource(account.source)
  expect((await createSyncEngine({ db, source: resumed, options: OPTIONS }).run()).outcome).toBe(
    'complete'
  )
  for (const row of await resumeCost(db, before, resumed)) {
    expect(row.requests, row.resource).toBe(row.uncommittedPages)
  }
  const actual = await cachedReplica(db)
  const expected = expectedReplica(account.sim)
  if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
  expect((await loadResourceState(db, 'customers')).lastError).toBeNull()
  db.close()
})

test('a saved cursor the server no longer accepts restarts that partition from the top', async () => {
  const db = await freshCache('stale-cursor')
  let cancelAfter = 3
  const engine = createSyncEngine({ db, source: account.source, options: OPTIONS })
  engine.onProgress((p) => {
    if (p.resource === 'activities' && p.pages >= cancelAfter) {
      cancelAfter = Infinity
      engine.cancel()
    }
  })
  await engine.run()
  // Cursors "expire": the first resumed request with a cursor is refused as invalid.
  let refused = 0
  const source = countingSource(account.source, async (request, _index, forward) => {
    // The activities pass was interrupted: its first request resumes from a saved cursor.
    if (request.resource === 'activities' && request.cursor !== undefined && refused === 0) {
      refused += 1
      throw Object.assign(new Error('Parameter "cursor" is invalid'), { kind: 'Validation' })
    }
    return forward()
  })
  const result = await createSyncEngine({ db, source, options: OPTIONS }).run()
  expect(refused).toBe(1)
  expect(result.outcome).toBe('complete')
  const actual = await cachedReplica(db)
  const expected = expectedReplica(account.sim)
  if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
  db.close()
})
