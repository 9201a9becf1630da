/**
 * A change ChartMogul refuses (a stage its pipeline does not have): the deal shows "Failed",
 * the Outbox view says why in ChartMogul's words, and the user fixes it in the editor and sends
 * it again — or discards a refused change, which puts the deal back as ChartMogul has it.
 */
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
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

const grid = (page: Page): Locator => page.getByRole('region', { name: 'Opportunities table' })
const cell = (page: Page, uuid: string, column: string): Locator =>
  grid(page).locator(`.ag-row[row-id="${uuid}"] [col-id="${column}"]`)
const statusBar = (page: Page): Locator => page.getByRole('contentinfo', { name: 'Status' })

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click()
}

describe('a change ChartMogul refuses', () => {
  it('is marked Failed with the reason, fixed in the editor, and sent again', async () => {
    simulator = await startSimulator({
      apiKey: 'refused-e2e',
      data: { seed: 23, customers: 48 },
      faults: { latencyMs: 5 }
    })
    const sim = simulator
    app = await launchApp({ demo: demoBackedBy(sim) })
    const { page } = app
    await exploreDemoAndWaitForSync(app)
    await openSection(page, 'Opportunities')

    const [deal, other] = sim.store.opportunities().filter((o) => o.pipeline === 'New Business')
    if (!deal || !other) throw new Error('the dataset has too few New Business deals')
    const stageBefore = other.pipeline_stage

    // A stage the New Business pipeline does not have: accepted here, refused by ChartMogul.
    await cell(page, deal.uuid, 'owner').dblclick()
    const edit = page.getByRole('dialog', { name: 'Edit opportunity' })
    await edit.getByLabel('Stage', { exact: true }).fill('Daydreaming')
    await edit.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => cell(page, deal.uuid, 'sync').textContent()).toBe('Failed')
    expect(sim.store.getOpportunity(deal.uuid)?.pipeline_stage).toBe(deal.pipeline_stage)

    // The same for a second deal, which the user will discard instead.
    await cell(page, other.uuid, 'owner').dblclick()
    await edit.getByLabel('Stage', { exact: true }).fill('Wishful Thinking')
    await edit.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => cell(page, other.uuid, 'sync').textContent()).toBe('Failed')

    await statusBar(page)
      .getByRole('button', { name: /2 changes need attention/ })
      .click()
    const table = page.getByRole('table', { name: 'Queued changes' })
    const dealRow = table.getByRole('row').filter({ hasText: 'Daydreaming' })
    await expect.poll(() => dealRow.textContent()).toContain('Refused by ChartMogul')
    await app.screenshot('deals-refused')

    // Fix it in the editor: the corrected stage replaces the refused one, and is sent.
    await dealRow.getByRole('button', { name: 'Edit…' }).click()
    await edit.getByLabel('Stage', { exact: true }).fill('Negotiation')
    await edit.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => sim.store.getOpportunity(deal.uuid)?.pipeline_stage).toBe('Negotiation')

    // Discard the other: the deal is back as ChartMogul has it, and nothing is sent.
    const otherRow = table.getByRole('row').filter({ hasText: 'Wishful Thinking' })
    await otherRow.getByRole('button', { name: 'Discard' }).click()
    await otherRow
      .getByRole('group', { name: 'Discard this change? It will be undone here.' })
      .getByRole('button', { name: 'Discard' })
      .click()
    await expect
      .poll(() => page.getByText('Nothing waiting — every change has reached ChartMogul.').count())
      .toBe(1)
    expect(sim.store.getOpportunity(other.uuid)?.pipeline_stage).toBe(stageBefore)
    const refusedWrites = sim.mutationLog.filter((m) => m.source === 'api' && !m.applied)
    expect(refusedWrites.length).toBe(2)

    await openSection(page, 'Opportunities')
    await expect.poll(() => cell(page, other.uuid, 'pipelineStage').textContent()).toBe(stageBefore)
    await expect
      .poll(() => cell(page, deal.uuid, 'pipelineStage').textContent())
      .toBe('Negotiation')
    await expect
      .poll(() => grid(page).locator('.ag-row [col-id="sync"]').filter({ hasText: /\w/ }).count())
      .toBe(0)
    expect(app.consoleErrors).toEqual([])
  })
})
