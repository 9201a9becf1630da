/**
 * `npm run bench:sync` → bench/results/sync.json
 *
 * One run, side by side, against the simulator with 250 ms latency per request and its real
 * limits (40 req/s, 20 parallel), on 10,000 customers, 50,000 activities, 2,500 opportunities
 * and 300 plans:
 * - Revdesk: the built app in Chromium (browser harness), "Open ChartMogul demo" → first full sync
 *   at the default request budget (20 req/s), into the real IndexedDB;
 * - baselines: the official chartmogul-node SDK listing every resource with its cursor loop, one
 *   resource after another (`sdkBaseline`) and all four loops at once (`sdkParallelBaseline`,
 *   the one a user scripting for speed would write: `ratioVsParallelSdk`, target ≤ 0.35). Both
 *   against the same simulator, latency and server limits; the SDK has no client-side budget,
 *   and four cursor loops never reach Revdesk's 20 req/s (≤ 4 in flight × 4 per second).
 * - limitRatio: Revdesk's wall time over the physical floor, minimum requests (one per full page
 *   of 200 per resource) ÷ the request budget (target ≤ 1.15); see physicalLimit.ts.
 * Then the page-apply micro-benchmark in the same page (variants interleaved over rounds, medians;
 * see applyBench.ts), and an exact-replica check.
 *
 * BENCH_QUICK=1: a smoke run on a tenth of the account with 3 apply rounds, to prove the code
 * works; its figures are not comparable. The full run takes about 6 minutes (Revdesk ~20 s,
 * sequential SDK ~80 s, parallel SDK ~65 s, apply rounds ~3 min, plus set-up).
 */
import { join, resolve } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { createDemoRuntime } from '../../src/main/features/workspaces/demoRuntime'
import { startSimulator } from '../../src/main/simulator'
import { DEFAULT_REQUESTS_PER_SECOND } from '../../src/shared/workspace/workspace'
import { SYNC_RESOURCES, type SyncResource } from '../../src/shared/sync/pageSource'
import { launchApp } from '../../test/e2e/harness/launchApp'
import { expectedReplica } from '../../test/unit/sync/support/replica'
import { APPLY_VARIANTS, type ApplyBenchResult, type ApplyVariant } from './applyBench'
import { bundleForBrowser } from './bundleForBrowser'
import {
  SYNC_BENCH_LATENCY_MS,
  SYNC_BENCH_QUICK_SIZE,
  SYNC_BENCH_SIZE,
  syncBenchDataset
} from './dataset'
import { limitRatio, physicalLimit } from './physicalLimit'
import {
  fetchEverythingWithSdk,
  fetchEverythingWithSdkInParallel,
  SDK_PER_PAGE
} from './sdkBaseline'
import { atLeast, atMost, median, round, type Target } from '../stats'
import { writeBenchResult } from '../writeResult'

const QUICK = process.env['BENCH_QUICK'] === '1'
const LATENCY_MS = SYNC_BENCH_LATENCY_MS
const SIZE = QUICK ? SYNC_BENCH_QUICK_SIZE : SYNC_BENCH_SIZE
const APPLY_ROUNDS = QUICK ? 3 : APPLY_VARIANTS.length
const root = resolve(import.meta.dirname, '../..')

function log(message: string): void {
  console.log(`[bench:sync] ${message}`)
}

const dataset = syncBenchDataset(SIZE)
const simulator = await startSimulator({
  apiKey: 'bench-key',
  data: dataset,
  faults: { latencyMs: LATENCY_MS }
})
log(`simulator on ${simulator.url} with ${LATENCY_MS} ms latency`)

// ---- Revdesk, in Chromium --------------------------------------------------------------
const demo = createDemoRuntime(async () => ({
  url: simulator.url,
  apiKey: simulator.apiKey,
  close: async () => {}
}))
const app = await launchApp({ demo })
const { page } = app
simulator.resetStats()
const started = performance.now()
await page.getByRole('button', { name: 'Open ChartMogul demo' }).click()
if (process.env['BENCH_SECTION']) {
  // Diagnostic: sync while another section is on screen.
  await page.getByRole('button', { name: process.env['BENCH_SECTION'] }).click()
}
const status = page.getByRole('contentinfo', { name: 'Status' })
for (;;) {
  const text = (await status.textContent()) ?? ''
  if (text.includes('Last synced')) break
  if (performance.now() - started > 15 * 60_000) throw new Error(`sync did not finish: ${text}`)
  await new Promise((r) => setTimeout(r, 50))
}
const revdeskWallMs = performance.now() - started
const revdeskStats = simulator.stats
log(
  `Revdesk synced in ${(revdeskWallMs / 1000).toFixed(1)} s with ${revdeskStats.requests} requests`
)

// Exact replica: every row in the real IndexedDB (minus bookkeeping) equals the simulator's
// record mapped through the gateway's own mappers.
const cached = await page.evaluate(async (tables: readonly string[]) => {
  const db = await new Promise<IDBDatabase>((res, rej) => {
    const open = indexedDB.open('revdesk-demo')
    open.onsuccess = () => res(open.result)
    open.onerror = () => rej(open.error)
  })
  const out: Record<string, unknown[]> = {}
  for (const table of tables) {
    out[table] = await new Promise<unknown[]>((res, rej) => {
      const req = db.transaction(table).objectStore(table).getAll()
      req.onsuccess = () => res(req.result)
      req.onerror = () => rej(req.error)
    })
  }
  db.close()
  return out
}, SYNC_RESOURCES)
const expected = expectedReplica(simulator)
const mismatches: string[] = []
let cachedRecords = 0
for (const resource of SYNC_RESOURCES) {
  const rows = (cached[resource] ?? []).map((row) =>
    Object.fromEntries(Object.entries(row as object).filter(([k]) => !k.startsWith('_')))
  ) as { uuid: string }[]
  rows.sort((a, b) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0))
  cachedRecords += rows.length
  if (!isDeepStrictEqual(rows, expected[resource])) {
    mismatches.push(`${resource}: cached ${rows.length}, expected ${expected[resource].length}`)
  }
}
const replicaExact = mismatches.length === 0
log(replicaExact ? 'replica exact' : `replica differs: ${mismatches.join('; ')}`)

// Page-apply throughput vs raw bulkPut, in the same page.
const script = await bundleForBrowser(join(root, 'bench/sync/applyBench.ts'), 'RevdeskApplyBench')
await page.evaluate(script)
const applyResource: SyncResource = 'activities'
const apply = await page.evaluate(
  ([resource, records, rounds]) =>
    (
      window as unknown as {
        RevdeskApplyBench: {
          runApplyBench: (r: string, x: unknown[], n: number) => Promise<ApplyBenchResult>
        }
      }
    ).RevdeskApplyBench.runApplyBench(resource, records, rounds),
  [applyResource, expected[applyResource], APPLY_ROUNDS] as const
)
await app.close()
for (const variant of APPLY_VARIANTS) {
  const short = apply.rowsWritten[variant].filter((rows) => rows !== apply.records)
  if (short.length > 0) throw new Error(`apply ${variant} wrote ${short.join('/')} rows`)
}
const applyMedianMs = Object.fromEntries(
  APPLY_VARIANTS.map((v) => [v, median(apply.samples[v])])
) as Record<ApplyVariant, number>
log(
  `apply (${apply.rounds} rounds, rotated): ${APPLY_VARIANTS.map((v) => `${v} ${apply.samples[v].map((ms) => ms.toFixed(0)).join('/')} ms`).join('; ')}`
)

// ---- Baseline: the official SDK ---------------------------------------------------------
simulator.resetStats()
const sdkStarted = performance.now()
const sdkCounts = await fetchEverythingWithSdk(simulator.url, simulator.apiKey)
const sdkWallMs = performance.now() - sdkStarted
const sdkStats = simulator.stats
log(
  `SDK listed everything in ${(sdkWallMs / 1000).toFixed(1)} s with ${sdkStats.requests} requests`
)

// ---- Baseline: the official SDK, the four cursor loops at once ------------------------------
simulator.resetStats()
const sdkParallelStarted = performance.now()
const sdkParallelCounts = await fetchEverythingWithSdkInParallel(simulator.url, simulator.apiKey)
const sdkParallelWallMs = performance.now() - sdkParallelStarted
const sdkParallelStats = simulator.stats
log(
  `SDK (parallel) listed everything in ${(sdkParallelWallMs / 1000).toFixed(1)} s with ${sdkParallelStats.requests} requests`
)
await simulator.close()

const recordsPerResource = Object.fromEntries(
  SYNC_RESOURCES.map((r) => [r, expected[r].length])
) as Record<SyncResource, number>
const limit = physicalLimit(recordsPerResource, SDK_PER_PAGE, DEFAULT_REQUESTS_PER_SECOND)
for (const [name, counts] of [
  ['sdkBaseline', sdkCounts],
  ['sdkParallelBaseline', sdkParallelCounts]
] as const) {
  for (const r of SYNC_RESOURCES) {
    if (counts[r] !== recordsPerResource[r]) {
      throw new Error(`${name} listed ${counts[r]} ${r}, the account has ${recordsPerResource[r]}`)
    }
  }
}

const achievedRate = revdeskStats.requests / (revdeskWallMs / 1000)
const result = {
  generatedAt: new Date().toISOString(),
  setup: {
    latencyMs: LATENCY_MS,
    serverLimits: { requestsPerSecond: 40, parallelConnections: 20 },
    dataset: SIZE,
    quick: QUICK,
    revdeskBudgetRequestsPerSecond: DEFAULT_REQUESTS_PER_SECOND,
    machine: { cores: (await import('node:os')).cpus().length }
  },
  revdesk: {
    wallMs: Math.round(revdeskWallMs),
    requests: revdeskStats.requests,
    http429: revdeskStats.status429,
    http503: revdeskStats.status503,
    records: cachedRecords,
    recordsPerSec: Math.round(cachedRecords / (revdeskWallMs / 1000)),
    maxConcurrency: revdeskStats.maxConcurrency
  },
  sdkBaseline: {
    wallMs: Math.round(sdkWallMs),
    requests: sdkStats.requests,
    http429: sdkStats.status429,
    records: Object.values(sdkCounts).reduce((a, b) => a + b, 0)
  },
  sdkParallelBaseline: {
    wallMs: Math.round(sdkParallelWallMs),
    requests: sdkParallelStats.requests,
    http429: sdkParallelStats.status429,
    http503: sdkParallelStats.status503,
    records: Object.values(sdkParallelCounts).reduce((a, b) => a + b, 0),
    maxConcurrency: sdkParallelStats.maxConcurrency,
    achievedReqPerSec: round(sdkParallelStats.requests / (sdkParallelWallMs / 1000)),
    fairness:
      'same simulator, data, latency and server limits as Revdesk; no client budget needed: four cursor loops keep at most 4 requests in flight, under Revdesk budget of 20 req/s'
  },
  /** Our wall time over the sequential SDK's. */
  ratio: round(revdeskWallMs / sdkWallMs),
  /** Our wall time over the parallel SDK's: the strongest baseline a user would script. */
  ratioVsParallelSdk: round(revdeskWallMs / sdkParallelWallMs),
  /** Our wall time over the physical floor (minimum requests ÷ budget). */
  limitRatio: round(limitRatio(revdeskWallMs, limit)),
  physicalLimit: {
    ...limit,
    floorMs: Math.round(limit.floorMs),
    /** The sequential SDK walks every cursor to its end: it must make exactly the minimum. */
    sdkRequestsEqualMinimum: sdkStats.requests === limit.minimumRequests,
    revdeskExtraRequests: revdeskStats.requests - limit.minimumRequests
  },
  budgetUse: round(achievedRate / DEFAULT_REQUESTS_PER_SECOND),
  applyBench: {
    resource: applyResource,
    records: apply.records,
    pages: apply.pages,
    pagesPerCommit: apply.pagesPerCommit,
    rounds: apply.rounds,
    order: apply.order,
    medianMs: Object.fromEntries(APPLY_VARIANTS.map((v) => [v, round(applyMedianMs[v], 1)])),
    medianRecordsPerSec: Object.fromEntries(
      APPLY_VARIANTS.map((v) => [v, Math.round(apply.records / (applyMedianMs[v] / 1000))])
    ),
    worstMs: Object.fromEntries(
      APPLY_VARIANTS.map((v) => [v, round(Math.max(...apply.samples[v]), 1)])
    ),
    samplesMs: Object.fromEntries(
      APPLY_VARIANTS.map((v) => [v, apply.samples[v].map((ms) => round(ms, 1))])
    )
  },
  /** Raw bulkPut at the page writer's own batch (pagesPerCommit pages) over ours, medians. */
  applyVsRawSameBatch: round(applyMedianMs.rawSameBatch / applyMedianMs.ours),
  /** One raw bulkPut of everything over ours, medians (the fastest raw write). */
  applyVsRawBulkPut: round(applyMedianMs.rawSingle / applyMedianMs.ours),
  /** One raw bulkPut per page over ours, medians. */
  applyVsRawPerPageBulkPut: round(applyMedianMs.rawPerPage / applyMedianMs.ours),
  replicaExact,
  replicaMismatches: mismatches
}
const targets: Record<string, Target> = {
  ratio: atMost(result.ratio, 0.3),
  ratioVsParallelSdk: atMost(result.ratioVsParallelSdk, 0.35),
  limitRatio: atMost(result.limitRatio, 1.15),
  budgetUse: atLeast(result.budgetUse, 0.8),
  http429: atMost(result.revdesk.http429, 0),
  applyVsRawSameBatch: atLeast(result.applyVsRawSameBatch, 0.8),
  applyVsRawBulkPut: atLeast(result.applyVsRawBulkPut, 0.8),
  replicaExact: { target: 'true', value: replicaExact, met: replicaExact }
}
const met = Object.fromEntries(Object.entries(targets).map(([k, t]) => [k, t.met]))
const out = writeBenchResult('sync', { ...result, targets }, met)
log(`wrote ${out}`)
console.log(
  JSON.stringify(
    {
      ratio: result.ratio,
      ratioVsParallelSdk: result.ratioVsParallelSdk,
      limitRatio: result.limitRatio,
      budgetUse: result.budgetUse,
      http429: result.revdesk.http429,
      applyVsRawSameBatch: result.applyVsRawSameBatch,
      applyVsRawBulkPut: result.applyVsRawBulkPut,
      replicaExact,
      met
    },
    null,
    2
  )
)
