/**
 * A Customers grid past the paging threshold (grid/query/rowModel.ts) in Chromium: 60,000
 * customers written straight into the synced demo workspace's cache, the section opened, and —
 * by role, name and keyboard — sorted by MRR from its header, filtered by a column filter and
 * quick-searched, each showing the right rows and the right "N of M" (computed here from the
 * stored rows by brute force). Timings are logged for the report (informal; the bench is
 * bench/scale).
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { rowWords, searchWords } from '../../src/renderer/src/grid/query/tokens'
import { seededRandom } from '../unit/sync/support/random'
import { expectAccessible } from './harness/axe'
import { demoBackedBy, exploreDemoAndWaitForSync } from './harness/demoBackend'
import { storedRows } from './harness/indexedDb'
import { launchApp, type LaunchedApp } from './harness/launchApp'

let app: LaunchedApp | undefined
let simulator: RunningSimulator | undefined

afterEach(async () => {
  await app?.close()
  await simulator?.close()
  app = undefined
  simulator = undefined
})

const PREFILL = 60_000
const DATABASE = 'revdesk-demo'

type Customer = Record<string, unknown> & { uuid: string; mrrCents: number | null; name: string }

/** Customers shaped like a synced one (`template`), with seeded names, emails and MRR. */
function prefillRows(template: Customer, count: number): Customer[] {
  const random = seededRandom(1414)
  const first = ['Ada', 'Björn', 'Chloé', 'Dmitri', 'Erin', 'Farah', 'Gus', 'Hana']
  const last = ['Quill', 'Rivers', 'Stone', 'Tanaka', 'Ueda', 'Vance', 'Wolfe', 'Xu']
  const rows: Customer[] = []
  for (let i = 0; i < count; i += 1) {
    const name = `${first[i % first.length]} ${last[Math.floor(random() * last.length)]} ${i}`
    const row: Customer = {
      ...template,
      id: null,
      externalIds: [],
      tags: [],
      customAttributes: {},
      stripeAttributes: {},
      clearbitAttributes: {},
      uuid: `cus_prefill_${String(i).padStart(6, '0')}`,
      name,
      company: `Company ${i % 500}`,
      email: `user${i}@example${i % 50}.com`,
      status: random() < 0.7 ? 'Active' : 'Cancelled',
      country: 'US',
      city: null,
      mrrCents: random() < 0.3 ? 0 : Math.floor(random() * 1_000_000),
      arrCents: null,
      customerSince: '2024-03-01T00:00:00.000Z',
      leadCreatedAt: null,
      owner: null,
      externalId: `ext-${i}`,
      billingSystemType: 'Custom',
      currency: 'USD',
      // Far ahead of any pass, so no pass of the demo sync removes them.
      _gen: 1_000_000_000
    }
    row._words = rowWords('customers', row)
    rows.push(row)
  }
  return rows
}

async function prefill(page: Page, rows: readonly Customer[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 10_000) {
    await page.evaluate(
      ([name, chunk]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name)
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const tx = db.transaction('customers', 'readwrite')
            const store = tx.objectStore('customers')
            for (const row of chunk) store.put(row)
            tx.oncomplete = () => {
              db.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error)
          }
        }),
      [DATABASE, rows.slice(i, i + 10_000)] as const
    )
  }
}

const countText = (page: Page): Promise<string | null> =>
  page
    .getByText(/ of [\d,]+ customers$/)
    .first()
    .textContent()

const of = (shown: number, total: number): string =>
  `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} customers`

/** The names in the grid's first rows, in row order (aria-rowindex). */
async function firstNames(page: Page, count: number): Promise<string[]> {
  const grid = page.getByRole('region', { name: 'Customers table' })
  const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') })
  const found = await rows.evaluateAll((elements) =>
    elements.map((row) => ({
      index: Number(row.getAttribute('aria-rowindex')),
      name: row.querySelector('[col-id="name"]')?.textContent ?? ''
    }))
  )
  return found
    .sort((a, b) => a.index - b.index)
    .slice(0, count)
    .map((row) => row.name)
}

const mrrDesc = (a: Customer, b: Customer): number => {
  const x = a.mrrCents
  const y = b.mrrCents
  if (x === y) return a.uuid < b.uuid ? 1 : -1
  if (x === null) return 1
  if (y === null) return -1
  return y - x
}

async function timed(label: string, action: () => Promise<unknown>): Promise<void> {
  const started = Date.now()
  await action()
  console.log(`[largeGrid] ${label}: ${Date.now() - started} ms`)
}

describe('a customers grid past the paging threshold', () => {
  it('opens, sorts by MRR from the keyboard, filters and searches with the right rows and counts', async () => {
    simulator = await startSimulator({ apiKey: 'large-grid', data: { seed: 3, customers: 40 } })
    app = await launchApp({ demo: demoBackedBy(simulator) })
    const { page } = app
    await exploreDemoAndWaitForSync(app)
    const [template] = await storedRows<Customer>(app, DATABASE, 'customers')
    await prefill(page, prefillRows(template!, PREFILL))
    const all = await storedRows<Customer>(app, DATABASE, 'customers')
    const total = all.length
    expect(total).toBeGreaterThan(PREFILL)

    // Open the section anew: it counts the table and pages through it.
    const nav = page.getByRole('navigation', { name: 'Sections' })
    await nav.getByRole('button', { name: 'Plans' }).click()
    await timed('open', async () => {
      await nav.getByRole('button', { name: 'Customers' }).click()
      await expect.poll(() => countText(page)).toBe(of(total, total))
      await expect.poll(async () => (await firstNames(page, 1)).length).toBe(1)
    })

    // Sort by MRR, highest first: the header by keyboard (Enter twice: ascending, descending).
    const header = page.getByRole('columnheader', { name: /^MRR/ })
    await header.focus()
    await timed('sort', async () => {
      await page.keyboard.press('Enter')
      await page.keyboard.press('Enter')
      await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending')
      const top = [...all].sort(mrrDesc).slice(0, 3)
      await expect.poll(() => firstNames(page, 3)).toEqual(top.map((c) => c.name))
    })

    // A column filter: MRR less than 50 (major units), i.e. below 5,000 cents.
    const cheap = all.filter((c) => typeof c.mrrCents === 'number' && c.mrrCents < 5_000)
    await page.getByRole('button', { name: 'Filter MRR' }).click()
    await page.getByRole('combobox', { name: 'Filtering operator' }).first().click()
    await page.getByRole('option', { name: 'Less than', exact: true }).click()
    await timed('filter', async () => {
      await page.getByRole('spinbutton', { name: 'Filter Value' }).first().fill('50')
      await expect.poll(() => countText(page)).toBe(of(cheap.length, total))
      const top = [...cheap].sort(mrrDesc).slice(0, 3)
      await expect.poll(() => firstNames(page, 3)).toEqual(top.map((c) => c.name))
    })
    await page.keyboard.press('Escape')

    // CSV of the filtered view: every matching row, in the grid's order — read from the cache
    // in chunks, not just the blocks the grid happens to have loaded.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click()
    ])
    const lines = readFileSync(await download.path(), 'utf8')
      .slice(1)
      .split('\r\n')
    expect(lines).toHaveLength(cheap.length + 1)
    const cheapSorted = [...cheap].sort(mrrDesc)
    for (const at of [0, 1, 2, cheapSorted.length - 1]) {
      expect(lines[at + 1]).toContain(`"${cheapSorted[at]!.name}"`)
    }

    // Quick search, within the filter: words are matched as prefixes of the row's words.
    const query = 'chlo ston'
    const wanted = searchWords(query)
    const found = cheap.filter((c) => {
      const words = rowWords('customers', c)
      return wanted.every((w) => words.some((word) => word.startsWith(w)))
    })
    expect(found.length).toBeGreaterThan(0)
    const search = page.getByRole('searchbox', { name: 'Search customers' })
    await search.focus()
    await timed('search', async () => {
      await page.keyboard.type(query)
      await expect.poll(() => countText(page)).toBe(of(found.length, total))
      const top = [...found].sort(mrrDesc).slice(0, 3)
      await expect.poll(() => firstNames(page, 3)).toEqual(top.map((c) => c.name))
    })
    await expectAccessible(page, 'paging customers grid, searched and filtered')

    // Enter on a row opens that customer's 360 panel, as in the small grid.
    const firstCell = page
      .getByRole('region', { name: 'Customers table' })
      .getByRole('gridcell', { name: [...found].sort(mrrDesc)[0]!.name })
    await firstCell.click()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByRole('dialog').first().textContent())
      .toContain([...found].sort(mrrDesc)[0]!.name)
    expect(app.consoleErrors).toEqual([])
  }, 480_000)
})
