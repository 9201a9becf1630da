/**
 * `npm run bench:ui` → bench/results/ui.json
 *
 * The built app in Chromium (browser harness) with 100,000 generated customers in the demo
 * workspace's real IndexedDB cache, the page held offline (navigator.onLine = false) so no sync
 * runs while timing. Measures:
 * - rawReadMs: a plain `customers.toArray()` in the page (median of 3);
 * - gridReadyMs: click "Customers" (from another section) until the first row is painted with data
 *   — that includes the grid's own read of the table (median of 3); gridReadyRatio = the two;
 * - quickFilterMs: keydown in "Search customers" until the "N of M" text changes (median of 10);
 * - heapBytes: JS heap after a forced GC (CDP Runtime.getHeapUsage) with the grid open and its
 *   quick-search cache built; heapRatio = heapBytes / JSON size of the 100,000 rows.
 */
import { join, resolve } from 'node:path'
import { mapCustomer, wireCustomerSchema } from '../../src/main/chartmogul'
import { createDemoRuntime } from '../../src/main/features/workspaces/demoRuntime'
import { generateDataset } from '../../src/main/simulator'
import type { CachedCustomer } from '../../src/renderer/src/cache'
import { launchApp } from '../../test/e2e/harness/launchApp'
import { bundleForBrowser } from '../sync/bundleForBrowser'
import type * as Helper from './pageHelper'
import { writeBenchResult } from '../writeResult'

const CUSTOMERS = Number(process.env['BENCH_CUSTOMERS'] ?? 100_000)
const CHUNK = 10_000
const root = resolve(import.meta.dirname, '../..')

function log(message: string): void {
  console.log(`[bench:ui] ${message}`)
}
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits

// ---- data ------------------------------------------------------------------------------
let t = performance.now()
const dataset = generateDataset({
  seed: 9001,
  customers: CUSTOMERS,
  targetActivities: 0,
  opportunities: 0,
  plans: 12
})
const rows: CachedCustomer[] = dataset.customers.map((wire) => ({
  ...mapCustomer(wireCustomerSchema.parse(JSON.parse(JSON.stringify(wire)))),
  _gen: 1
}))
const jsonBytes = Buffer.byteLength(JSON.stringify(rows))
log(
  `generated ${rows.length} customers (${(jsonBytes / 1e6).toFixed(1)} MB JSON) in ${((performance.now() - t) / 1000).toFixed(1)} s`
)

// ---- app -------------------------------------------------------------------------------
// No simulator behind the demo: if anything tried to sync it would fail at once, not rewrite
// the cache. The page is also held offline, so the scheduler does not even try.
const demo = createDemoRuntime(async () => {
  throw new Error('bench:ui runs without a demo server')
})
const app = await launchApp({ demo })
const { page } = app
type Api = typeof Helper
/** Calls one of the bundled helper's exports in the page. */
const helper = <K extends keyof Api>(
  name: K,
  ...args: Parameters<Api[K]>
): Promise<Awaited<ReturnType<Api[K]>>> =>
  page.evaluate(
    ([fn, a]) => {
      const api = (
        window as unknown as { RevdeskUiBench: Record<string, (...x: unknown[]) => unknown> }
      ).RevdeskUiBench
      return api[fn]!(...a)
    },
    [name, args] as const
  ) as Promise<Awaited<ReturnType<Api[K]>>>

const script = await bundleForBrowser(join(root, 'bench/ui/pageHelper.ts'), 'RevdeskUiBench')
await page.evaluate(script)
await page.evaluate(() => window.revdesk.openDemoWorkspace())
t = performance.now()
let stored = 0
for (let i = 0; i < rows.length; i += CHUNK) {
  stored = await helper('putCustomers', rows.slice(i, i + CHUNK))
}
log(
  `wrote ${stored} customers into revdesk-demo in ${((performance.now() - t) / 1000).toFixed(1)} s`
)

await page.evaluate(() => localStorage.setItem('revdesk.lastWorkspaceId', 'demo'))
await app.context.addInitScript({
  content: `Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false })`
})
await app.reload()
await page.evaluate(script)
const fullCount = `${CUSTOMERS.toLocaleString('en-US')} of ${CUSTOMERS.toLocaleString('en-US')} customers`
await page.getByText(fullCount).waitFor({ timeout: 120_000 })
log('app reopened on the demo workspace, offline, with every customer in the grid')

// ---- timings ----------------------------------------------------------------------------
const rawSamples: number[] = []
const gridSamples: number[] = []
for (let i = 0; i < 3; i++) {
  const raw = await helper('rawReadMs')
  if (raw.rows !== CUSTOMERS) throw new Error(`raw read found ${raw.rows} rows`)
  rawSamples.push(raw.ms)
  gridSamples.push(await helper('gridReadyMs'))
  await page.getByText(fullCount).waitFor({ timeout: 120_000 })
}
const rawReadMs = median(rawSamples)
const gridReadyMs = median(gridSamples)
log(
  `raw read ${rawSamples.map((v) => v.toFixed(0)).join('/')} ms; grid ready ${gridSamples.map((v) => v.toFixed(0)).join('/')} ms`
)

const search = page.getByRole('searchbox', { name: 'Search customers' })
await search.click()
await helper('armQuickFilterProbe')
const keys = [
  'm',
  'a',
  'r',
  'Backspace',
  'Backspace',
  'Backspace',
  'x',
  'Backspace',
  'q',
  'Backspace'
]
const filterSamples: number[] = []
const filterCounts: string[] = []
for (const key of keys) {
  await search.press(key)
  const deadline = performance.now() + 10_000
  for (;;) {
    const probe = await page.evaluate(() => {
      const w = window as unknown as { __qfStart?: number; __qfEnd?: number; __qfText?: string }
      return { start: w.__qfStart, end: w.__qfEnd, text: w.__qfText }
    })
    if (probe.start !== undefined && probe.end !== undefined) {
      filterSamples.push(probe.end - probe.start)
      filterCounts.push(probe.text ?? '')
      break
    }
    if (performance.now() > deadline) throw new Error(`count did not change after "${key}"`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
const quickFilterMs = median(filterSamples)
log(
  `quick filter ${filterSamples.map((v) => v.toFixed(0)).join('/')} ms (${filterCounts.join(' → ')})`
)
await page.getByText(fullCount).waitFor()

const cdp = await app.context.newCDPSession(page)
await cdp.send('HeapProfiler.enable')
await cdp.send('HeapProfiler.collectGarbage')
await cdp.send('HeapProfiler.collectGarbage')
const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number }
const heapBytes = heap.usedSize
log(`heap ${(heapBytes / 1e6).toFixed(1)} MB used after GC`)
await app.close()

const result = {
  generatedAt: new Date().toISOString(),
  setup: {
    customers: CUSTOMERS,
    jsonBytes,
    machine: { cores: (await import('node:os')).cpus().length },
    browser: 'Debian Chromium via test/e2e/harness (headless), viewport 1280×800'
  },
  rawReadMs: round(rawReadMs, 1),
  gridReadyMs: round(gridReadyMs, 1),
  gridReadyRatio: round(gridReadyMs / rawReadMs),
  quickFilterMs: round(quickFilterMs, 1),
  heapBytes,
  heapRatio: round(heapBytes / jsonBytes),
  samples: {
    rawReadMs: rawSamples.map((v) => round(v, 1)),
    gridReadyMs: gridSamples.map((v) => round(v, 1)),
    quickFilterMs: filterSamples.map((v) => round(v, 1)),
    quickFilterCounts: filterCounts
  },
  targets: { gridReadyRatio: '<= 1.5', quickFilterMs: '<= 150', heapRatio: '<= 3' }
}
const met = {
  gridReadyRatio: result.gridReadyRatio <= 1.5,
  quickFilterMs: result.quickFilterMs <= 150,
  heapRatio: result.heapRatio <= 3
}
const out = writeBenchResult('ui', result, met)
log(`wrote ${out}`)
console.log(
  JSON.stringify(
    {
      rawReadMs: result.rawReadMs,
      gridReadyMs: result.gridReadyMs,
      gridReadyRatio: result.gridReadyRatio,
      quickFilterMs: result.quickFilterMs,
      heapRatio: result.heapRatio,
      met
    },
    null,
    2
  )
)
