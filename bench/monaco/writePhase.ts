/**
 * WRITE PHASE of `bench:monaco`: deal creates queued through the renderer's real outbox
 * (`createOpportunity(db, draft, { provider: 'monaco' })`, fake-indexeddb) and pushed by
 * `createOutboxPusher` over `createClientMonacoWrites` — the gateway client with the real
 * Monaco limiter on the benchmark's scaled clock — against the Monaco simulator with 250 ms
 * latency, its time-scaled rate windows, and injected faults on every request the whole time:
 * 429s, 5xx (JSON and text), resets, truncated and malformed answers, and creates APPLIED and
 * then answered with nothing (connection reset) or with a gateway's 504 — the modes alternate
 * batch by batch. Creates are queued in batches, each pushed as it is queued (as the app pushes
 * on every change), then the outbox is pushed until it is empty.
 *
 * Judged from the simulator alone (writeVerdict.ts). The injected share is measured over every
 * request that arrived during the phase and reported; the phase refuses to call itself valid
 * below `MIN_FAULT_SHARE`.
 */
import 'fake-indexeddb/auto'
import { createMonacoClient, createMonacoRateLimiter } from '../../src/main/monaco'
import { createClientMonacoWrites } from '../../src/main/monaco/monacoWrites'
import { startMonacoSimulator, type RunningMonacoSimulator } from '../../src/main/monacoSimulator'
import type { FaultSettingsInput } from '../../src/main/simulator'
import { openWorkspaceCache } from '../../src/renderer/src/cache/db'
import {
  createOpportunity,
  createOutboxPusher,
  listOutboxEntries,
  type PushSummary
} from '../../src/renderer/src/outbox'
import { round } from '../stats'
import { scaledClock } from './scaledClock'
import { judgeWrites, type WriteVerdict } from './writeVerdict'
import { buildCreates } from './writeWorkload'

export const MIN_FAULT_SHARE = 0.15

/**
 * Per request: 16 % answered with a fault before anything is done or after it was done but
 * unreadable; and 15 % of writes applied, then their answer lost. Together about a quarter
 * of all requests (measured, not assumed: see `faultShare`).
 */
export const WRITE_FAULTS: FaultSettingsInput = {
  rate429: 0.03,
  rate5xxJson: 0.03,
  rate5xxText: 0.03,
  rateReset: 0.03,
  rateTruncated: 0.02,
  rateMalformed: 0.02,
  applyThenFail: 0.15,
  applyThenFailMode: 'reset',
  // What Monaco's own 429s carry; on the scaled clock, like every other wait.
  retryAfter: '1',
  seed: 1107
}

export interface WritePhaseOptions {
  creates: number
  /** Creates queued before each push. */
  batch: number
  latencyMs: number
  timeScale: number
  /** Give up draining after this long (the outbox is then reported as not empty). */
  maxDrainMs?: number
}

export interface WritePhaseResult extends WriteVerdict {
  measured: true
  creates: number
  wallMs: number
  requests: number
  /** Requests answered with an injected fault ÷ every request of the phase. */
  faultShare: number
  faults: Record<string, number>
  /** Writes applied and then answered with nothing or a 504, per mode. */
  appliedThenLost: { reset: number; gatewayTimeout: number }
  byStatus: Record<number, number>
  /** What the pusher reported, summed over every push. */
  pusher: Pick<PushSummary, 'pushed' | 'replayed' | 'reconciled' | 'failed' | 'conflicts'> & {
    pushes: number
    /**
     * Entries put back for a later push: transient failures, and mostly the limiter declining
     * to wait longer than 5 s for budget (no request sent; the drain loop pushes again).
     */
    retryLater: number
  }
  outboxRemaining: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function runWritePhase(options: WritePhaseOptions): Promise<WritePhaseResult> {
  const sim = await startMonacoSimulator({
    data: { seed: 2027, accounts: 300, contacts: 0, opportunities: 30, users: 6 },
    rateLimit: { timeScale: options.timeScale },
    faults: { latencyMs: options.latencyMs },
    onError: () => undefined
  })
  const db = await openWorkspaceCache(`bench-monaco-write-${process.pid}`)
  try {
    return await pushUnderFaults(sim, db, options)
  } finally {
    db.close()
    await db.delete()
    await sim.close()
  }
}

async function pushUnderFaults(
  sim: RunningMonacoSimulator,
  db: Awaited<ReturnType<typeof openWorkspaceCache>>,
  options: WritePhaseOptions
): Promise<WritePhaseResult> {
  const intended = buildCreates(sim, options.creates, 4242)
  // The cache as a Monaco sync leaves it: the tags (their names label the queued rows).
  await db.tags.bulkPut(
    sim.store.tags('opportunities').map((t) => ({ id: t.id, name: t.name, color: t.color }))
  )
  const client = createMonacoClient({
    apiKey: sim.apiKey,
    baseUrl: sim.url,
    limiter: createMonacoRateLimiter({ clock: scaledClock(options.timeScale) })
  })
  const pusher = createOutboxPusher({
    db,
    writes: createClientMonacoWrites(client),
    provider: 'monaco'
  })
  const total = {
    pushed: 0,
    replayed: 0,
    reconciled: 0,
    failed: 0,
    conflicts: 0,
    retryLater: 0,
    pushes: 0
  }
  const appliedThenLost = { reset: 0, gatewayTimeout: 0 }
  let mode: 'reset' | 'gateway_timeout' = 'reset'
  const push = async (): Promise<PushSummary> => {
    const before = sim.stats.faults.applyThenFail
    const summary = await pusher.pushAll({ ignoreBackoff: true })
    const lost = sim.stats.faults.applyThenFail - before
    if (mode === 'reset') appliedThenLost.reset += lost
    else appliedThenLost.gatewayTimeout += lost
    // Both ways of losing the answer to an applied write, in turn.
    mode = mode === 'reset' ? 'gateway_timeout' : 'reset'
    sim.setFaults({ applyThenFailMode: mode })
    for (const key of Object.keys(total) as (keyof typeof total)[]) {
      if (key !== 'pushes') total[key] += summary[key]
    }
    total.pushes += 1
    return summary
  }

  sim.setFaults({ ...WRITE_FAULTS, latencyMs: options.latencyMs })
  sim.resetStats()
  const started = performance.now()
  for (let i = 0; i < intended.length; i += options.batch) {
    for (const deal of intended.slice(i, i + options.batch)) {
      await createOpportunity(db, deal, { provider: 'monaco' })
    }
    await push()
  }
  const drainUntil = performance.now() + (options.maxDrainMs ?? 600_000)
  for (;;) {
    const summary = await push()
    if (summary.remaining === 0 || summary.failed + summary.conflicts > 0) break
    if (performance.now() > drainUntil) break
    // Nothing moved (the budget asked for a pause longer than the limiter waits silently).
    if (summary.pushed + summary.replayed + summary.reconciled === 0) await sleep(250)
  }
  const wallMs = performance.now() - started
  const stats = sim.stats
  sim.clearFaults()

  // An applied-then-reset write is also counted under `reset`: count each faulted request once.
  const { applyThenFail: _applied, ...answered } = stats.faults
  const injected =
    Object.values(answered).reduce((a, b) => a + b, 0) + appliedThenLost.gatewayTimeout
  return {
    measured: true,
    creates: intended.length,
    wallMs: Math.round(wallMs),
    requests: stats.requests,
    faultShare: round(injected / Math.max(1, stats.requests)),
    faults: { ...stats.faults },
    appliedThenLost,
    byStatus: stats.byStatus,
    pusher: total,
    outboxRemaining: (await listOutboxEntries(db)).length,
    ...judgeWrites(sim, intended)
  }
}
