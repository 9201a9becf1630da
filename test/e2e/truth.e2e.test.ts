/**
 * Screens that do not contradict themselves, and live regions that do not chatter (issue 12):
 * - a first run shows one message, not the empty-state card and "No Rows To Show" together;
 * - a full demo sync changes the announced text a handful of times, not on every progress tick,
 *   and the grid's "N of M" is announced only after the user's own search;
 * - with ChartMogul out of reach but the machine online, the status bar, outbox button and
 *   Outbox rows tell one story ("cannot be reached — retrying at HH:MM"), never "Online" and
 *   "Offline" at once; when it is back, "Sync now" sends the waiting change at once.
 */
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { expectAccessible } from './harness/axe'
import { demoBackedBy, exploreDemoAndWaitForSync } from './harness/demoBackend'
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

const statusBar = (page: Page): Locator => page.getByRole('contentinfo', { name: 'Status' })

/** Audits the page as it is, in light and then dark (the app follows the OS live). */
async function expectAccessibleInBothSchemes(page: Page, where: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' })
  await expectAccessible(page, `${where}, light`)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect.poll(() => page.evaluate(() => document.body.dataset['agThemeMode'])).toBe('dark')
  await expectAccessible(page, `${where}, dark`)
  await page.emulateMedia({ colorScheme: 'light' })
}

/**
 * Counts, per live region (by its accessible name or role), how often its text changed from
 * now on. Regions are what assistive technology treats as live: aria-live, status, alert, log.
 */
async function countLiveRegionChanges(page: Page): Promise<void> {
  await page.evaluate(() => {
    const selector =
      '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]'
    const changes: Record<string, number> = {}
    const texts = new Map<Element, string>()
    const nameOf = (region: Element): string =>
      region.getAttribute('aria-label') ?? region.getAttribute('role') ?? 'aria-live'
    for (const region of document.querySelectorAll(selector)) {
      texts.set(region, region.textContent ?? '')
    }
    const observer = new MutationObserver((records) => {
      const touched = new Set<Element>()
      for (const record of records) {
        const node = record.target
        const element = node instanceof Element ? node : node.parentElement
        const region = element?.closest(selector)
        if (region) touched.add(region)
        for (const added of record.addedNodes) {
          if (added instanceof Element) {
            for (const inner of added.querySelectorAll(selector)) touched.add(inner)
            if (added.matches(selector)) touched.add(added)
          }
        }
      }
      for (const region of touched) {
        const text = region.textContent ?? ''
        if (texts.get(region) === text) continue
        const fresh = !texts.has(region)
        texts.set(region, text)
        // A region that appears empty has said nothing yet.
        if (fresh && text.trim() === '') continue
        changes[nameOf(region)] = (changes[nameOf(region)] ?? 0) + 1
      }
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true })
    ;(window as unknown as { liveRegionChanges: Record<string, number> }).liveRegionChanges =
      changes
  })
}

const liveRegionChanges = (page: Page): Promise<Record<string, number>> =>
  page.evaluate(() => ({
    ...(window as unknown as { liveRegionChanges: Record<string, number> }).liveRegionChanges
  }))

describe('one message for a first run', () => {
  it('shows the empty-state card alone, without the grid’s “No Rows To Show”', async () => {
    app = await launchApp()
    const { page } = app
    await expect
      .poll(() => page.getByRole('heading', { name: 'No customers cached yet' }).isVisible())
      .toBe(true)
    const grid = page.getByRole('region', { name: 'Customers table' })
    // The grid is there (headers), but says nothing of its own.
    await expect.poll(() => grid.getByRole('columnheader', { name: 'Name' }).count()).toBe(1)
    expect(await page.getByText('No Rows To Show').count()).toBe(0)
    expect(await grid.textContent()).not.toMatch(/No Rows|No Matching/)
    await expectAccessibleInBothSchemes(page, 'first run, customers')
  })
})

describe('live regions during a sync', () => {
  it('announces a full demo sync a handful of times, and the count only after a search', async () => {
    simulator = await startSimulator({
      apiKey: 'truth-live-e2e',
      data: { seed: 7, customers: 300 },
      faults: { latencyMs: 20 }
    })
    app = await launchApp({ demo: demoBackedBy(simulator) })
    const { page } = app
    await countLiveRegionChanges(page)
    await exploreDemoAndWaitForSync(app)
    await expect.poll(() => page.getByText('300 of 300 customers').isVisible()).toBe(true)
    const changes = await liveRegionChanges(page)
    // No region re-announces on every page; the grid's count not at all.
    for (const [region, count] of Object.entries(changes)) {
      expect(count, `${region} changed ${count} times`).toBeLessThanOrEqual(6)
    }
    expect(changes['Customers count'] ?? 0).toBe(0)
    // Start, a milestone or three, the end.
    const announcements = page.getByRole('status', { name: 'Sync announcements' })
    expect(await announcements.textContent()).toMatch(/^Last synced/)
    expect(changes['Sync announcements'] ?? 0).toBeGreaterThanOrEqual(2)
    expect(changes['Sync announcements'] ?? 0).toBeLessThanOrEqual(6)

    // The user's own search: the count is announced once they pause, and no rows read as such.
    const count = page.getByRole('status', { name: 'Customers count' })
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('no such customer zz')
    await expect.poll(() => count.textContent()).toBe('0 of 300 customers')
    const grid = page.getByRole('region', { name: 'Customers table' })
    // Shown in the grid's overlay (AG Grid also puts it in its own announcer).
    await expect
      .poll(() =>
        grid
          .getByText('No customers match the search and filters')
          .evaluateAll((found) => found.some((element) => element.checkVisibility()))
      )
      .toBe(true)
    expect(await page.getByText('No customers cached yet').count()).toBe(0)
    await expectAccessibleInBothSchemes(page, 'customers, search matching nothing')
    expect(app.consoleErrors).toEqual([])
  })
})

describe('ChartMogul out of reach while the machine is online', () => {
  it('tells one story everywhere, and “Sync now” sends the waiting change at once when it is back', async () => {
    simulator = await startSimulator({
      apiKey: 'truth-reach-e2e',
      data: { seed: 11, customers: 48 },
      faults: { latencyMs: 5 }
    })
    const sim = simulator
    backend = await pausableBackend(sim)
    app = await launchApp({ demo: backend.demo })
    const { page } = app
    await exploreDemoAndWaitForSync(app)
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Opportunities' })
      .click()
    const grid = page.getByRole('region', { name: 'Opportunities table' })
    const deal = sim.store.opportunities()[0]
    if (!deal) throw new Error('the dataset has no deals')

    // ---- ChartMogul goes out of reach; the OS still says online ---------------------------
    await backend.stop()
    await grid
      .getByRole('gridcell', { name: deal.owner ?? '', exact: true })
      .first()
      .dblclick()
    const editor = page.getByRole('dialog', { name: 'Edit opportunity' })
    const stage = editor.getByLabel('Stage', { exact: true })
    const newStage = (await stage.inputValue()) === 'Verbal Commit' ? 'Evaluation' : 'Verbal Commit'
    const before = sim.store.opportunities().filter((o) => o.pipeline_stage === newStage).length
    await stage.fill(newStage)
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => editor.count()).toBe(0)

    // A sync finds out (main retries for a while first), and the model says so.
    await statusBar(page).getByRole('button', { name: 'Sync now' }).click()
    const headline = statusBar(page).getByText(
      /ChartMogul cannot be reached — retrying at \d\d:\d\d/
    )
    await expect.poll(() => headline.count(), { timeout: 60_000 }).toBe(1)
    const retryAt = /(\d\d:\d\d)/.exec((await headline.textContent()) ?? '')?.[1]
    const bar = (await statusBar(page).textContent()) ?? ''
    expect(bar).not.toContain('Online')
    expect(bar).not.toContain('Offline')

    // The outbox button and the Outbox row give the same reason and the same next try.
    const indicator = statusBar(page).getByRole('button', { name: /1 change waiting to be sent/ })
    await expect
      .poll(() => indicator.getAttribute('aria-label'))
      .toBe(`1 change waiting to be sent — ChartMogul cannot be reached; next try ${retryAt}`)
    await indicator.click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Outbox')
    const row = page.getByRole('table', { name: 'Queued changes' }).getByRole('row').nth(1)
    await expect
      .poll(() => row.getByRole('cell').nth(1).textContent(), { timeout: 60_000 })
      .toContain(`Waiting — ChartMogul cannot be reached; next try ${retryAt}`)
    expect(await row.textContent()).not.toContain('Sending…')
    // From here on, every few milliseconds: what the row says.
    await row.evaluate((element) => {
      const seen: string[] = []
      ;(window as unknown as { rowTexts: string[] }).rowTexts = seen
      setInterval(() => seen.push(element.isConnected ? (element.textContent ?? '') : ''), 10)
    })
    await app.screenshot('truth-unreachable-outbox')
    await expectAccessibleInBothSchemes(page, 'outbox, ChartMogul out of reach')

    // The failed attempt armed a backoff timer (a few seconds); let it fire while the server is
    // known to be out of reach (it is held), so that from here only "Sync now" can send. No
    // attempt starts meanwhile — not even one left over from the "Sync now" pressed above.
    await page.waitForTimeout(5_000)
    const rowTexts = await page.evaluate(
      () => (window as unknown as { rowTexts: string[] }).rowTexts
    )
    expect(rowTexts.length).toBeGreaterThan(100)
    expect(rowTexts.filter((text) => text.includes('Sending…'))).toEqual([])

    // ---- Back, but its customer listings fail for a while (retried), so the sync runs on ------
    sim.setFaults({ latencyMs: 5, rate5xxJson: 1, match: { pathPrefix: '/v1/customers' } })
    await backend.start()
    await statusBar(page).getByRole('button', { name: 'Sync now' }).click()
    // The waiting change goes at once, not after the sync (nor when its backoff ends).
    let syncingWhenSent: boolean | undefined
    await expect
      .poll(
        async () => {
          const sent =
            sim.store.opportunities().filter((o) => o.pipeline_stage === newStage).length ===
            before + 1
          if (sent)
            syncingWhenSent ??= ((await statusBar(page).textContent()) ?? '').includes('Syncing')
          return sent
        },
        { timeout: 30_000, interval: 100 }
      )
      .toBe(true)
    expect(syncingWhenSent, 'the change reached ChartMogul while the sync still ran').toBe(true)
    sim.setFaults({ latencyMs: 5 })
    await expect
      .poll(() => page.getByText('Nothing waiting — every change has reached ChartMogul.').count())
      .toBe(1)
    // It answered: the one model says so everywhere.
    await expect.poll(() => statusBar(page).textContent()).toContain('Online')
    expect(await statusBar(page).textContent()).not.toContain('cannot be reached')
  }, 150_000)
})
