/**
 * Keyboard-first Revdesk, in real Chromium, by role, name and keys only: the Ctrl+K command
 * palette moves the selected deal's stage through the outbox (Pending badge, listed in the
 * Outbox), "G then B" goes to the Outbox, "?" shows the shortcut sheet and Esc gives focus
 * back, and a one-key shortcut never steals a letter typed into a text field. The palette (both
 * steps) and the sheet pass the WCAG audit in light and dark.
 */
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { exploreDemoAndWaitForSync } from './harness/demoBackend'
import { expectAccessible } from './harness/axe'
import { launchApp, type LaunchedApp } from './harness/launchApp'
import { pausableBackend, type PausableBackend } from './harness/pausableBackend'

let app: LaunchedApp | undefined
let simulator: RunningSimulator | undefined
let backend: PausableBackend | undefined

afterEach(async () => {
  await app?.close()
  await backend?.close()
  await simulator?.close()
  app = undefined
  backend = undefined
  simulator = undefined
})

const grid = (page: Page): Locator => page.getByRole('region', { name: 'Opportunities table' })
const heading = (page: Page): Promise<string | null> =>
  page.getByRole('heading', { level: 1 }).textContent()
const focusedInGrid = (page: Page): Promise<boolean> =>
  page.evaluate(
    () =>
      document.activeElement?.closest('[role="region"]')?.getAttribute('aria-label') ===
      'Opportunities table'
  )

/** Tabs from the grid's search box into its body, then down to the first deal. */
async function focusFirstDeal(page: Page): Promise<void> {
  await page.keyboard.press('/')
  for (let i = 0; i < 12 && !(await focusedInGrid(page)); i++) await page.keyboard.press('Tab')
  expect(await focusedInGrid(page)).toBe(true)
  await page.keyboard.press('ArrowDown')
}

describe.each(['light', 'dark'] as const)('the keyboard, %s', (colorScheme) => {
  it('moves a selected deal’s stage from the palette, goes places by letter, and shows the sheet', async () => {
    simulator = await startSimulator({
      apiKey: 'palette-e2e',
      data: { seed: 11, customers: 40 },
      faults: { latencyMs: 5 }
    })
    backend = await pausableBackend(simulator)
    app = await launchApp({ demo: backend.demo, colorScheme })
    const { page } = app
    await exploreDemoAndWaitForSync(app)
    // Offline from here: the change waits in the outbox, so its Pending badge stays put.
    await backend.stop()

    // G then O: Opportunities.
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Customers' })
      .focus()
    await page.keyboard.press('g')
    await page.keyboard.press('o')
    await expect.poll(() => heading(page)).toBe('Opportunities')
    await expect.poll(() => grid(page).getByRole('row').count()).toBeGreaterThan(1)

    // Select the first deal with the keyboard.
    await focusFirstDeal(page)
    await page.keyboard.press('Space')
    const selected = grid(page).getByRole('row', { selected: true })
    await expect.poll(() => selected.count()).toBe(1)
    const stageBefore = (await selected.locator('[col-id="pipelineStage"]').textContent())?.trim()
    const newStage = stageBefore === 'Negotiation' ? 'Discovery' : 'Negotiation'

    // Ctrl+K: commands are listed in groups, each with its shortcut.
    await page.keyboard.press('Control+K')
    const palette = page.getByRole('dialog', { name: 'Command palette' })
    await expect.poll(() => palette.isVisible()).toBe(true)
    const actions = palette.getByRole('group', { name: 'Actions' })
    await expect.poll(() => actions.getByRole('option', { name: /Move stage…/ }).count()).toBe(1)
    const goTo = palette.getByRole('group', { name: 'Go to' })
    expect(await goTo.getByRole('option', { name: /Go to Outbox/ }).textContent()).toContain(
      'G then B'
    )
    expect(await actions.getByRole('option', { name: /Sync now/ }).count()).toBe(1)
    expect(await actions.getByRole('option', { name: /Export CSV/ }).count()).toBe(1)
    await expectAccessible(page, `command palette, ${colorScheme}`)

    // Type "move", Enter: the second step lists the stages.
    await page.keyboard.type('move')
    const move = palette.getByRole('option', { name: /Move stage…/ })
    await expect.poll(() => move.getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Enter')
    const stageInput = palette.getByRole('combobox', { name: 'Stage' })
    await expect.poll(() => stageInput.isVisible()).toBe(true)
    await expect
      .poll(() =>
        palette.getByRole('listbox', { name: 'Stage choices' }).getByRole('option').count()
      )
      .toBeGreaterThan(1)
    await expectAccessible(page, `command palette, stage step, ${colorScheme}`)
    await page.keyboard.type(newStage)
    const choice = palette.getByRole('option', { name: newStage, exact: true })
    await expect.poll(() => choice.getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Enter')
    await expect.poll(() => palette.count()).toBe(0)

    // The row shows the new stage and a Pending badge; focus is back in the grid.
    await expect
      .poll(() => selected.locator('[col-id="pipelineStage"]').textContent())
      .toBe(newStage)
    await expect.poll(() => selected.locator('[col-id="sync"]').textContent()).toBe('Pending')
    expect(await focusedInGrid(page)).toBe(true)

    // The same deal's close date (a date step) and forecast category (a choice step).
    await page.keyboard.press('Control+K')
    await page.keyboard.type('close date')
    const closeDate = palette.getByRole('option', { name: /Set close date…/ })
    await expect.poll(() => closeDate.getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Enter')
    const dateInput = palette.getByLabel(/Close date/)
    await expect.poll(() => dateInput.evaluate((el) => el === document.activeElement)).toBe(true)
    await expectAccessible(page, `command palette, date step, ${colorScheme}`)
    await dateInput.fill('2031-05-20')
    await page.keyboard.press('Enter')
    await expect.poll(() => palette.count()).toBe(0)
    await expect
      .poll(() => selected.locator('[col-id="estimatedCloseDate"]').textContent())
      .toContain('2031')
    await page.keyboard.press('Control+K')
    await page.keyboard.type('forecast')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => palette.getByRole('combobox', { name: 'Forecast category' }).isVisible())
      .toBe(true)
    await page.keyboard.type('best')
    const bestCase = palette.getByRole('option', { name: 'Best case' })
    await expect.poll(() => bestCase.getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Enter')
    await expect.poll(() => palette.count()).toBe(0)
    await expect
      .poll(() => selected.locator('[col-id="forecastCategory"]').textContent())
      .toMatch(/best.case/i)

    // G then B: the Outbox lists the change.
    await page.keyboard.press('g')
    await page.keyboard.press('b')
    await expect.poll(() => heading(page)).toBe('Outbox')
    await expect
      .poll(() => page.getByRole('table', { name: 'Queued changes' }).textContent())
      .toContain(newStage)

    // ?: the sheet, every shortcut grouped; Esc closes it and gives focus back.
    const outboxNav = page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Outbox' })
    await outboxNav.focus()
    await page.keyboard.press('?')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect.poll(() => sheet.isVisible()).toBe(true)
    expect(await sheet.getByRole('region', { name: 'Go to' }).textContent()).toContain('G then B')
    expect(await sheet.getByRole('region', { name: 'General' }).textContent()).toContain('Ctrl+K')
    await expectAccessible(page, `shortcut sheet, ${colorScheme}`)
    await page.keyboard.press('Escape')
    await expect.poll(() => sheet.count()).toBe(0)
    await expect.poll(() => outboxNav.evaluate((el) => el === document.activeElement)).toBe(true)

    // Typing "c" in the search box types it; outside a text field it opens the editor.
    await page.keyboard.press('g')
    await page.keyboard.press('o')
    await expect.poll(() => heading(page)).toBe('Opportunities')
    await page.keyboard.press('/')
    const search = page.getByRole('searchbox', { name: 'Search opportunities' })
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('c')
    expect(await search.inputValue()).toBe('c')
    expect(await page.getByRole('dialog', { name: 'New opportunity' }).count()).toBe(0)
    await search.fill('')
    await outboxNav.focus()
    await page.keyboard.press('c')
    await expect.poll(() => page.getByRole('dialog', { name: 'New opportunity' }).count()).toBe(1)
    expect(
      await page.getByRole('button', { name: 'New opportunity' }).getAttribute('aria-keyshortcuts')
    ).toBe('C')
    expect(app.consoleErrors).toEqual([])
  })
})

describe('the command palette on Monaco', () => {
  it('offers only what Monaco’s capability table allows, and Monaco’s sections', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('button', { name: 'Open Monaco demo' }).click()
    await expect
      .poll(() => page.getByRole('contentinfo', { name: 'Status' }).textContent(), {
        timeout: 60_000
      })
      .toContain('Last synced')
    await page.keyboard.press('g')
    await page.keyboard.press('o')
    await expect.poll(() => heading(page)).toBe('Opportunities')
    await expect.poll(() => grid(page).getByRole('row').count()).toBeGreaterThan(1)
    await focusFirstDeal(page)

    await page.keyboard.press('Control+K')
    const palette = page.getByRole('dialog', { name: 'Command palette' })
    const actions = palette.getByRole('group', { name: 'Actions' })
    await expect.poll(() => actions.getByRole('option', { name: /Move stage…/ }).count()).toBe(1)
    expect(await actions.getByRole('option', { name: /Assign owner…/ }).count()).toBe(1)
    // Monaco deals have no forecast category: not offered.
    expect(await palette.getByRole('option', { name: /forecast/i }).count()).toBe(0)
    const goTo = palette.getByRole('group', { name: 'Go to' })
    expect(await goTo.getByRole('option', { name: /Go to Accounts/ }).textContent()).toContain(
      'G then A'
    )
    expect(await goTo.getByRole('option', { name: /Go to Customers/ }).count()).toBe(0)

    // Assign owner lists Monaco's cached users.
    await page.keyboard.type('assign')
    const assign = palette.getByRole('option', { name: /Assign owner…/ })
    await expect.poll(() => assign.getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Enter')
    await expect
      .poll(() =>
        palette.getByRole('listbox', { name: 'Owner choices' }).getByRole('option').count()
      )
      .toBeGreaterThan(0)
    await expectAccessible(page, 'command palette, owner step, Monaco')
    expect(app.consoleErrors).toEqual([])
  })
})
