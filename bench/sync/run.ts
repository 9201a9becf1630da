/**
 * `npm run bench:sync` → bench/results/sync.json
 *
 * One run, side by side, against the simulator with 250 ms latency per request and its real
 * limits (40 req/s, 20 parallel), on 10,000 customers, 50,000 activities, 2,500 opportunities
 * and 300 plans:
 * - Revdesk: the built app in Chromium (browser harness), "Explore demo data" → first full sync
 *   at the default request budget (20 req/s), into the real IndexedDB;
 * - baseline: the official chartmogul-node SDK listing every resource with its cursor loop.
 * Then the page-apply micro-benchmark in the same page, and an exact-replica check.
 */
import { join, resolve } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { createDemoRuntime } from '../../src/main/features/workspaces/demoRuntime'
import { startSimulator } from '../../src/main/simulator'
import { DEFAULT_REQUESTS_PER_SECOND } from '../../src/shared/workspace/workspace'
import { SYNC_RESOURCES, type SyncResource } from '../../src/shared/sync/pageSource'
import { launchApp } from '../../test/e2e/harness/launchApp'
import { expectedReplica } from '../../test/unit/sync/support/replica'
import type { ApplyBenchResult } from './applyBench'
import { bundleForBrowser } from './bundleForBrowser'
import { SYNC_BENCH_LATENCY_MS, SYNC_BENCH_SIZE, syncBenchDataset } from './dataset'
import { fetchEverythingWithSdk } from './sdkBaseline'
import { writeBenchResult } from '../writeResult'

const LATENCY_MS = SYNC_BENCH_LATENCY_MS
const SIZE = SYNC_BENCH_SIZE
const root = resolve(import.meta.dirname, '../..')

function log(message: string): void {
  console.log(`[bench:sync] ${message}`)
}

const dataset = syncBenchDataset()
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
await page.getByRole('button', { name: 'Explore demo data' }).click()
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
  ([resource, records]) =>
    (
      window as unknown as {
        RevdeskApplyBench: {
          runApplyBench: (r: string, x: unknown[]) => Promise<ApplyBenchResult>
        }
      }
    ).RevdeskApplyBench.runApplyBench(resource, records),
  [applyResource, expected[applyResource]] as const
)
log(
  `apply: ours ${apply.oursMs.toFixed(0)} ms, raw per page ${apply.rawPerPageMs.toFixed(0)} ms, raw single ${apply.rawSingleMs.toFixed(0)} ms`
)
await app.close()

// ---- Baseline: the official SDK ---------------------------------------------------------
simulator.resetStats()
const sdkStarted = performance.now()
const sdkCounts = await fetchEverythingWithSdk(simulator.url, simulator.apiKey)
const sdkWallMs = performance.now() - sdkStarted
const sdkStats = simulator.stats
log(
  `SDK listed everything in ${(sdkWallMs / 1000).toFixed(1)} s with ${sdkStats.requests} requests`
)
await simulator.close()

const achievedRate = revdeskStats.requests / (revdeskWallMs / 1000)
const result = {
  generatedAt: new Date().toISOString(),
  setup: {
    latencyMs: LATENCY_MS,
    serverLimits: { requestsPerSecond: 40, parallelConnections: 20 },
    dataset: SIZE,
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
  ratio: round(revdeskWallMs / sdkWallMs),
  budgetUse: round(achievedRate / DEFAULT_REQUESTS_PER_SECOND),
  applyBench: {
    resource: applyResource,
    ...apply,
    oursRecordsPerSec: Math.round(apply.records / (apply.oursMs / 1000)),
    rawPerPageRecordsPerSec: Math.round(apply.records / (apply.rawPerPageMs / 1000)),
    rawSingleRecordsPerSec: Math.round(apply.records / (apply.rawSingleMs / 1000))
  },
  /** Our page-apply throughput over one raw bulkPut of all the same records (the stricter baseline). */
  applyVsRawBulkPut: round(apply.rawSingleMs / apply.oursMs),
  applyVsRawPerPageBulkPut: round(apply.rawPerPageMs / apply.oursMs),
  replicaExact,
  replicaMismatches: mismatches,
  targets: {
    ratio: '<= 0.3',
    budgetUse: '>= 0.8',
    http429: '= 0',
    applyVsRawBulkPut: '>= 0.8',
    replicaExact: 'true'
  }
}
const met = {
  ratio: result.ratio <= 0.3,
  budgetUse: result.budgetUse >= 0.8,
  http429: result.revdesk.http429 === 0,
  applyVsRawBulkPut: result.applyVsRawBulkPut >= 0.8,
  replicaExact
}
const out = writeBenchResult('sync', result, met)
log(`wrote ${out}`)
console.log(
  JSON.stringify(
    {
      ratio: result.ratio,
      budgetUse: result.budgetUse,
      http429: result.revdesk.http429,
      applyVsRawBulkPut: result.applyVsRawBulkPut,
      replicaExact,
      met
    },
    null,
    2
  )
)

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
