/**
 * The application menu drives the page the way its buttons do. Electron's menu cannot run here,
 * so the test sends what main sends when an item is chosen (the `menuCommand` event) and checks,
 * by role and name, what the person sees: the CSV download, the Outbox, the "New opportunity" dialog, and Settings
 * with focus in the form to add a workspace.
 */
import type { Page } from 'playwright-core'
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

const heading = (page: Page): Promise<string | null> =>
  page.getByRole('heading', { level: 1 }).textContent()

describe('the application menu', () => {
  it('exports CSV, goes to the Outbox and opens "New opportunity" in a demo workspace', async () => {
    simulator = await startSimulator({
      apiKey: 'menu-e2e',
      data: { seed: 13, customers: 20 },
      faults: { latencyMs: 5 }
    })
    app = await launchApp({ demo: demoBackedBy(simulator) })
    const { page } = app
    await exploreDemoAndWaitForSync(app)

    // The Customers grid shows rows: Export CSV downloads what the button would.
    await expect.poll(() => heading(page)).toBe('Customers')
    const exportButton = page.getByRole('button', { name: 'Export CSV' })
    await expect.poll(() => exportButton.isEnabled()).toBe(true)
    const downloaded = page.waitForEvent('download')
    app.emit('menuCommand', { command: 'export-csv' })
    const download = await downloaded
    expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/)

    app.emit('menuCommand', { command: 'go-to-section', section: 'outbox' })
    await expect.poll(() => heading(page)).toBe('Outbox')

    app.emit('menuCommand', { command: 'new-opportunity' })
    const dialog = page.getByRole('dialog', { name: 'New opportunity' })
    await expect.poll(() => dialog.count()).toBe(1)

    // Under the dialog the menu waits, as the keyboard shortcuts do.
    app.emit('menuCommand', { command: 'go-to-section', section: 'plans' })
    await page.waitForTimeout(300)
    expect(await heading(page)).toBe('Outbox')
  })

  describe.each(['light', 'dark'] as const)('%s', (colorScheme) => {
    it('"Add workspace…" lands in Settings with focus in the add-workspace form', async () => {
      app = await launchApp({ colorScheme })
      const { page } = app
      app.emit('menuCommand', { command: 'add-workspace' })
      await expect.poll(() => heading(page)).toBe('Settings')
      const form = page.getByRole('form', { name: 'Add a workspace' })
      await expect
        .poll(() => form.evaluate((element) => element.contains(document.activeElement)))
        .toBe(true)
      // Its first field: the provider, as chosen.
      const provider = form.getByRole('radio', { checked: true })
      expect(await provider.evaluate((element) => element === document.activeElement)).toBe(true)
      await expectAccessible(page, `Settings after "Add workspace…" (${colorScheme})`)
    })
  })
})
