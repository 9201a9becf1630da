/**
 * Kill the sync at random moments — a fetch that throws as the process dies, an abort while a
 * page is on the wire, a transaction that dies halfway through writing a page — then start a
 * fresh engine on the same database. Every run must end as an exact replica, and the resumed
 * run must fetch exactly the pages that were not committed: no gaps, no duplicates.
 */
import 'fake-indexeddb/auto'
import type { DBCore } from 'dexie'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { WorkspaceCache } from '../../../src/renderer/src/cache/db'
import { createSyncEngine, type SyncEngine } from '../../../src/renderer/src/sync'
import { SYNC_RESOURCES } from '../../../src/shared/sync/pageSource'
import { uniqueWorkspaceId } from './support/cache'
import { readCheckpoints, resumeCost } from './support/checkpoints'
import { countingSource } from './support/countingSource'
import { seededRandom } from './support/random'
import { cachedReplica, corruptRows, expectedReplica, sameReplica } from './support/replica'
import { startSimulatedAccount, type SimulatedAccount } from './support/simulatorSource'

const SCENARIOS = 25
const CRASHES_PER_SCENARIO = 2
const PER_PAGE = 25
const ENGINE_OPTIONS = { perPage: PER_PAGE, retryDelayMs: 1, pageAttempts: 2 }

let account: SimulatedAccount
let expected: ReturnType<typeof expectedReplica>
let requestsPerSync: number

beforeAll(async () => {
  account = await startSimulatedAccount({ seed: 11, customers: 250, fast: true })
  expected = expectedReplica(account.sim)
  // One clean sync tells how many requests a whole sync takes, the range of crash points.
  const db = await openCache(uniqueWorkspaceId('crash-baseline'))
  const source = countingSource(account.source)
  const result = await createSyncEngine({ db, source, options: ENGINE_OPTIONS }).run()
  expect(result.outcome).toBe('complete')
  requestsPerSync = source.requests.length
  db.close()
})
afterAll(() => account.close())

async function openCache(id: string, crashOnWrite?: () => boolean): Promise<WorkspaceCache> {
  const db = new WorkspaceCache(id)
  if (crashOnWrite) db.use(dieMidTransaction(crashOnWrite))
  await db.open()
  return db
}

/** Writes the batch, then fails, as if the process died before the transaction committed. */
function dieMidTransaction(shouldDie: () => boolean) {
  return {
    stack: 'dbcore' as const,
    name: 'die-mid-transaction',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name)
        if (!(SYNC_RESOURCES as readonly string[]).includes(name)) return table
        return {
          ...table,
          mutate: async (request) => {
            const result = await table.mutate(request)
            if (request.type === 'put' && shouldDie()) throw new Error('power cut mid-transaction')
            return result
          }
        }
      }
    })
  }
}

type CrashMode = 'throw' | 'abort' | 'transaction'
const MODES: CrashMode[] = ['throw', 'abort', 'transaction']

interface Crash {
  mode: CrashMode
  /** 1-based index of the request at which the process "dies". */
  atRequest: number
  /** For `transaction`: 1-based index of the record write that never commits. */
  atWrite: number
}

/** Runs a sync that dies as described; returns whether it was actually interrupted. */
async function syncUntilCrash(id: string, crash: Crash): Promise<{ interrupted: boolean }> {
  let writes = 0
  const db = await openCache(
    id,
    crash.mode === 'transaction' ? () => ++writes === crash.atWrite : undefined
  )
  let engine: SyncEngine | null = null
  const source = countingSource(account.source, async (_request, index, forward) => {
    if (index + 1 !== crash.atRequest) return forward()
    if (crash.mode === 'throw') {
      db.close()
      throw new Error('the app quit')
    }
    if (crash.mode === 'abort') {
      const page = forward()
      // Cancel while the response is on its way: the page must never be written.
      void page.finally(() => engine?.cancel())
      return page
    }
    return forward()
  })
  engine = createSyncEngine({ db, source, options: ENGINE_OPTIONS })
  const result = await engine.run()
  db.close()
  return { interrupted: result.outcome !== 'complete' }
}

/** Between crashes the cache holds only server records, each exactly as the server has it. */
async function expectNothingCorrupt(id: string, context: string): Promise<void> {
  const db = await openCache(id)
  const cached = await cachedReplica(db)
  db.close()
  expect(corruptRows(cached, expected), context).toEqual([])
}

test(`${SCENARIOS * CRASHES_PER_SCENARIO} random crash points all end as exact replicas`, async () => {
  const random = seededRandom(20_260_101)
  const interrupted = { throw: 0, abort: 0, transaction: 0 }

  for (let s = 0; s < SCENARIOS; s++) {
    const id = uniqueWorkspaceId(`crash-${s}`)
    const crashes: string[] = []
    for (let c = 0; c < CRASHES_PER_SCENARIO; c++) {
      // The first crash anywhere in a sync; later ones early in the resumed run.
      const span = c === 0 ? requestsPerSync : Math.ceil(requestsPerSync / 3)
      const crash: Crash = {
        mode: MODES[Math.floor(random() * MODES.length)] as CrashMode,
        atRequest: 1 + Math.floor(random() * span),
        atWrite: 1 + Math.floor(random() * span)
      }
      crashes.push(
        `${crash.mode}@${crash.mode === 'transaction' ? `write ${crash.atWrite}` : `request ${crash.atRequest}`}`
      )
      const { interrupted: hit } = await syncUntilCrash(id, crash)
      if (hit) interrupted[crash.mode] += 1
      await expectNothingCorrupt(id, `scenario ${s} after ${crashes.join(', ')}`)
    }
    const context = `scenario ${s}: ${crashes.join(', ')} of ~${requestsPerSync} requests`

    // A fresh engine on the same database finishes the job.
    const db = await openCache(id)
    const before = await readCheckpoints(db)
    const resumed = countingSource(account.source)
    const result = await createSyncEngine({ db, source: resumed, options: ENGINE_OPTIONS }).run()
    expect(result.outcome, context).toBe('complete')
    const replica = await cachedReplica(db)
    if (!sameReplica(replica, expected)) expect(replica, context).toEqual(expected)

    // Resuming costs exactly the pages that were not committed before the crash.
    for (const row of await resumeCost(db, before, resumed)) {
      expect(row.requests, `${context}, ${row.resource}`).toBe(row.uncommittedPages)
    }
    db.close()
    await db.delete()
  }
  // Each kind of crash really interrupted runs (a late crash point may fall after the end).
  const total = SCENARIOS * CRASHES_PER_SCENARIO
  for (const mode of MODES) expect(interrupted[mode], mode).toBeGreaterThan(total / 6)
}, 120_000)
