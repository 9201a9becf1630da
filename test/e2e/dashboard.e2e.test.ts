/**
 * The dashboard after a first sync of the demo workspace: KPIs match the simulator's own records,
 * both charts draw with accessible names, and they redraw when the OS switches to dark mode.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { summarizePipeline } from '../../src/renderer/src/sections/dashboard/aggregate'
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

async function syncedDemo(): Promise<{ app: LaunchedApp; simulator: RunningSimulator }> {
  simulator = await startSimulator({
    apiKey: 'dashboard-e2e',
    data: { seed: 7, customers: 300 },
    faults: { latencyMs: 5 }
  })
  const running = simulator
  const demo = demoBackedBy(running)
  app = await launchApp({ demo, viewport: { width: 1400, height: 1000 } })
  await exploreDemoAndWaitForSync(app)
  return { app, simulator: running }
}

/** Formats cents the way the page does, in the page's own locale. */
function formatInPage(page: Page, cents: number, currency: string): Promise<string> {
  return page.evaluate(
    ([value, code]) =>
      new Intl.NumberFormat(undefined, { style: 'currency', currency: code }).format(value / 100),
    [cents, currency] as const
  )
}

/** How many pixels of the chart's canvas are painted, and a fingerprint of what is drawn. */
function canvasPixels(chart: Locator): Promise<{ painted: number; image: string }> {
  return chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d')!
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
    let painted = 0
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++
    return { painted, image: canvas.toDataURL() }
  })
}

describe('dashboard', () => {
  it('shows KPIs from the cache and draws both charts, in light and dark', async () => {
    const { app, simulator } = await syncedDemo()
    const { page } = app
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Dashboard' })
      .click()

    const customers = simulator.store.customers()
    const currency = customers.find((c) => c.currency)?.currency ?? 'USD'
    const mrr = customers.reduce((sum, c) => sum + c.mrr, 0)
    expect(mrr).toBeGreaterThan(0)
    const mrrTile = page.getByRole('group', { name: 'Current MRR' })
    await expect
      .poll(() => mrrTile.textContent(), { timeout: 10_000 })
      .toContain(await formatInPage(page, mrr, currency))
    await expect
      .poll(() => page.getByRole('group', { name: 'ARR' }).textContent())
      .toContain(await formatInPage(page, mrr * 12, currency))

    const active = customers.filter((c) => c.status === 'Active').length
    const customersTile = (await page.getByRole('group', { name: 'Customers' }).textContent()) ?? ''
    expect(customersTile.replace(/[\s,.\u00a0\u202f]/g, '')).toContain(
      `${active}/${customers.length}`
    )

    const pipeline = summarizePipeline(
      simulator.store.opportunities().map((o) => ({
        pipeline: o.pipeline,
        pipelineStage: o.pipeline_stage,
        amountCents: o.amount_in_cents,
        currency: o.currency,
        forecastCategory: o.forecast_category,
        winLikelihood: o.win_likelihood
      })),
      currency
    )
    expect(pipeline.openCents).toBeGreaterThan(0)
    expect(await page.getByRole('group', { name: 'Open pipeline' }).textContent()).toContain(
      await formatInPage(page, pipeline.openCents, currency)
    )
    expect(await page.getByRole('group', { name: 'Weighted pipeline' }).textContent()).toContain(
      await formatInPage(page, pipeline.weightedCents, currency)
    )

    const movements = page.getByRole('img', { name: /^MRR movements per month/ })
    const stages = page.getByRole('img', { name: /^Open pipeline by stage/ })
    for (const chart of [movements, stages]) {
      await expect.poll(() => chart.isVisible()).toBe(true)
      const box = await chart.locator('canvas').boundingBox()
      expect(box?.width ?? 0).toBeGreaterThan(100)
      expect(box?.height ?? 0).toBeGreaterThan(100)
      await expect.poll(async () => (await canvasPixels(chart)).painted).toBeGreaterThan(1000)
    }
    // The same figures as text for screen readers.
    const table = page.getByRole('table', { name: `MRR movements per month, ${currency}` })
    expect(await table.getByRole('row').count()).toBeGreaterThan(2)
    const stageRows = page.getByRole('table', { name: `Open pipeline by stage, ${currency}` })
    expect(await stageRows.getByRole('row').count()).toBe(pipeline.byStage.length + 1)

    await app.screenshot('dashboard-light')
    const lightMovements = (await canvasPixels(movements)).image

    // The OS switches to dark mode: the charts pick up the dark palette without a reload.
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(async () => (await canvasPixels(movements)).image).not.toBe(lightMovements)
    await app.screenshot('dashboard-dark')

    expect(app.consoleErrors.filter((e) => /Content Security Policy|chart/i.test(e))).toEqual([])
  })
})
