/**
 * A revdesk:// link opened elsewhere: main parses it (unit + glue tests) and sends `openRecord`;
 * here the page receives that event and opens the customer's 360 panel or the deal's editor
 * from the cache, the same dialogs a person opens by hand.
 */
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

describe('deep links (openRecord)', () => {
  it("opens the linked customer's 360 panel, then the linked deal's editor", async () => {
    simulator = await startSimulator({ apiKey: 'demo-e2e', data: { seed: 23, customers: 60 } })
    app = await launchApp({ demo: demoBackedBy(simulator) })
    const { page } = app
    await exploreDemoAndWaitForSync(app)

    const store = simulator.store
    const deal = store.opportunities()[0]
    expect(deal, 'the demo data has a deal').toBeDefined()
    const customer = store.customers().find((c) => c.uuid === deal!.customer_uuid)!

    app.emit('openRecord', { kind: 'customer', id: customer.uuid })
    const panel = page.getByRole('dialog', { name: `Customer ${customer.name}` })
    await expect.poll(() => panel.isVisible()).toBe(true)
    await expectAccessible(page, 'customer 360 opened by a deep link')
    await page.keyboard.press('Escape')
    await expect.poll(() => panel.count()).toBe(0)

    app.emit('openRecord', { kind: 'opportunity', id: deal!.uuid })
    const editor = page.getByRole('dialog', { name: 'Edit opportunity' })
    await expect.poll(() => editor.isVisible()).toBe(true)
    await expect
      .poll(() => editor.getByLabel('Estimated close date').inputValue())
      .toBe(deal!.estimated_close_date.slice(0, 10))
    await expectAccessible(page, 'deal editor opened by a deep link')
    await page.keyboard.press('Escape')
    await expect.poll(() => editor.count()).toBe(0)
  })
})
