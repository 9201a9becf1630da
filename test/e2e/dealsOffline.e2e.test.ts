/**
 * Editing deals on a plane, in real Chromium against the simulator: with ChartMogul out of
 * reach, create a deal (after a refused amount), edit one in the editor, quick-edit another's
 * amount in the grid and delete a third; restart the app; meanwhile someone changes the edited
 * deal's stage in ChartMogul. Back online, everything pushes exactly once, the conflict shows
 * "Changed in ChartMogul too", is resolved with "Keep mine", and every badge clears.
 */
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { exploreDemoAndWaitForSync } from './harness/demoBackend'
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
const row = (page: Page, uuid: string): Locator => grid(page).locator(`.ag-row[row-id="${uuid}"]`)
const cell = (page: Page, uuid: string, column: string): Locator =>
  row(page, uuid).locator(`[col-id="${column}"]`)
const syncCells = (page: Page): Locator => grid(page).locator('.ag-row [col-id="sync"]')

async function openOpportunities(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Opportunities' })
    .click()
  await expect.poll(() => grid(page).locator('.ag-row').count()).toBeGreaterThan(0)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('deals edited offline', () => {
  it('queue while ChartMogul is unreachable, survive a restart, push exactly once, and resolve a conflict', async () => {
    simulator = await startSimulator({
      apiKey: 'deals-e2e',
      data: { seed: 11, customers: 48 },
      faults: { latencyMs: 5 }
    })
    const sim = simulator
    backend = await pausableBackend(sim)
    app = await launchApp({ demo: backend.demo })
    const { page } = app
    await exploreDemoAndWaitForSync(app)
    await openOpportunities(page)

    const deals = sim.store.opportunities().filter((o) => o.pipeline === 'New Business')
    const [edited, quick, removed] = deals
    if (!edited || !quick || !removed) throw new Error('the dataset has too few New Business deals')
    const newStage = edited.pipeline_stage === 'Verbal Commit' ? 'Evaluation' : 'Verbal Commit'
    // A customer whose name no other customer shares, so picking it by name is unambiguous.
    const customers = sim.store.customers()
    const customer = customers
      .slice(5)
      .find((c) => customers.filter((other) => other.name === c.name).length === 1)
    if (!customer) throw new Error('no customer with a unique name')
    const opportunitiesBefore = sim.store.opportunities().length

    // ---- ChartMogul goes out of reach ---------------------------------------------------
    await backend.stop()

    // A new deal: a refused amount first (field error, nothing queued), then a valid one.
    await page.getByRole('button', { name: 'New opportunity' }).click()
    const create = page.getByRole('dialog', { name: 'New opportunity' })
    await create.getByRole('combobox', { name: 'Customer' }).fill(customer.name.slice(0, 5))
    await create
      .getByRole('option', { name: new RegExp(escapeRegExp(customer.name)) })
      .first()
      .click()
    await create.getByLabel('Owner').fill('pat@example.com')
    await create.getByLabel('Pipeline').fill('New Business')
    await create.getByLabel('Stage', { exact: true }).fill('Discovery')
    await create.getByLabel('Estimated close date').fill('2031-05-20')
    await create.getByLabel('Amount').fill('12.345')
    await create.getByRole('button', { name: 'Save' }).click()
    await expect
      .poll(() => create.getByRole('alert').first().textContent())
      .toContain('Fix the highlighted fields')
    await expect.poll(() => create.getByText(/at most 2 decimal places/).count()).toBeGreaterThan(0)
    expect(await page.getByRole('button', { name: /waiting to be sent/ }).count()).toBe(0)
    await create.getByLabel('Amount').fill('1,234.56')
    // A typed custom attribute travels as a number.
    await create.getByRole('button', { name: 'Add attribute' }).click()
    const attribute = create.getByRole('group', { name: 'Custom attribute 1' })
    await attribute.getByLabel('Key').fill('seats')
    await attribute.getByLabel('Type').selectOption('number')
    await attribute.getByLabel('Value').fill('12')
    await create.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => create.count()).toBe(0)
    const localRow = grid(page).locator('.ag-row[row-id^="local_"]')
    await expect.poll(() => localRow.count()).toBe(1)
    await expect.poll(() => localRow.locator('[col-id="sync"]').textContent()).toBe('Pending')

    // Edit a deal's stage in the editor (opened by double-clicking a read-only cell).
    await cell(page, edited.uuid, 'owner').dblclick()
    const edit = page.getByRole('dialog', { name: 'Edit opportunity' })
    await edit.getByLabel('Stage', { exact: true }).fill(newStage)
    await edit.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => edit.count()).toBe(0)
    await expect.poll(() => cell(page, edited.uuid, 'sync').textContent()).toBe('Pending')
    await expect.poll(() => cell(page, edited.uuid, 'pipelineStage').textContent()).toBe(newStage)

    // Quick-edit another deal's amount right in the grid.
    await cell(page, quick.uuid, 'amountCents').dblclick()
    const amountInput = page.getByRole('textbox', { name: `Amount in ${quick.currency}` })
    await amountInput.fill('777.77')
    await amountInput.press('Enter')
    await expect.poll(() => cell(page, quick.uuid, 'sync').textContent()).toBe('Pending')
    await expect.poll(() => cell(page, quick.uuid, 'amountCents').textContent()).toContain('777.77')

    // Delete a third.
    await cell(page, removed.uuid, 'owner').dblclick()
    const remove = page.getByRole('dialog', { name: 'Edit opportunity' })
    await remove.getByRole('button', { name: 'Delete opportunity' }).click()
    await remove.getByRole('button', { name: 'Delete', exact: true }).click()
    await expect.poll(() => row(page, removed.uuid).count()).toBe(0)
    await app.screenshot('deals-offline-queued')

    // ---- Restart the app while still offline: the queue and the badges are still there ----
    await app.reload()
    await openOpportunities(page)
    await expect.poll(() => syncCells(page).filter({ hasText: 'Pending' }).count()).toBe(3)
    await expect.poll(() => row(page, removed.uuid).count()).toBe(0)
    const indicator = page.getByRole('contentinfo', { name: 'Status' }).getByRole('button', {
      name: /4 changes waiting to be sent/
    })
    await expect.poll(() => indicator.count()).toBe(1)
    // Nothing reached ChartMogul.
    expect(sim.store.opportunities().length).toBe(opportunitiesBefore)

    // Meanwhile, someone moves the edited deal in ChartMogul.
    sim.store.outOfBand.editOpportunity(edited.uuid, { pipeline_stage: 'Closed Lost' })

    // ---- Back online -----------------------------------------------------------------------
    await backend.start()
    await page
      .getByRole('contentinfo', { name: 'Status' })
      .getByRole('button', { name: 'Sync now' })
      .click()

    // The new deal: created exactly once, with the exact amount; its row now has the server id.
    await expect
      .poll(() => sim.store.opportunities().filter((o) => o.owner === 'pat@example.com').length, {
        timeout: 30_000
      })
      .toBe(1)
    const created = sim.store.opportunities().find((o) => o.owner === 'pat@example.com')
    expect(created).toMatchObject({
      customer_uuid: customer.uuid,
      amount_in_cents: 123_456,
      custom: { seats: 12 },
      pipeline_stage: 'Discovery',
      estimated_close_date: '2031-05-20'
    })
    const creates = sim.mutationLog.filter(
      (m) => m.source === 'api' && m.action === 'create' && m.applied
    )
    expect(creates).toHaveLength(1)
    await expect.poll(() => localRow.count()).toBe(0)
    await expect.poll(() => row(page, created?.uuid as string).count()).toBe(1)

    await expect
      .poll(() => sim.store.getOpportunity(quick.uuid)?.amount_in_cents, { timeout: 30_000 })
      .toBe(77_777)
    await expect
      .poll(() => sim.store.getOpportunity(removed.uuid), { timeout: 30_000 })
      .toBeUndefined()

    // The conflict waits for the user.
    await expect
      .poll(() => cell(page, edited.uuid, 'sync').textContent(), { timeout: 30_000 })
      .toBe('Conflict')
    expect(sim.store.getOpportunity(edited.uuid)?.pipeline_stage).toBe('Closed Lost')
    const attention = page.getByRole('contentinfo', { name: 'Status' }).getByRole('button', {
      name: /1 change needs attention/
    })
    await expect.poll(() => attention.count()).toBe(1)
    await attention.click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Outbox')
    await page.getByRole('button', { name: 'Resolve…' }).click()
    const conflict = page.getByRole('dialog', { name: 'Changed in ChartMogul too' })
    const stage = conflict.getByRole('group', { name: 'Stage' })
    await expect.poll(() => stage.textContent()).toContain('Closed Lost')
    await expect.poll(() => stage.textContent()).toContain(newStage)
    await app.screenshot('deals-conflict')
    await stage.getByRole('radio', { name: 'Keep mine' }).check()
    await conflict.getByRole('button', { name: 'Apply' }).click()

    await expect
      .poll(() => sim.store.getOpportunity(edited.uuid)?.pipeline_stage, { timeout: 30_000 })
      .toBe(newStage)
    await expect
      .poll(() => page.getByText('Nothing waiting — every change has reached ChartMogul.').count())
      .toBe(1)
    await expect
      .poll(() =>
        page
          .getByRole('contentinfo', { name: 'Status' })
          .getByRole('button', { name: /waiting|attention|paused/ })
          .count()
      )
      .toBe(0)

    // Every badge is gone, and the grid shows what ChartMogul has.
    await openOpportunities(page)
    await expect
      .poll(() =>
        syncCells(page)
          .filter({ hasText: /Pending|Failed|Conflict/ })
          .count()
      )
      .toBe(0)
    await expect.poll(() => cell(page, edited.uuid, 'pipelineStage').textContent()).toBe(newStage)
    await app.screenshot('deals-all-sent')
    expect(app.consoleErrors).toEqual([])
  })
})
