/**
 * A user jumps to a customer with Ctrl+K and reads its 360 view: revenue, MRR history chart,
 * activity timeline and opportunities, all from the cache the demo sync filled.
 */
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

/** The shortest prefix (at least 4 characters) of `name` that no other customer's name starts with. */
function uniquePrefix(name: string, others: readonly string[]): string {
  const lower = others.map((o) => o.toLowerCase())
  for (let length = Math.min(4, name.length); length <= name.length; length++) {
    const prefix = name.slice(0, length).toLowerCase()
    if (lower.filter((o) => o.startsWith(prefix)).length === 1) return name.slice(0, length)
  }
  return name
}

describe('Customer 360 and quick jump', () => {
  it('opens a customer from Ctrl+K and shows its revenue, history, timeline and deals', async () => {
    simulator = await startSimulator({ apiKey: 'demo-e2e', data: { seed: 23, customers: 200 } })
    const running = simulator
    const demo = demoBackedBy(running)
    app = await launchApp({ demo })
    const { page } = app
    await exploreDemoAndWaitForSync(app)

    // A customer with several movements and, preferably, deals, whose name a prefix singles out.
    const store = simulator.store
    const activitiesOf = (uuid: string) =>
      store.activities().filter((a) => a['customer-uuid'] === uuid)
    const opportunitiesOf = (uuid: string) =>
      store.opportunities().filter((o) => o.customer_uuid === uuid)
    const names = store.customers().map((c) => c.name)
    const withHistory = store
      .customers()
      .filter(
        (c) => activitiesOf(c.uuid).length >= 2 && names.filter((n) => n === c.name).length === 1
      )
    const target =
      withHistory.find((c) => opportunitiesOf(c.uuid).length > 0 && c['chartmogul-url']) ??
      withHistory[0]
    expect(target, 'the demo data has a customer with MRR history').toBeDefined()
    const customer = target!
    const activities = activitiesOf(customer.uuid)
    const opportunities = opportunitiesOf(customer.uuid)
    const query = uniquePrefix(customer.name, names)

    await page.keyboard.press('Control+K')
    const input = page.getByRole('combobox', { name: 'Jump to customer' })
    await expect.poll(() => input.isVisible()).toBe(true)
    await input.fill(query)
    const firstOption = page
      .getByRole('listbox', { name: 'Matching customers' })
      .getByRole('option')
      .first()
    await expect.poll(() => firstOption.textContent()).toContain(customer.name)
    await expect.poll(() => firstOption.getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Enter')

    const dialog = page.getByRole('dialog', { name: `Customer ${customer.name}` })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await expect.poll(() => input.isVisible()).toBe(false)

    // Revenue: the simulator's MRR (cents), formatted as the page formats money.
    const expectedMrr = await page.evaluate(
      ([cents, currency]) =>
        new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100),
      [customer.mrr, customer.currency] as const
    )
    const revenue = dialog.getByRole('region', { name: 'Revenue' })
    await expect.poll(() => revenue.textContent()).toContain(expectedMrr)

    // The MRR history chart is drawn.
    const canvas = dialog.locator('canvas')
    await expect.poll(() => canvas.isVisible()).toBe(true)
    const box = await canvas.boundingBox()
    expect(box?.width ?? 0).toBeGreaterThan(100)
    expect(box?.height ?? 0).toBeGreaterThan(50)

    // One timeline row per cached movement of this customer, newest first.
    const timelineRows = dialog
      .getByRole('table', { name: 'Activity timeline' })
      .locator('tbody tr')
    await expect.poll(() => timelineRows.count()).toBe(activities.length)

    // Its deals.
    if (opportunities.length > 0) {
      const opportunityRows = dialog
        .getByRole('table', { name: 'Opportunities' })
        .locator('tbody tr')
      await expect.poll(() => opportunityRows.count()).toBe(opportunities.length)
      const pipelines = await opportunityRows.locator('td:first-child').allTextContents()
      expect(pipelines.sort()).toEqual(opportunities.map((o) => o.pipeline).sort())
    } else {
      await expect.poll(() => dialog.getByText('No opportunities.').isVisible()).toBe(true)
    }
    // "New opportunity" opens the editor for this customer, on top of the panel.
    await dialog.getByRole('button', { name: 'New opportunity' }).click()
    const editor = page.getByRole('dialog', { name: 'New opportunity' })
    await expect
      .poll(() => editor.getByRole('combobox', { name: 'Customer' }).inputValue())
      .toContain(customer.name)
    // Nothing typed: Cancel just closes.
    await editor.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => editor.count()).toBe(0)
    // Typed something, then Cancel: asked first, nothing is lost by a slip.
    await dialog.getByRole('button', { name: 'New opportunity' }).click()
    await editor.getByLabel('Owner').fill('someone@example.com')
    await editor.getByRole('button', { name: 'Cancel' }).click()
    const discard = editor.getByRole('alertdialog', { name: 'Discard your changes to this deal?' })
    await discard.getByRole('button', { name: 'Keep editing' }).click()
    expect(await editor.getByLabel('Owner').inputValue()).toBe('someone@example.com')
    await editor.getByRole('button', { name: 'Cancel' }).click()
    await discard.getByRole('button', { name: 'Discard changes' }).click()
    await expect.poll(() => editor.count()).toBe(0)
    expect(await dialog.isVisible()).toBe(true)

    // Open in ChartMogul goes to the system browser through main.
    if (customer['chartmogul-url']) {
      await dialog.getByRole('button', { name: 'Open in ChartMogul' }).click()
      await expect.poll(() => app!.externalUrls).toContain(customer['chartmogul-url'])
    }

    await app.screenshot('customer-360')

    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)

    // The same panel opens from the Customers grid: find the row, double-click it.
    await page.getByRole('searchbox', { name: 'Search customers' }).fill(customer.email)
    const row = page.getByRole('region', { name: 'Customers table' }).locator('.ag-row').first()
    await expect.poll(() => row.textContent()).toContain(customer.name)
    await row.dblclick()
    await expect.poll(() => dialog.count()).toBe(1)
    await page.keyboard.press('Escape')
    expect(app.consoleErrors).toEqual([])
  })
})
