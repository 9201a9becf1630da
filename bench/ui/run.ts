/**
 * `npm run bench:ui` → bench/results/ui.json
 *
 * The built app in Chromium (browser harness) with 100,000 generated customers in the demo
 * workspace's real IndexedDB cache, the page held offline (navigator.onLine = false) so no sync
 * runs while timing. Measures:
 * - rawReadMs: a plain `customers.toArray()` in the page (median of 3);
 * - gridReadyMs: click "Customers" (from another section) until the first row is painted with data
 *   — that includes the grid's own read of the table (median of 3); gridReadyRatio = the two;
 * - quick filter: keydown in "Search customers" until the grid's rendered rows show the filtered
 *   result and that frame is painted (see quickFilterProbe.ts), over several rounds, each on a
 *   freshly opened grid: quickFilterFirstMs = the first keystroke on a fresh grid (median over
 *   rounds; quickFilterFirstWorstMs the worst), quickFilterMedianMs = every later keystroke.
 *   Both medians have the ≤ 150 ms target;
 * - heapBytes: JS heap after a forced GC (CDP Runtime.getHeapUsage) with the grid open and its
 *   quick-search cache built; heapRatio = heapBytes / JSON size of the 100,000 rows.
 *
 * BENCH_QUICK=1: a smoke run (10,000 customers, 2 quick-filter rounds) that proves the code works;
 * its figures are not comparable. BENCH_CUSTOMERS overrides the count. The full run takes about
 * 4 minutes (100,000 customers generated and written ~1.5 min, 3 grid opens, 5 filter rounds).
 */
import { join, resolve } from 'node:path'
import { mapCustomer, wireCustomerSchema } from '../../src/main/chartmogul'
import { createDemoRuntime } from '../../src/main/features/workspaces/demoRuntime'
import { generateDataset } from '../../src/main/simulator'
import type { CachedCustomer } from '../../src/renderer/src/cache'
import { launchApp } from '../../test/e2e/harness/launchApp'
import { bundleForBrowser } from '../sync/bundleForBrowser'
import type * as Helper from './pageHelper'
import { atMost, median, round, worst, type Target } from '../stats'
import { writeBenchResult } from '../writeResult'

const QUICK = process.env['BENCH_QUICK'] === '1'
const CUSTOMERS = Number(process.env['BENCH_CUSTOMERS'] ?? (QUICK ? 10_000 : 100_000))
const FILTER_ROUNDS = QUICK ? 2 : 5
/**
 * Each round's first letter differs; the rest narrows, widens back to all, then another word. A
 * first letter must change the rows on screen ('a' does not: nearly every one of the first rows
 * has an "a" somewhere, so there is no paint to time).
 */
const FIRST_KEYS = ['m', 's', 'j', 'c', 'k']
const LATER_KEYS = ['a', 'r', 'Backspace', 'Backspace', 'Backspace', 'q', 'Backspace']
const CHUNK = 10_000
const root = resolve(import.meta.dirname, '../..')

function log(message: string): void {
  console.log(`[bench:ui] ${message}`)
}

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
await page.evaluate(() => window.revdesk.openDemoWorkspace(undefined))
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

// Quick filter: each round on a freshly opened grid (its quick-search text cache not yet built).
const oracleRows = await helper('prepareQuickFilterOracle')
if (oracleRows !== CUSTOMERS) throw new Error(`oracle read ${oracleRows} customers`)
const search = page.getByRole('searchbox', { name: 'Search customers' })
const countOf = (shown: number): string =>
  `${shown.toLocaleString('en-US')} of ${CUSTOMERS.toLocaleString('en-US')} customers`
const firstSamples: number[] = []
const laterSamples: number[] = []
const filterLog: {
  round: number
  key: string
  query: string
  count: number
  ms: number
  countMs: number | null
}[] = []
const freshGridMs: number[] = []
let capacity = 0
for (let r = 0; r < FILTER_ROUNDS; r++) {
  freshGridMs.push(await helper('gridReadyMs'))
  await page.getByText(fullCount).waitFor({ timeout: 120_000 })
  capacity = await helper('renderedCapacity')
  if (capacity < 5) throw new Error(`the grid renders only ${capacity} rows`)
  await search.focus()
  if ((await search.inputValue()) !== '') throw new Error('a fresh grid kept the last search')
  let query = ''
  const keys = [FIRST_KEYS[r % FIRST_KEYS.length]!, ...LATER_KEYS]
  for (const [i, key] of keys.entries()) {
    query = key === 'Backspace' ? query.slice(0, -1) : query + key
    const expectedCount = await helper('armKeystroke', query, capacity)
    await page.keyboard.press(key)
    const timing = await helper('keystrokeDone')
    // The oracle must agree with the grid, or the rows waited for were the wrong ones.
    await page.getByText(countOf(expectedCount)).waitFor({ timeout: 5_000 })
    ;(i === 0 ? firstSamples : laterSamples).push(timing.ms)
    filterLog.push({
      round: r + 1,
      key,
      query,
      count: expectedCount,
      ms: round(timing.ms, 1),
      countMs: timing.countMs === null ? null : round(timing.countMs, 1)
    })
  }
  log(
    `quick filter round ${r + 1}: ${filterLog
      .filter((e) => e.round === r + 1)
      .map((e) => `"${e.query}" ${e.ms.toFixed(0)} ms (count ${e.countMs?.toFixed(0) ?? '–'})`)
      .join(', ')}`
  )
}
const quickFilterFirstMs = median(firstSamples)
const quickFilterFirstWorstMs = worst(firstSamples)
const quickFilterMedianMs = median(laterSamples)
const quickFilterWorstMs = worst(laterSamples)
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
    quick: QUICK,
    jsonBytes,
    machine: { cores: (await import('node:os')).cpus().length },
    browser: 'Debian Chromium via test/e2e/harness (headless), viewport 1280×800'
  },
  rawReadMs: round(rawReadMs, 1),
  gridReadyMs: round(gridReadyMs, 1),
  gridReadyRatio: round(gridReadyMs / rawReadMs),
  /** First keystroke on a freshly opened grid → filtered rows painted (median over rounds). */
  quickFilterFirstMs: round(quickFilterFirstMs, 1),
  quickFilterFirstWorstMs: round(quickFilterFirstWorstMs, 1),
  /** Every later keystroke → filtered rows painted (median, and the worst). */
  quickFilterMedianMs: round(quickFilterMedianMs, 1),
  quickFilterWorstMs: round(quickFilterWorstMs, 1),
  quickFilter: {
    rounds: FILTER_ROUNDS,
    renderedRowCapacity: capacity,
    measuredTo: 'the frame after the rendered rows equal the expected filtered rows (painted)'
  },
  heapBytes,
  heapRatio: round(heapBytes / jsonBytes),
  samples: {
    rawReadMs: rawSamples.map((v) => round(v, 1)),
    gridReadyMs: gridSamples.map((v) => round(v, 1)),
    quickFilterFirstMs: firstSamples.map((v) => round(v, 1)),
    quickFilterLaterMs: laterSamples.map((v) => round(v, 1)),
    quickFilterKeystrokes: filterLog,
    /** Opening the fresh grid of each quick-filter round (not in gridReadyMs, which pairs with raw reads). */
    quickFilterRoundGridReadyMs: freshGridMs.map((v) => round(v, 1))
  }
}
const targets: Record<string, Target> = {
  gridReadyRatio: atMost(result.gridReadyRatio, 1.5),
  quickFilterFirstMs: atMost(result.quickFilterFirstMs, 150),
  quickFilterMedianMs: atMost(result.quickFilterMedianMs, 150),
  heapRatio: atMost(result.heapRatio, 3)
}
const met = Object.fromEntries(Object.entries(targets).map(([k, t]) => [k, t.met]))
const out = writeBenchResult('ui', { ...result, targets }, met)
log(`wrote ${out}`)
console.log(
  JSON.stringify(
    {
      rawReadMs: result.rawReadMs,
      gridReadyMs: result.gridReadyMs,
      gridReadyRatio: result.gridReadyRatio,
      quickFilterFirstMs: result.quickFilterFirstMs,
      quickFilterFirstWorstMs: result.quickFilterFirstWorstMs,
      quickFilterMedianMs: result.quickFilterMedianMs,
      heapRatio: result.heapRatio,
      met
    },
    null,
    2
  )
)
