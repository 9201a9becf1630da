/**
 * Kill the Monaco sync at random steps — a step that throws as the app quits, a cancel while a
 * step is on the wire, a transaction that dies halfway through writing a step — then start a
 * fresh engine on the same database. It must end as an exact replica, and the resumed run must
 * read exactly the records that were not committed: no gap, no duplicate.
 */
import 'fake-indexeddb/auto'
import type { DBCore } from 'dexie'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import { WorkspaceCache } from '../../../src/renderer/src/cache/db'
import { createMonacoSyncEngine } from '../../../src/renderer/src/monacoSync'
import type { SyncEngine } from '../../../src/renderer/src/sync'
import type { MonacoSource, MonacoSyncEntity } from '../../../src/shared/sync/monacoSource'
import { uniqueWorkspaceId } from '../sync/support/cache'
import { seededRandom } from '../sync/support/random'
import { countingMonacoSource } from './support/countingSource'
import {
  cachedReplica,
  ENTITIES,
  expectedReplica,
  rowsNotOnServer,
  sameReplica,
  sourceFor,
  startOrg
} from './support/org'

const SCENARIOS = 12
// One planned window per entity, so windows are split mid-pass (and crashes hit splits).
const OPTIONS = {
  pageSize: 10,
  recordsPerWindow: 30,
  maxWindows: 1,
  retryDelayMs: 1,
  stepAttempts: 2
}

let sim: RunningMonacoSimulator
let source: MonacoSource
let stepsPerSync: number

beforeAll(async () => {
  sim = await startOrg({ seed: 41, accounts: 60, contacts: 120, opportunities: 80 })
  source = sourceFor(sim)
  const db = await openCache(uniqueWorkspaceId('monaco-crash-baseline'))
  const counting = countingMonacoSource(source)
  expect(
    (await createMonacoSyncEngine({ db, source: counting, options: OPTIONS }).run()).outcome
  ).toBe('complete')
  stepsPerSync = counting.steps.length
  db.close()
})
afterAll(() => sim.close())

async function openCache(id: string, dieOnWrite?: () => boolean): Promise<WorkspaceCache> {
  const db = new WorkspaceCache(id)
  if (dieOnWrite) db.use(dieMidTransaction(dieOnWrite))
  await db.open()
  return db
}

/** Writes the step's records, then fails, as if the process died before the commit. */
function dieMidTransaction(shouldDie: () => boolean) {
  return {
    stack: 'dbcore' as const,
    name: 'die-mid-transaction',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name)
        if (!(ENTITIES as readonly string[]).includes(name)) return table
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

async function syncUntilCrash(id: string, mode: CrashMode, at: number): Promise<boolean> {
  let writes = 0
  const db = await openCache(id, mode === 'transaction' ? () => ++writes === at : undefined)
  let engine: SyncEngine | null = null
  const counting = countingMonacoSource(source, async (_request, index, forward) => {
    if (index + 1 !== at) return forward()
    if (mode === 'throw') {
      db.close()
      throw new Error('the app quit')
    }
    if (mode === 'abort') {
      const step = forward()
      // Cancel while the answer is on its way: the step must never be written.
      void step.finally(() => engine?.cancel())
      return step
    }
    return forward()
  })
  engine = createMonacoSyncEngine({ db, source: counting, options: OPTIONS })
  const result = await engine.run()
  db.close()
  return result.outcome !== 'complete'
}

async function committedRecords(
  db: WorkspaceCache
): Promise<Record<MonacoSyncEntity, number | null>> {
  const out = { accounts: null, contacts: null, opportunities: null } as Record<
    MonacoSyncEntity,
    number | null
  >
  for (const row of await db.monacoSync.toArray()) {
    if (row.pass !== null) out[row.entity] = row.pass.windows.reduce((n, w) => n + w.records, 0)
  }
  return out
}

test(`${SCENARIOS} random crash points each resume to an exact replica, reading only what was not committed`, async () => {
  const random = seededRandom(20_260_111)
  const expected = expectedReplica(sim)
  const interrupted = { throw: 0, abort: 0, transaction: 0 }
  for (let s = 0; s < SCENARIOS; s++) {
    const id = uniqueWorkspaceId(`monaco-crash-${s}`)
    const mode = MODES[s % MODES.length] as CrashMode
    const at = 1 + Math.floor(random() * stepsPerSync)
    const context = `scenario ${s}: ${mode} at ${at} of ${stepsPerSync} steps`
    if (await syncUntilCrash(id, mode, at)) interrupted[mode] += 1

    const db = await openCache(id)
    // Between crash and resume the cache holds only server records, each exactly.
    expect(rowsNotOnServer(await cachedReplica(db), expected), context).toEqual([])
    const before = await committedRecords(db)
    const resumed = countingMonacoSource(source)
    const result = await createMonacoSyncEngine({ db, source: resumed, options: OPTIONS }).run()
    expect(result.outcome, context).toBe('complete')
    const replica = await cachedReplica(db)
    if (!sameReplica(replica, expected)) expect(replica, context).toEqual(expected)
    // A pass under way resumes after its last committed step: the resumed run reads exactly
    // the records not committed (none twice, none skipped).
    for (const entity of ENTITIES) {
      const committed = before[entity]
      if (committed === null) continue
      expect(resumed.items[entity], `${context}, ${entity}`).toBe(
        expected[entity].length - committed
      )
    }
    db.close()
    await db.delete()
  }
  for (const mode of MODES) expect(interrupted[mode], mode).toBeGreaterThan(0)
}, 120_000)
