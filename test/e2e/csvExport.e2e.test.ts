/**
 * Streaming CSV export of a grid, as a person uses it: Export CSV shows a progress bar ("N of M
 * rows") and a Cancel button; Cancel saves nothing and puts focus back on Export CSV; a full
 * export saves the file and says so. Accessible (axe) in light and dark while running.
 *
 * The customers are prefilled in the page through the sync's write path (harness/prefill.ts).
 * To look at a running export without racing it, the page's clock is paused (Playwright's fake
 * timers): the exporter yields to the page between chunks with a timer, so it stops after its
 * first chunk until the clock runs again. While it is paused the test uses the keyboard only,
 * and axe runs with the real timers put back for it. While it is paused the test uses the keyboard only.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDemoRuntime } from '../../src/main/features/workspaces/demoRuntime'
import { expectAccessible } from './harness/axe'
import { watchFocusOnBody } from './harness/focusWatch'
import { launchApp, type LaunchedApp } from './harness/launchApp'
import { prefillCache } from './harness/prefill'
import { customerAt } from './harness/prefillRows'

const CUSTOMERS = 12_000
const SEED = 7
const CHUNK = 5_000

let app: LaunchedApp

beforeAll(async () => {
  // No demo server: the page is held offline, so nothing syncs over the prefilled cache.
  const demo = createDemoRuntime(async () => {
    throw new Error('this test runs without a demo server')
  })
  app = await launchApp({ demo })
  await app.context.addInitScript({
    content: `Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false })`
  })
  await app.reload()
  await app.page.evaluate(() => window.revdesk.openDemoWorkspace(undefined))
  await prefillCache(app.page, {
    workspace: 'demo',
    seed: SEED,
    customers: CUSTOMERS,
    activities: 0,
    opportunities: 0,
    plans: 0
  })
  await app.page.evaluate(() => localStorage.setItem('revdesk.lastWorkspaceId', 'demo'))
  await app.reload()
}, 180_000)

afterAll(async () => {
  await app?.close()
})

const all = CUSTOMERS.toLocaleString('en-US')

/** The window's timer functions, looked up by name (the fake clock and the real ones swap). */
type TimerWindow = Record<string, unknown> & Record<'realTimers' | 'fakeTimers', [unknown, unknown]>

/**
 * Runs axe with the page's real timers (axe waits on setTimeout) while the fake clock stays
 * paused for everything that already waits on it — the exporter between two chunks.
 */
async function auditWithRealTimers(where: string): Promise<void> {
  const swap = (from: 'realTimers' | 'fakeTimers', to: 'realTimers' | 'fakeTimers') =>
    app.page.evaluate(
      ([f, t]) => {
        const w = window as unknown as TimerWindow
        w[t] = [w['setTimeout'], w['clearTimeout']]
        ;[w['setTimeout'], w['clearTimeout']] = w[f]
      },
      [from, to] as const
    )
  await swap('realTimers', 'fakeTimers')
  try {
    await expectAccessible(app.page, where)
  } finally {
    await swap('fakeTimers', 'realTimers')
  }
}

describe('CSV export', () => {
  it('streams with progress and Cancel, then saves the whole view', async () => {
    const { page } = app
    await page.getByText(`${all} of ${all} customers`, { exact: true }).first().waitFor()
    const exportButton = page.getByRole('button', { name: 'Export CSV' })
    const downloads: string[] = []
    page.on('download', (d) => downloads.push(d.suggestedFilename()))
    // From here on focus must never fall to the page (it starts there after a reload).
    await exportButton.focus()
    const focusOnBody = await watchFocusOnBody(page)

    // ---- running: progress and Cancel --------------------------------------------------------
    await page.evaluate(() => {
      const w = window as unknown as TimerWindow
      w.realTimers = [setTimeout, clearTimeout]
    })
    // Keyboard, not clicks: a click waits for animation frames, which the paused clock holds.
    await page.clock.install()
    await page.clock.pauseAt(Date.now() + 1_000)
    await exportButton.focus()
    await page.keyboard.press('Enter')
    const progress = page.getByRole('progressbar', { name: 'CSV export' })
    await expect.poll(() => progress.getAttribute('aria-valuetext')).toBe(`5,000 of ${all} rows`)
    expect(await progress.getAttribute('aria-valuenow')).toBe(String(CHUNK))
    expect(await progress.getAttribute('aria-valuemax')).toBe(String(CUSTOMERS))
    await auditWithRealTimers('CSV export in progress (light)')
    await page.emulateMedia({ colorScheme: 'dark' })
    await auditWithRealTimers('CSV export in progress (dark)')
    await page.emulateMedia({ colorScheme: 'light' })
    // Still where it was: the audits did not let the export run on.
    expect(await progress.getAttribute('aria-valuenow')).toBe(String(CHUNK))

    await page.getByRole('button', { name: 'Cancel export' }).focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Export CSV')
    await page.clock.resume()
    const status = page.getByRole('status').filter({ hasText: 'Export cancelled' })
    await expect.poll(() => status.textContent()).toBe('Export cancelled. No file was saved.')
    expect(await progress.count()).toBe(0)
    expect(downloads).toEqual([])

    // ---- a whole export ----------------------------------------------------------------------
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()])
    const name = download.suggestedFilename()
    expect(name).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = readFileSync(await download.path(), 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const lines = text.slice(1).split('\r\n')
    expect(lines).toHaveLength(CUSTOMERS + 1)
    expect(lines[0]).toBe('"Name","Company","Email","Status","Country","MRR","Customer since"')
    // Unsorted: the grid shows rows in key order, so line 1 is the first customer generated.
    const first = customerAt(SEED, 0)
    expect(lines[1]).toContain(`"${first.name}","${first.company}","${first.email}"`)
    const saved = page.getByRole('status').filter({ hasText: 'Exported' })
    await expect.poll(() => saved.textContent()).toBe(`Exported ${all} rows to ${name}.`)
    await expectAccessible(page, 'CSV export done (light)')
    await page.emulateMedia({ colorScheme: 'dark' })
    await expectAccessible(page, 'CSV export done (dark)')
    expect(await focusOnBody()).toEqual([])
  }, 120_000)
})
