/**
 * The four grids over real synced data in Chromium: quick search (and Ctrl+F), an MRR range in the
 * column filter typed in major units, sort, "N of M" against the simulator's own records, CSV
 * export of exactly the rows shown, hidden columns / sort / filter surviving a reload, and every
 * grid filled and screenshotted.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { mapCustomer, wireCustomerSchema } from '../../src/main/chartmogul'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import type { Customer } from '../../src/shared/domain'
import { demoBackedBy, exploreDemoAndWaitForSync } from './harness/demoBackend'
import { launchApp, type LaunchedApp } from './harness/launchApp'

let app: LaunchedApp | undefined
let simulator: RunningSimulator | undefined

afterEach(async () => {
  await app?.close()
  await simulator?.close()
  app = undefined
  simulator = undefined
})

const CUSTOMERS = 300

async function syncedDemo(): Promise<{ app: LaunchedApp; page: Page; customers: Customer[] }> {
  simulator = await startSimulator({
    apiKey: 'grids-e2e',
    data: { seed: 7, customers: CUSTOMERS },
    faults: { latencyMs: 5 }
  })
  const running = simulator
  const demo = demoBackedBy(running)
  app = await launchApp({ demo })
  const { page } = app
  await exploreDemoAndWaitForSync(app)
  const customers = running.store
    .customers()
    .map((wire) => mapCustomer(wireCustomerSchema.parse(JSON.parse(JSON.stringify(wire)))))
  return { app, page, customers }
}

const countText = (page: Page): Promise<string | null> =>
  page.locator('main .count, .count').first().textContent()

const of = (shown: number, total: number, noun: string): string =>
  `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${noun}`

const headerTexts = (page: Page, grid: string): Promise<string[]> =>
  page
    .getByRole('region', { name: `${grid} table` })
    .locator('.ag-header-cell-text')
    .allTextContents()

/** What AG Grid's quick filter matches: every word, somewhere in the row's visible columns. */
function quickMatches(customer: Customer, query: string): boolean {
  const since = customer.customerSince
    ? new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(
        new Date(customer.customerSince)
      )
    : ''
  const haystack = [
    customer.name,
    customer.company,
    customer.email,
    customer.status,
    customer.country,
    since
  ]
    .map((v) => (v ?? '').toString().toUpperCase())
    .join('\n')
  return query
    .trim()
    .split(' ')
    .every((word) => haystack.includes(word.toUpperCase()))
}

/** Opens a column's filter popup and sets "Between from and to" through the UI. */
async function filterBetween(page: Page, column: string, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: `Filter ${column}` }).click()
  const popup = page.locator('.ag-filter').first()
  await popup.getByRole('combobox', { name: 'Filtering operator' }).first().click()
  await page.getByRole('option', { name: 'Between' }).click()
  await popup.locator('.ag-filter-from input').first().fill(from)
  await popup.locator('.ag-filter-to input').first().fill(to)
  await page.keyboard.press('Escape')
}

function parseCsv(text: string): string[][] {
  // AG Grid quotes every value; no embedded newlines in these columns.
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.slice(1, -1).split('","'))
}

describe('data grids', () => {
  it('searches, filters, sorts, counts, exports and remembers the customers grid', async () => {
    const { page, customers } = await syncedDemo()
    expect(customers.length).toBe(CUSTOMERS)
    await expect.poll(() => countText(page)).toBe(of(CUSTOMERS, CUSTOMERS, 'customers'))

    // Ctrl+F focuses the quick search, even from inside the grid.
    const search = page.getByRole('searchbox', { name: 'Search customers' })
    await page
      .getByRole('region', { name: 'Customers table' })
      .locator('.ag-row [col-id="status"]')
      .first()
      .click()
    await page.keyboard.press('Control+f')
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true)

    // Quick search by a customer's name.
    const target = customers[17]!
    const query = target.name
    const expectedQuick = customers.filter((c) => quickMatches(c, query)).length
    expect(expectedQuick).toBeGreaterThan(0)
    await page.keyboard.type(query)
    await expect.poll(() => countText(page)).toBe(of(expectedQuick, CUSTOMERS, 'customers'))
    const firstName = page
      .getByRole('region', { name: 'Customers table' })
      .locator('.ag-row [col-id="name"]')
      .first()
    await expect.poll(() => firstName.textContent()).toContain(target.name.split(' ')[0])
    await search.fill('')
    await expect.poll(() => countText(page)).toBe(of(CUSTOMERS, CUSTOMERS, 'customers'))

    // MRR between 100 and 2,000 in major units, i.e. 10,000..200,000 cents, both ends included.
    const inRange = customers.filter((c) => c.mrrCents >= 10_000 && c.mrrCents <= 200_000)
    expect(inRange.length).toBeGreaterThan(0)
    expect(inRange.length).toBeLessThan(CUSTOMERS)
    await filterBetween(page, 'MRR', '100', '2000')
    await expect.poll(() => countText(page)).toBe(of(inRange.length, CUSTOMERS, 'customers'))

    // Sort by MRR, highest first (second click on the header).
    const mrrHeader = page.locator('.ag-header-cell[col-id="mrrCents"] .ag-header-cell-label')
    await mrrHeader.click()
    await mrrHeader.click()
    await expect
      .poll(() => page.locator('.ag-header-cell[col-id="mrrCents"]').getAttribute('aria-sort'))
      .toBe('descending')

    // CSV of exactly the rows shown, in the order shown.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click()
    ])
    expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = parseCsv(readFileSync(await download.path(), 'utf8'))
    expect(csv[0]).toEqual([
      'Name',
      'Company',
      'Email',
      'Status',
      'Country',
      'MRR',
      'Customer since'
    ])
    const body = csv.slice(1)
    expect(body.length).toBe(inRange.length)
    const exportedCents = body.map((row) =>
      Math.round(Number(row[5]!.replace(/[^0-9.-]/g, '')) * 100)
    )
    expect(exportedCents).toEqual(inRange.map((c) => c.mrrCents).sort((a, b) => b - a))
    expect(new Set(body.map((row) => row[2]))).toEqual(new Set(inRange.map((c) => c.email)))
    // Dates go out as ISO, not localized text.
    const since = body.map((row) => row[6]).filter((v) => v)
    expect(since.every((v) => /^\d{4}-\d{2}-\d{2}T/.test(v!))).toBe(true)

    // Hide a column from the Columns menu.
    await page.getByRole('button', { name: 'Columns' }).click()
    await page
      .getByRole('group', { name: 'Customers columns' })
      .getByRole('checkbox', { name: 'Email' })
      .uncheck()
    await page.keyboard.press('Escape')
    await expect.poll(() => headerTexts(page, 'Customers')).not.toContain('Email')
    await app!.screenshot('grid-customers')

    // Reload: hidden column, sort and filter come back.
    await page.waitForTimeout(600)
    await app!.reload()
    await expect.poll(() => countText(page)).toBe(of(inRange.length, CUSTOMERS, 'customers'))
    expect(await headerTexts(page, 'Customers')).toEqual([
      'Name',
      'Company',
      'Status',
      'Country',
      'MRR',
      'Customer since'
    ])
    expect(await page.locator('.ag-header-cell[col-id="mrrCents"]').getAttribute('aria-sort')).toBe(
      'descending'
    )
    await page.getByRole('button', { name: 'Columns' }).click()
    expect(
      await page
        .getByRole('group', { name: 'Customers columns' })
        .getByRole('checkbox', { name: 'Email' })
        .isChecked()
    ).toBe(false)
    expect(app!.consoleErrors).toEqual([])
  })

  it('shows every synced record in the plans, activities and opportunities grids', async () => {
    const { page } = await syncedDemo()
    const store = simulator!.store
    const grids = [
      { section: 'Activities', noun: 'MRR activities', total: store.activities().length },
      { section: 'Opportunities', noun: 'opportunities', total: store.opportunities().length },
      { section: 'Plans', noun: 'plans', total: store.plans().length }
    ]
    await expect.poll(() => countText(page)).toBe(of(CUSTOMERS, CUSTOMERS, 'customers'))
    for (const grid of grids) {
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('button', { name: grid.section })
        .click()
      await expect.poll(() => countText(page)).toBe(of(grid.total, grid.total, grid.noun))
      expect(grid.total).toBeGreaterThan(0)
      await expect
        .poll(() =>
          page
            .getByRole('region', { name: `${grid.section} table` })
            .locator('.ag-row')
            .count()
        )
        .toBeGreaterThan(0)
      expect(await page.getByRole('searchbox', { name: `Search ${grid.noun}` }).count()).toBe(1)
      if (grid.section === 'Opportunities') {
        // Deals show their customer's name, not the uuid.
        const names = new Set(store.customers().map((c) => c.name))
        const cell = page
          .getByRole('region', { name: 'Opportunities table' })
          .locator('.ag-row [col-id="customerName"]')
          .first()
        expect(names.has(((await cell.textContent()) ?? '').trim())).toBe(true)
      }
      await app!.screenshot(`grid-${grid.section.toLowerCase()}`)
    }
    expect(app!.consoleErrors).toEqual([])
  })
})

describe('live grid', () => {
  it('grows while a sync runs, without leaving the section', async () => {
    simulator = await startSimulator({
      apiKey: 'grids-live',
      data: { seed: 3, customers: 1500 },
      faults: { latencyMs: 120 }
    })
    const running = simulator
    const demo = demoBackedBy(running)
    app = await launchApp({ demo })
    const { page } = app
    await page.getByRole('button', { name: 'Open ChartMogul demo' }).click()
    const status = page.getByRole('contentinfo', { name: 'Status' })
    const seen = new Set<string>()
    const started = Date.now()
    for (;;) {
      const text = (await countText(page)) ?? ''
      if (/^\d/.test(text)) seen.add(text)
      if (((await status.textContent()) ?? '').includes('Last synced')) break
      if (Date.now() - started > 45_000) throw new Error('sync did not finish')
      await new Promise((r) => setTimeout(r, 50))
    }
    const total = running.store.customers().length
    await expect.poll(() => countText(page)).toBe(of(total, total, 'customers'))
    // Partial counts were shown on the way (pages landed while the grid stayed open).
    const partial = [...seen].filter(
      (t) => t !== of(total, total, 'customers') && !t.startsWith('0 ')
    )
    expect(partial.length).toBeGreaterThan(0)
    expect(app.consoleErrors).toEqual([])
  })
})
