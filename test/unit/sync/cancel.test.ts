/**
 * `cancel()` reaches into the requests themselves: a run whose requests hang on the server
 * still ends at once, issues nothing more, and the next run resumes where it stopped.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createSyncEngine } from '../../../src/renderer/src/sync'
import { freshCache } from './support/cache'
import { readCheckpoints, resumeCost } from './support/checkpoints'
import { countingSource } from './support/countingSource'
import { cachedReplica, expectedReplica, sameReplica } from './support/replica'
import { startSimulatedAccount, type SimulatedAccount } from './support/simulatorSource'

let account: SimulatedAccount
beforeAll(async () => {
  account = await startSimulatedAccount({ seed: 61, customers: 800, fast: true })
})
afterAll(() => account.close())

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2))
}

test('cancel stops a run with requests in flight, and the next run resumes', async () => {
  const db = await freshCache('cancel')
  const source = countingSource(account.source)
  const engine = createSyncEngine({ db, source, options: { perPage: 50 } })
  let pages = 0
  let release = null as (() => void) | null
  engine.onProgress(() => {
    pages = engine.progress().reduce((n, p) => n + p.pages, 0)
    // After some progress, the server stops answering.
    if (pages >= 10 && release === null) release = account.sim.holdRequests()
  })

  const running = engine.run()
  await until(() => release !== null && account.sim.stats.inFlight > 0)
  const requestsAtCancel = source.requests.length
  engine.cancel()
  const result = await running // settles while the server still holds the requests
  release?.()

  expect(result.outcome).toBe('cancelled')
  expect(engine.status).toBe('idle')
  expect(engine.running).toBe(false)
  expect(source.requests.length).toBe(requestsAtCancel)
  expect(engine.progress().every((p) => p.phase === 'stopped' || p.phase === 'done')).toBe(true)

  const before = await readCheckpoints(db)
  const resumed = countingSource(account.source)
  const second = await createSyncEngine({ db, source: resumed, options: { perPage: 50 } }).run()
  expect(second.outcome).toBe('complete')
  const actual = await cachedReplica(db)
  const expected = expectedReplica(account.sim)
  if (!sameReplica(actual, expected)) expect(actual).toEqual(expected)
  for (const row of await resumeCost(db, before, resumed)) {
    expect(row.requests, row.resource).toBe(row.uncommittedPages)
  }
  db.close()
})

test('a run asked for while one is going joins it', async () => {
  const db = await freshCache('join')
  const source = countingSource(account.source)
  const engine = createSyncEngine({ db, source })
  const [a, b] = await Promise.all([engine.run(), engine.run()])
  expect(a).toBe(b)
  expect(a.requests).toBe(source.requests.length)
  db.close()
})
