/**
 * Grids and panels that fit, at 1280×800 in Chromium over synced demo data: no column header and
 * no date / status / type cell is cut off in any grid (ChartMogul's four, Monaco's three); a cell
 * that is cut off shows its full value in a tooltip when it gets keyboard focus; every
 * filterable column has a labelled filter button that the keyboard reaches and that gives focus
 * back on Escape; the grid's colours are the app's own surfaces in both schemes; Customer 360's
 * deals table stays inside its panel in dark mode. Money sits right-aligned in header and cells
 * alike, each filter button right after its column's name.
 */
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { expectAccessible } from './harness/axe'
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

async function chartMogulDemo(
  colorScheme: 'light' | 'dark',
  /** Changes the account's data before the first sync. */
  prepare?: (running: RunningSimulator) => void
): Promise<Page> {
  simulator = await startSimulator({
    apiKey: 'gridfit-e2e',
    data: { seed: 11, customers: 120 },
    faults: { latencyMs: 2 }
  })
  prepare?.(simulator)
  app = await launchApp({ demo: demoBackedBy(simulator), colorScheme })
  await exploreDemoAndWaitForSync(app)
  return app.page
}

const grid = (page: Page, section: string): Locator =>
  page.getByRole('region', { name: `${section} table` })

async function openSection(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name, exact: true })
    .click()
  await expect.poll(() => grid(page, name).getByRole('gridcell').count()).toBeGreaterThan(0)
}

interface Clipping {
  /** Headers shown, by their text. */
  headers: string[]
  /** Headers whose text is cut off. */
  clippedHeaders: string[]
  /** "Column: text" of each cut-off cell in the columns asked about. */
  clippedCells: string[]
  /** Cells looked at in those columns. */
  cellsChecked: number
}

/**
 * What is cut off in a grid, found by role (columnheader, gridcell; a column's cells by the
 * header's aria-colindex). A header or cell is cut off when the text element holding its text
 * has more than it shows (scrollWidth > clientWidth), or when that text reaches past any box
 * that clips it on the way up to the grid (a cell, the header's label, the grid's scrolled
 * viewport: a column pushed off the right edge is cut off too).
 */
function clippingIn(region: Locator, columns: readonly string[]): Promise<Clipping> {
  return region.evaluate((root, wanted) => {
    const clips = (box: Element): boolean => getComputedStyle(box).overflowX !== 'visible'
    const cuts = (owner: Element): boolean => {
      const walker = document.createTreeWalker(owner, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const holder = node.parentElement
        if (!holder || (node.textContent ?? '').trim() === '') continue
        if (clips(holder) && holder.scrollWidth > holder.clientWidth + 1) return true
        const range = document.createRange()
        range.selectNodeContents(node)
        const text = range.getBoundingClientRect()
        // Not laid out (e.g. a hidden sort-order number): nothing shown, nothing cut.
        if (text.width === 0 || text.height === 0) continue
        for (let box: Element | null = holder; box && root.contains(box); box = box.parentElement) {
          if (!clips(box)) continue
          const outer = box.getBoundingClientRect()
          const left = outer.left + box.clientLeft
          if (text.left < left - 1 || text.right > left + box.clientWidth + 1) return true
        }
      }
      return false
    }
    const result: Clipping = { headers: [], clippedHeaders: [], clippedCells: [], cellsChecked: 0 }
    for (const header of root.querySelectorAll<HTMLElement>('[role="columnheader"]')) {
      const name = header.innerText.trim()
      result.headers.push(name)
      if (cuts(header)) result.clippedHeaders.push(name)
      if (!wanted.includes(name)) continue
      const index = header.getAttribute('aria-colindex')
      for (const cell of root.querySelectorAll(`[role="gridcell"][aria-colindex="${index}"]`)) {
        result.cellsChecked++
        if (cuts(cell)) result.clippedCells.push(`${name}: ${(cell.textContent ?? '').trim()}`)
      }
    }
    return result
  }, columns)
}

/** Dates, statuses and types: the columns that must never be cut off. */
const COMPACT_COLUMNS = [
  'Status',
  'Customer since',
  'Every',
  'Interval',
  'Date',
  'Type',
  'Sync',
  'Stage',
  'Forecast',
  'Close date',
  'Created',
  'Pipeline'
]

async function expectNothingClipped(page: Page, section: string): Promise<void> {
  const found = await clippingIn(grid(page, section), COMPACT_COLUMNS)
  expect(found.headers.length, `${section} shows columns`).toBeGreaterThan(2)
  expect(found.clippedHeaders, `${section}: headers cut off`).toEqual([])
  expect(found.cellsChecked, `${section}: date/status/type cells seen`).toBeGreaterThan(0)
  expect(found.clippedCells, `${section}: cells cut off`).toEqual([])
}

/** The first cell in a grid whose text is cut off, as (row, column) ARIA indexes. */
function firstClippedCell(
  region: Locator
): Promise<{ row: string; column: string; text: string } | null> {
  return region.evaluate((root) => {
    for (const cell of root.querySelectorAll<HTMLElement>('[role="gridcell"]')) {
      if (cell.scrollWidth <= cell.clientWidth + 1) continue
      const row = cell.closest('[role="row"]')?.getAttribute('aria-rowindex')
      const column = cell.getAttribute('aria-colindex')
      if (row && column) return { row, column, text: (cell.textContent ?? '').trim() }
    }
    return null
  })
}

const focusedColumn = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-colindex') ?? null)

/** Arrow keys only: right along the focused row until the column with that aria-colindex. */
async function moveRightTo(page: Page, column: string): Promise<void> {
  for (let step = 0; step < 30 && (await focusedColumn(page)) !== column; step++) {
    await page.keyboard.press('ArrowRight')
  }
  expect(await focusedColumn(page)).toBe(column)
}

const activeLabel = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null)

/** Rows the grid says it shows (aria-rowcount counts the header row too). */
async function rowsShown(region: Locator): Promise<number> {
  const count = await region.getByRole('grid').getAttribute('aria-rowcount')
  return Number(count) - 1
}

describe('grids that fit (ChartMogul, light)', () => {
  it('cuts off no header and no date/status/type cell, and shows cut-off values on focus', async () => {
    const page = await chartMogulDemo('light')
    for (const section of ['Customers', 'Plans', 'Activities', 'Opportunities']) {
      await openSection(page, section)
      await expectNothingClipped(page, section)
      await app!.screenshot(`gridfit-${section.toLowerCase()}`)
    }

    // A cell that is cut off (a long email or description), reached with the keyboard:
    // its full text shows in a tooltip.
    let target: { section: string; row: string; column: string; text: string } | null = null
    for (const section of ['Activities', 'Customers', 'Opportunities']) {
      await openSection(page, section)
      const cell = await firstClippedCell(grid(page, section))
      if (cell) {
        target = { section, ...cell }
        break
      }
    }
    expect(target, 'some free-text cell is cut off at 1280×800').not.toBeNull()
    const { section, row, column, text } = target!
    const rowCells = grid(page, section)
      .getByRole('row')
      .and(page.locator(`[aria-rowindex="${row}"]`))
      .getByRole('gridcell')
    await rowCells.first().click()
    await moveRightTo(page, column)
    const tooltip = page.getByRole('tooltip')
    await expect.poll(() => tooltip.isVisible()).toBe(true)
    expect(((await tooltip.textContent()) ?? '').trim()).toBe(text)

    // The mouse: the same cell, hovered, carries its full text as its title.
    const clippedCell = rowCells.and(page.locator(`[aria-colindex="${column}"]`))
    await clippedCell.hover()
    await expect.poll(() => clippedCell.getAttribute('title')).toBe(text)
    expect(app!.consoleErrors).toEqual([])
  })

  it('aligns money to the right, header and values alike, with each filter button beside its name', async () => {
    const page = await chartMogulDemo('light')
    const customers = grid(page, 'Customers')
    await expect.poll(() => customers.getByRole('gridcell').count()).toBeGreaterThan(0)
    /** Left and right of the column, of its header's name and filter button, of a cell's text. */
    const layout = (name: string) =>
      customers.evaluate((root, header) => {
        const cellOf = [...root.querySelectorAll<HTMLElement>('[role="columnheader"]')].find(
          (cell) => cell.innerText.trim() === header
        )!
        const index = cellOf.getAttribute('aria-colindex')
        const button = cellOf.querySelector('button')!.getBoundingClientRect()
        const textOf = (element: Element): DOMRect => {
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if ((node.textContent ?? '').trim() === '') continue
            const range = document.createRange()
            range.selectNodeContents(node)
            const rect = range.getBoundingClientRect()
            if (rect.width > 0) return rect
          }
          throw new Error(`no text in ${header}`)
        }
        const value = [
          ...root.querySelectorAll(`[role="gridcell"][aria-colindex="${index}"]`)
        ].find((cell) => (cell.textContent ?? '').trim() !== '')!
        const column = cellOf.getBoundingClientRect()
        return {
          column: { left: column.left, right: column.right },
          name: textOf(cellOf).toJSON() as DOMRect,
          button: button.toJSON() as DOMRect,
          value: textOf(value).toJSON() as DOMRect
        }
      }, name)

    // MRR: the button follows the name and ends at the right edge, where the amounts end.
    const mrr = await layout('MRR')
    expect(mrr.button.left - mrr.name.right).toBeGreaterThanOrEqual(0)
    expect(mrr.button.left - mrr.name.right).toBeLessThan(10)
    expect(mrr.column.right - mrr.button.right).toBeLessThan(24)
    expect(mrr.column.right - mrr.value.right).toBeLessThan(24)
    expect(mrr.value.left - mrr.column.left).toBeGreaterThan(24)
    // Status: name and values start at the left edge, the button right after the name.
    const status = await layout('Status')
    expect(status.name.left - status.column.left).toBeLessThan(24)
    expect(status.value.left - status.column.left).toBeLessThan(24)
    expect(status.button.left - status.name.right).toBeGreaterThanOrEqual(0)
    expect(status.button.left - status.name.right).toBeLessThan(10)
    expect(app!.consoleErrors).toEqual([])
  })

  it('opens a column filter from its labelled button with the keyboard, and returns focus', async () => {
    const page = await chartMogulDemo('light')
    const customers = grid(page, 'Customers')
    const total = simulator!.store.customers().length
    await expect.poll(() => rowsShown(customers)).toBe(total)

    const filterMrr = customers.getByRole('button', { name: 'Filter MRR' })
    expect(await filterMrr.count()).toBe(1)
    for (const name of ['Name', 'Email', 'Status', 'Customer since']) {
      expect(await customers.getByRole('button', { name: `Filter ${name}` }).count()).toBe(1)
    }
    await expectAccessible(page, 'customers grid with filter buttons, light')

    // Keyboard only: from a cell of the MRR column up into its header, Tab to the button.
    const mrrHeader = customers
      .getByRole('columnheader')
      .filter({ has: page.getByRole('button', { name: 'Filter MRR' }) })
    const mrrColumn = await mrrHeader.getAttribute('aria-colindex')
    await customers.getByRole('gridcell').first().click()
    await page.keyboard.press('ArrowUp')
    await moveRightTo(page, mrrColumn!)
    await page.keyboard.press('Tab')
    await expect.poll(() => activeLabel(page)).toBe('Filter MRR')
    await page.keyboard.press('Enter')
    // Not sorted by the Enter that opened the filter.
    expect(await mrrHeader.getAttribute('aria-sort')).not.toBe('ascending')

    // One customer's MRR, in major units: "equals" keeps exactly those customers.
    const mrrs = simulator!.store.customers().map((c) => c.mrr)
    const wanted = mrrs.find((cents) => cents > 0)!
    const expected = mrrs.filter((cents) => cents === wanted).length
    const input = page.getByRole('spinbutton', { name: 'Filter Value' }).first()
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true)
    await expectAccessible(page, 'MRR filter open from its button, light')
    await page.keyboard.type(String(wanted / 100))
    await expect.poll(() => rowsShown(customers)).toBe(expected)
    await page.keyboard.press('Escape')
    await expect.poll(() => activeLabel(page)).toBe('Filter MRR')
    expect(await rowsShown(customers)).toBe(expected)
    // The button says its column is filtered: drawn in the accent colour, the others not.
    const colour = (button: Locator): Promise<string> =>
      button.evaluate((el) => getComputedStyle(el).color)
    const accent = await page.evaluate(() => {
      const probe = document.createElement('div')
      probe.style.color = 'var(--accent)'
      document.body.appendChild(probe)
      const value = getComputedStyle(probe).color
      probe.remove()
      return value
    })
    await page.mouse.move(0, 0)
    await expect.poll(() => colour(filterMrr)).toBe(accent)
    expect(await colour(customers.getByRole('button', { name: 'Filter Status' }))).not.toBe(accent)
    expect(app!.consoleErrors).toEqual([])
  })
})

/** A CSS colour token resolved the way the page resolves it, e.g. "rgb(24, 27, 33)". */
function token(page: Page, name: string): Promise<string> {
  return page.evaluate((variable) => {
    const probe = document.createElement('div')
    probe.style.backgroundColor = `var(${variable})`
    document.body.appendChild(probe)
    const value = getComputedStyle(probe).backgroundColor
    probe.remove()
    return value
  }, name)
}

/** The first non-transparent background at or above an element. */
function backgroundOf(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    for (let at: Element | null = element; at; at = at.parentElement) {
      const colour = getComputedStyle(at).backgroundColor
      if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour
    }
    return ''
  })
}

describe('grids and panels in dark', () => {
  it('draws the grid with the app’s dark surfaces and keeps Customer 360’s deals inside the panel', async () => {
    // A deal owned by someone with a long email (no spaces to wrap at), as real CRMs have.
    const longOwner = 'alexandra.konstantinopoulouvandermeulen@enterpriseaccounts.example.com'
    let dealUuid = ''
    const page = await chartMogulDemo('dark', (running) => {
      const {
        uuid: _uuid,
        created_at: _created,
        updated_at: _updated,
        ...deal
      } = running.store.opportunities()[0]!
      dealUuid = running.store.createOpportunity({ ...deal, owner: longOwner }).uuid
    })
    const customers = grid(page, 'Customers')
    await expect.poll(() => customers.getByRole('gridcell').count()).toBeGreaterThan(0)

    expect(await backgroundOf(customers.getByRole('gridcell').first())).toBe(
      await token(page, '--surface-1')
    )
    expect(await backgroundOf(customers.getByRole('columnheader').first())).toBe(
      await token(page, '--surface-2')
    )
    expect(
      await customers
        .getByRole('gridcell')
        .first()
        .evaluate((el) => getComputedStyle(el).color)
    ).toBe(
      await page.evaluate(() => {
        const probe = document.createElement('div')
        probe.style.color = 'var(--text)'
        document.body.appendChild(probe)
        const value = getComputedStyle(probe).color
        probe.remove()
        return value
      })
    )
    await expectAccessible(page, 'customers grid with filter buttons, dark')
    const filterStatus = customers.getByRole('button', { name: 'Filter Status' })
    await filterStatus.focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Filter Value' }).first().isVisible())
      .toBe(true)
    await expectAccessible(page, 'Status filter open from its button, dark')
    await page.keyboard.press('Escape')
    await expect.poll(() => activeLabel(page)).toBe('Filter Status')

    const store = simulator!.store
    const deal = store.getOpportunity(dealUuid)!
    const customer = store.customers().find((c) => c.uuid === deal.customer_uuid)!
    await page.getByRole('searchbox', { name: 'Search customers' }).fill(customer.email ?? '')
    await expect.poll(() => rowsShown(customers)).toBeGreaterThan(0)
    await customers.getByRole('gridcell').first().click()
    await page.keyboard.press('Enter')
    const panel = page.getByRole('dialog', { name: `Customer ${customer.name}` })
    await expect.poll(() => panel.isVisible()).toBe(true)
    const deals = panel.getByRole('table', { name: 'Opportunities' })
    await expect.poll(() => deals.getByRole('row').count()).toBeGreaterThan(1)
    const table = (await deals.boundingBox())!
    const frame = (await panel.boundingBox())!
    expect(table.x + table.width).toBeLessThanOrEqual(frame.x + frame.width)
    await app!.screenshot('gridfit-customer360-dark')
    expect(app!.consoleErrors).toEqual([])
  })
})

describe('grids that fit (Monaco, light)', () => {
  it('cuts off no header and no date/status/type cell in Accounts, Contacts and Opportunities', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('button', { name: 'Open Monaco demo' }).click()
    await expect
      .poll(() => page.getByRole('contentinfo', { name: 'Status' }).textContent(), {
        timeout: 60_000
      })
      .toContain('Last synced')
    for (const section of ['Accounts', 'Contacts', 'Opportunities']) {
      await openSection(page, section)
      await expectNothingClipped(page, section)
      await app.screenshot(`gridfit-monaco-${section.toLowerCase()}`)
    }
    expect(app.consoleErrors).toEqual([])
  })
})
