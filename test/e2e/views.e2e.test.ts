/**
 * Saved views over a synced demo in Chromium, driven by role, name, label and keyboard: filter
 * and sort the customers grid, save it as a view, make it the default, reload (the default comes
 * back even after the working layout was reset), update, rename (a taken name is refused in the
 * dialog), delete; views are per grid and per workspace; the menu and the naming dialog pass
 * axe in light and dark.
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

const CUSTOMERS = 300
/** Longer than the grid's 300 ms debounce of its working layout (localStorage). */
const LAYOUT_SAVED_MS = 700

async function syncedDemo(): Promise<{ page: Page; pastDue: number }> {
  simulator = await startSimulator({
    apiKey: 'views-e2e',
    data: { seed: 7, customers: CUSTOMERS },
    faults: { latencyMs: 5 }
  })
  app = await launchApp({ demo: demoBackedBy(simulator) })
  await exploreDemoAndWaitForSync(app)
  const pastDue = simulator.store.customers().filter((c) => c.status === 'Past Due').length
  return { page: app.page, pastDue }
}

const section = (page: Page, name: string): Promise<void> =>
  page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name, exact: true })
    .click()

const table = (page: Page, grid: string): Locator =>
  page.getByRole('region', { name: `${grid} table` })

/** Rows the grid shows, as it tells assistive technology (aria-rowcount counts the header row). */
async function rowsShown(page: Page, grid: string): Promise<number> {
  const count = await table(page, grid).getByRole('grid').getAttribute('aria-rowcount')
  return Number(count) - 1
}

/** A column header; its accessible name is the column's name followed by its filter button's. */
const header = (page: Page, grid: string, name: string): Locator =>
  table(page, grid).getByRole('columnheader', { name: new RegExp(`^${name}\\b`) })

const viewsButton = (page: Page, shown: string): Locator =>
  page.getByRole('button', { name: `View: ${shown}` })

const menu = (page: Page, grid: string): Locator =>
  page.getByRole('menu', { name: `${grid} views` })

const focusedName = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? ''
  })

/** Status "contains past due" through the column's labelled filter button, by keyboard. */
async function filterStatusPastDue(page: Page): Promise<void> {
  await table(page, 'Customers').getByRole('button', { name: 'Filter Status', exact: true }).focus()
  await page.keyboard.press('Enter')
  const value = page.getByRole('textbox', { name: 'Filter Value' }).first()
  await value.fill('past due')
  await page.keyboard.press('Escape')
}

async function saveViewAs(page: Page, shown: string, name: string): Promise<void> {
  await viewsButton(page, shown).click()
  await page.getByRole('menuitem', { name: 'Save current view as…' }).click()
  const dialog = page.getByRole('dialog', { name: /view$/ })
  await dialog.getByLabel('View name').fill(name)
  await page.keyboard.press('Enter')
  await expect.poll(() => dialog.count()).toBe(0)
}

async function chooseFromMenu(page: Page, shown: string, item: string | RegExp): Promise<void> {
  await viewsButton(page, shown).click()
  await page
    .getByRole('menuitemradio', { name: item })
    .or(page.getByRole('menuitem', { name: item }))
    .click()
}

const menuItems = async (page: Page, grid: string): Promise<string[]> =>
  (await menu(page, grid).getByRole('menuitemradio').allTextContents()).map((t) => t.trim())

describe('saved views', () => {
  it('saves, defaults, survives a reload, updates, renames and deletes a customers view', async () => {
    const { page, pastDue } = await syncedDemo()
    expect(pastDue).toBeGreaterThan(0)
    await expect.poll(() => rowsShown(page, 'Customers')).toBe(CUSTOMERS)

    await filterStatusPastDue(page)
    await expect.poll(() => rowsShown(page, 'Customers')).toBe(pastDue)
    // Sort by MRR, highest first: Enter on the header twice.
    const mrr = header(page, 'Customers', 'MRR')
    await mrr.focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await expect.poll(() => mrr.getAttribute('aria-sort')).toBe('descending')

    // The menu by keyboard: ArrowDown opens it on its first item, End goes to the last.
    await viewsButton(page, 'All customers').focus()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => menu(page, 'Customers').count()).toBe(1)
    expect(await focusedName(page)).toBe('All customers')
    expect(await menuItems(page, 'Customers')).toEqual(['All customers'])
    await expectAccessible(page, 'views menu open, light')
    await app!.screenshot('views-menu')
    await page.keyboard.press('End')
    expect(await focusedName(page)).toBe('Save current view as…')
    await page.keyboard.press('Enter')

    // An empty name is refused in the dialog, tied to the field.
    const dialog = page.getByRole('dialog', { name: 'Save customers view' })
    const field = dialog.getByLabel('View name')
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true)
    await expectAccessible(page, 'naming dialog, light')
    await page.keyboard.press('Enter')
    const error = dialog.getByRole('alert')
    await expect.poll(() => error.textContent()).toBe('Enter a name for the view.')
    expect(await field.getAttribute('aria-invalid')).toBe('true')
    expect(await field.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'))
    await expectAccessible(page, 'naming dialog with an error, light')
    await app!.screenshot('views-name-dialog-error')
    await field.fill('Past due customers')
    await page.keyboard.press('Enter')
    await expect.poll(() => dialog.count()).toBe(0)
    // Focus is back on the menu button, which names the view.
    await expect
      .poll(() =>
        viewsButton(page, 'Past due customers').evaluate((el) => el === document.activeElement)
      )
      .toBe(true)

    // Make it the default.
    await chooseFromMenu(page, 'Past due customers', 'Set as default')
    await viewsButton(page, 'Past due customers').click()
    expect(await menuItems(page, 'Customers')).toEqual([
      'All customers',
      'Past due customers (default)'
    ])
    expect(
      await page
        .getByRole('menuitemradio', { name: 'Past due customers (default)' })
        .getAttribute('aria-checked')
    ).toBe('true')
    // Not changed since saved: nothing to update.
    expect(await page.getByRole('menuitem', { name: /^Update/ }).count()).toBe(0)
    expect(await page.getByRole('menuitem', { name: 'Clear default' }).count()).toBe(1)
    await page.keyboard.press('Escape')
    expect(await menu(page, 'Customers').count()).toBe(0)

    // Back to all customers: the working layout has no filter; the default view still wins on
    // the next start.
    await chooseFromMenu(page, 'Past due customers', 'All customers')
    await expect.poll(() => rowsShown(page, 'Customers')).toBe(CUSTOMERS)
    expect(await mrr.getAttribute('aria-sort')).not.toBe('descending')
    await page.waitForTimeout(LAYOUT_SAVED_MS)
    await app!.reload()
    await expect.poll(() => viewsButton(page, 'Past due customers').count()).toBe(1)
    await expect.poll(() => rowsShown(page, 'Customers')).toBe(pastDue)
    expect(await header(page, 'Customers', 'MRR').getAttribute('aria-sort')).toBe('descending')

    // Changed since saved: "Update" puts the grid's state into the view.
    await header(page, 'Customers', 'Name').focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => header(page, 'Customers', 'Name').getAttribute('aria-sort'))
      .toBe('ascending')
    await chooseFromMenu(page, 'Past due customers', 'Update “Past due customers”')
    await viewsButton(page, 'Past due customers').click()
    expect(await page.getByRole('menuitem', { name: /^Update/ }).count()).toBe(0)
    await page.keyboard.press('Escape')

    // A second view, from all customers; renaming the first onto its name is refused.
    await chooseFromMenu(page, 'Past due customers', 'All customers')
    await saveViewAs(page, 'All customers', 'Everyone')
    await chooseFromMenu(page, 'Everyone', 'Past due customers (default)')
    await expect.poll(() => rowsShown(page, 'Customers')).toBe(pastDue)
    await chooseFromMenu(page, 'Past due customers', 'Rename…')
    const rename = page.getByRole('dialog', { name: 'Rename view' })
    const renameField = rename.getByLabel('View name')
    expect(await renameField.inputValue()).toBe('Past due customers')
    await renameField.fill('  EVERYONE ')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => rename.getByRole('alert').textContent())
      .toBe(
        'There is already a view named “Everyone” here. Choose another name, or update that view.'
      )
    await renameField.fill('Late payers')
    await page.keyboard.press('Enter')
    await expect.poll(() => viewsButton(page, 'Late payers').count()).toBe(1)
    await viewsButton(page, 'Late payers').click()
    expect(await menuItems(page, 'Customers')).toEqual([
      'All customers',
      'Everyone',
      'Late payers (default)'
    ])
    await page.keyboard.press('Escape')

    // Views are per grid: Plans has none of them.
    await section(page, 'Plans')
    await viewsButton(page, 'All plans').click()
    expect(await menuItems(page, 'Plans')).toEqual(['All plans'])
    await page.keyboard.press('Escape')
    await section(page, 'Customers')
    // Reopening the section applies the default again.
    await expect.poll(() => viewsButton(page, 'Late payers').count()).toBe(1)
    await expect.poll(() => rowsShown(page, 'Customers')).toBe(pastDue)

    // Delete, after confirming; Cancel keeps it.
    await chooseFromMenu(page, 'Late payers', 'Delete…')
    const confirm = page.getByRole('alertdialog', { name: 'Delete the view “Late payers”?' })
    await expect.poll(() => confirm.count()).toBe(1)
    await expectAccessible(page, 'delete confirmation, light')
    await page.keyboard.press('Enter') // Cancel has focus
    await expect.poll(() => confirm.count()).toBe(0)
    await chooseFromMenu(page, 'Late payers', 'Delete…')
    await confirm.getByRole('button', { name: 'Delete view' }).click()
    await expect.poll(() => viewsButton(page, 'All customers').count()).toBe(1)
    await viewsButton(page, 'All customers').click()
    expect(await menuItems(page, 'Customers')).toEqual(['All customers', 'Everyone'])
    await page.keyboard.press('Escape')
    // No default any more: a restart keeps the last working layout.
    await page.waitForTimeout(LAYOUT_SAVED_MS)
    await app!.reload()
    await expect.poll(() => viewsButton(page, 'All customers').count()).toBe(1)
    await expect.poll(() => rowsShown(page, 'Customers')).toBe(pastDue)

    // Dark: the menu and the naming dialog.
    await page.emulateMedia({ colorScheme: 'dark' })
    await viewsButton(page, 'All customers').click()
    await expect.poll(() => menu(page, 'Customers').count()).toBe(1)
    await expectAccessible(page, 'views menu open, dark')
    await app!.screenshot('views-menu-dark')
    await page.getByRole('menuitem', { name: 'Save current view as…' }).click()
    await page.keyboard.press('Enter')
    await expect.poll(() => dialog.getByRole('alert').count()).toBe(1)
    await expectAccessible(page, 'naming dialog with an error, dark')
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    await expect
      .poll(() =>
        viewsButton(page, 'All customers').evaluate((el) => el === document.activeElement)
      )
      .toBe(true)
    expect(app!.consoleErrors).toEqual([])
  }, 180_000)

  it('keeps each workspace’s views to itself', async () => {
    await syncedDemo()
    const { page } = app!
    await section(page, 'Opportunities')
    await saveViewAs(page, 'All opportunities', 'Big deals')
    await expect.poll(() => viewsButton(page, 'Big deals').count()).toBe(1)

    // The Monaco demo: its own Opportunities grid, its own (empty) list.
    await section(page, 'Settings')
    await page.getByRole('button', { name: 'Open Monaco demo' }).click()
    await expect
      .poll(() => page.getByRole('contentinfo', { name: 'Status' }).textContent(), {
        timeout: 60_000
      })
      .toContain('Last synced')
    await section(page, 'Opportunities')
    await viewsButton(page, 'All opportunities').click()
    expect(await menuItems(page, 'Opportunities')).toEqual(['All opportunities'])
    await page.getByRole('menuitem', { name: 'Save current view as…' }).click()
    await page
      .getByRole('dialog', { name: 'Save opportunities view' })
      .getByLabel('View name')
      .fill('Monaco pipeline')
    await page.keyboard.press('Enter')
    await expect.poll(() => viewsButton(page, 'Monaco pipeline').count()).toBe(1)

    // Back to the ChartMogul demo: its view, not Monaco's. The grid still shows the layout
    // "Big deals" was saved from, so the menu names it.
    await page
      .getByRole('combobox', { name: 'Workspace' })
      .selectOption({ label: 'Demo workspace' })
    await section(page, 'Opportunities')
    await expect.poll(() => viewsButton(page, 'Big deals').count()).toBe(1)
    await viewsButton(page, 'Big deals').click()
    expect(await menuItems(page, 'Opportunities')).toEqual(['All opportunities', 'Big deals'])
    expect(app!.consoleErrors).toEqual([])
  }, 150_000)
})
