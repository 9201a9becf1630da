/**
 * Storage in real Chromium: Settings shows the persistence status and each workspace's cache
 * size after a sync (accessible in light and dark).
 * When IndexedDB refuses writes as over quota, an edit is refused with the disk-full message
 * and the typed value kept, and a sync says the disk is full instead of failing silently.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAccessible } from './harness/axe'
import { exploreDemoAndWaitForSync } from './harness/demoBackend'
import { launchApp, type LaunchedApp } from './harness/launchApp'

let app: LaunchedApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/**
 * The disk fills up: from now on IndexedDB refuses every write in this page with the error
 * Chromium raises for a full disk. (A real quota was tried first: Chromium 156 accepts
 * DevTools' Storage.overrideQuotaForOrigin from the page's session without applying it, and
 * refuses it from the browser's session, so the refusal is injected at IndexedDB's own API.)
 */
function fillDisk(page: Page): Promise<void> {
  return page.evaluate(() => {
    const refuse = function (): never {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    IDBObjectStore.prototype.put = refuse
    IDBObjectStore.prototype.add = refuse
  })
}

async function openSettings(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings')
}

describe('storage', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`Settings shows the persistence status and the cache size per workspace (${colorScheme})`, async () => {
      app = await launchApp({ colorScheme })
      const { page } = app
      await exploreDemoAndWaitForSync(app)
      await openSettings(page)
      const storage = page.getByRole('region', { name: 'Storage on this computer' })
      await expect
        .poll(() => storage.getByText(/^Storage: /).textContent(), { timeout: 10_000 })
        .toMatch(/kept by the system|may be cleared under storage pressure|did not say/)
      const sizes = storage.getByRole('table', { name: 'Cache size per workspace' })
      const demoRow = sizes.getByRole('row').filter({ hasText: /demo/i })
      await expect
        .poll(() => demoRow.getByRole('cell').textContent(), { timeout: 10_000 })
        .toMatch(/^about [\d.,]+\s?(kB|MB|GB) \([\d,.\s\u00a0\u202f]+ rows\)$/)
      await expect
        .poll(() => storage.getByText(/All of Revdesk’s stored data: about/).count())
        .toBe(1)
      await storage.getByRole('button', { name: 'Measure again' }).click()
      await expect
        .poll(() => storage.getByRole('button', { name: 'Measure again' }).isEnabled())
        .toBe(true)
      await expectAccessible(page, `settings storage, ${colorScheme}`)
      expect(app.consoleErrors).toEqual([])
    })
  }

  it('a full disk: the edit keeps what was typed and says why; a sync says the disk is full', async () => {
    app = await launchApp()
    const { page } = app
    await exploreDemoAndWaitForSync(app)
    await fillDisk(page)
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Opportunities' })
      .click()
    const grid = page.getByRole('region', { name: 'Opportunities table' })
    const row = grid
      .getByRole('row')
      .filter({ has: page.getByRole('gridcell') })
      .first()
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1)
    await row.getByRole('gridcell').first().dblclick()
    const editor = page.getByRole('dialog', { name: 'Edit opportunity' })
    const amount = editor.getByLabel('Amount')
    await amount.fill('98765.43')
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect
      .poll(async () => (await editor.getByRole('alert').allTextContents()).join(' '), {
        timeout: 10_000
      })
      .toContain('Your disk is full: this change could not be saved.')
    // Still what was typed (the form shows it grouped).
    expect((await amount.inputValue()).replace(/[^\d.]/g, '')).toBe('98765.43')
    await expectAccessible(page, 'deal editor, disk full')
    // Closing asks first (something typed would be lost), as it should.
    await page.keyboard.press('Escape')
    await editor.getByRole('button', { name: 'Discard changes' }).click()
    await expect.poll(() => editor.count()).toBe(0)

    await page.getByRole('button', { name: 'Sync now' }).click()
    const status = page.getByRole('contentinfo', { name: 'Status' })
    await expect
      .poll(async () => (await status.getByRole('alert').allTextContents()).join(' '), {
        timeout: 30_000
      })
      .toContain('Your disk is full: Revdesk could not save the latest data.')
  })
})
