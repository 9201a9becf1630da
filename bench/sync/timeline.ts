/**
 * Diagnostic for bench:sync (not a benchmark): the first demo sync in Chromium with every HTTP
 * request main sends logged, printed as requests started per second by resource, plus when each
 * resource's first and last request went out. Run: `npx tsx bench/sync/timeline.ts`.
 */
import { createDemoRuntime } from '../../src/main/features/workspaces/demoRuntime'
import { startSimulator } from '../../src/main/simulator'
import { SYNC_BENCH_LATENCY_MS, syncBenchDataset } from './dataset'
import { launchApp } from '../../test/e2e/harness/launchApp'

const dataset = syncBenchDataset()
const simulator = await startSimulator({
  apiKey: 'k',
  data: dataset,
  faults: { latencyMs: SYNC_BENCH_LATENCY_MS }
})
const log: { at: number; done: number; path: string; query: string }[] = []
const realFetch = globalThis.fetch
let t0 = 0
globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  const parsed = new URL(url)
  const entry = { at: performance.now() - t0, done: 0, path: parsed.pathname, query: parsed.search }
  log.push(entry)
  try {
    return await realFetch(input, init)
  } finally {
    entry.done = performance.now() - t0
  }
}
const demo = createDemoRuntime(async () => ({
  url: simulator.url,
  apiKey: simulator.apiKey,
  close: async () => {}
}))
const app = await launchApp({ demo })
const status = app.page.getByRole('contentinfo', { name: 'Status' })
t0 = performance.now()
await app.page.getByRole('button', { name: 'Open ChartMogul demo' }).click()
for (;;) {
  if (((await status.textContent()) ?? '').includes('Last synced')) break
  await new Promise((r) => setTimeout(r, 50))
}
const wall = performance.now() - t0
console.log(`wall ${(wall / 1000).toFixed(1)} s, ${log.length} requests`)
const seconds = Math.ceil(wall / 1000)
const resources = [...new Set(log.map((e) => e.path.split('/')[2] ?? '?'))]
console.log(`sec  ${resources.map((r) => r.slice(0, 6).padStart(6)).join(' ')}  inflight`)
for (let s = 0; s < seconds; s++) {
  const inSecond = log.filter((e) => e.at >= s * 1000 && e.at < (s + 1) * 1000)
  const counts = resources.map((r) =>
    String(inSecond.filter((e) => e.path.split('/')[2] === r).length).padStart(6)
  )
  const mid = s * 1000 + 500
  const inflight = log.filter((e) => e.at <= mid && e.done >= mid).length
  console.log(`${String(s).padStart(3)}  ${counts.join(' ')}  ${inflight}`)
}
for (const r of resources) {
  const mine = log.filter((e) => e.path.split('/')[2] === r)
  console.log(
    `${r}: ${mine.length} requests, first ${(mine[0]!.at / 1000).toFixed(1)} s, last done ${(Math.max(...mine.map((e) => e.done)) / 1000).toFixed(1)} s`
  )
}
// Which partitions (query without cursor) ran late, and how many pages each took.
const chains = new Map<string, { pages: number; first: number; last: number }>()
for (const e of log) {
  const params = new URLSearchParams(e.query)
  params.delete('cursor')
  const key = `${e.path} ${params.toString()}`
  const chain = chains.get(key) ?? { pages: 0, first: e.at, last: 0 }
  chain.pages++
  chain.last = Math.max(chain.last, e.done)
  chains.set(key, chain)
}
for (const [key, c] of [...chains].sort((a, b) => a[1].last - b[1].last)) {
  console.log(
    `${(c.first / 1000).toFixed(1).padStart(5)}–${(c.last / 1000).toFixed(1).padStart(5)} s  ${String(c.pages).padStart(3)} pages  ${key}`
  )
}
await app.close()
await simulator.close()
