/**
 * Diagnostic for bench:sync (not a benchmark): the same first sync as bench:sync, but the
 * engine runs in Node over fake-indexeddb, so writes are not the bottleneck and the schedule
 * (planning, partitions, priorities, tail) is what shows. Run: `npx tsx bench/sync/nodeRun.ts`.
 */
import 'fake-indexeddb/auto'
import { createChartMogulClient } from '../../src/main/chartmogul'
import { createClientPageSource } from '../../src/main/features/sync/clientPageSource'
import { startSimulator } from '../../src/main/simulator'
import { SYNC_BENCH_LATENCY_MS, syncBenchDataset } from './dataset'
import { openWorkspaceCache } from '../../src/renderer/src/cache'
import { createSyncEngine } from '../../src/renderer/src/sync'

const dataset = syncBenchDataset()
const simulator = await startSimulator({
  apiKey: 'k',
  data: dataset,
  faults: { latencyMs: SYNC_BENCH_LATENCY_MS }
})
const client = createChartMogulClient({ apiKey: 'k', baseUrl: simulator.url, userAgent: 'diag' })
const db = await openWorkspaceCache(`diag-${Date.now()}`)
const engine = createSyncEngine({ db, source: createClientPageSource(client) })
simulator.resetStats()
const started = performance.now()
const result = await engine.run()
const wallMs = performance.now() - started
const requests = simulator.stats.requests
console.log(
  JSON.stringify({
    outcome: result.outcome,
    wallMs: Math.round(wallMs),
    requests,
    budgetUse: Number((requests / (wallMs / 1000) / 20).toFixed(3)),
    http429: simulator.stats.status429
  })
)
db.close()
await simulator.close()
