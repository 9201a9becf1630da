/**
 * The API key stops working while changes are queued (an admin regenerated it): pushing pauses
 * instead of failing every change, the app says what to do, and once the user saves the new
 * key in Settings the queued change goes out by itself.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { createSafeStorageVault } from '../../src/main/vault/safeStorageVault'
import { fakeSafeStorage } from '../unit/support/fakeSafeStorage'
import { launchApp, type LaunchedApp } from './harness/launchApp'

let app: LaunchedApp | undefined
let simulator: RunningSimulator | undefined

afterEach(async () => {
  await app?.close()
  await simulator?.close()
  app = undefined
  simulator = undefined
})

const statusBar = (page: Page): Locator => page.getByRole('contentinfo', { name: 'Status' })
const cell = (page: Page, uuid: string, column: string): Locator =>
  page
    .getByRole('region', { name: 'Opportunities table' })
    .locator(`.ag-row[row-id="${uuid}"] [col-id="${column}"]`)

describe('a revoked key while changes wait', () => {
  it('pauses sending, asks for the new key, and sends once it is saved', async () => {
    simulator = await startSimulator({
      apiKey: 'cm-key-before-1111',
      data: { seed: 31, customers: 40 },
      faults: { latencyMs: 5 }
    })
    const sim = simulator
    // Keys in an encrypted file (the keychain itself has its own tests).
    const vault = createSafeStorageVault(
      join(mkdtempSync(join(tmpdir(), 'rd-e2e-keys-')), 'keys.enc.json'),
      fakeSafeStorage()
    )
    app = await launchApp({
      vault: { vault, status: { backend: 'encrypted-file', weak: false, notice: null } }
    })
    const { page } = app
    const workspace = {
      id: 'acme-5c5c5c',
      name: 'Acme',
      kind: 'chartmogul' as const,
      baseUrl: sim.url,
      requestsPerSecond: 20,
      syncIntervalMinutes: 15,
      createdAt: new Date(0).toISOString()
    }
    await app.services.workspaces.put(workspace)
    await app.services.vault.save(workspace.id, 'cm-key-before-1111')
    await page.evaluate((id) => localStorage.setItem('revdesk.lastWorkspaceId', id), workspace.id)
    await app.reload()
    await expect
      .poll(() => statusBar(page).textContent(), { timeout: 30_000 })
      .toContain('Last synced')

    // The key is regenerated in ChartMogul; then a deal is edited here.
    sim.rotateApiKey('cm-key-after-2222')
    const deal = sim.store.opportunities()[0]
    if (!deal) throw new Error('no opportunity')
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Opportunities' })
      .click()
    await cell(page, deal.uuid, 'amountCents').dblclick()
    const amount = page.getByRole('textbox', { name: `Amount in ${deal.currency}` })
    await amount.fill('4,321.00')
    await amount.press('Enter')

    const paused = statusBar(page).getByRole('button', { name: /Sending paused/ })
    await expect.poll(() => paused.count()).toBe(1)
    await expect.poll(() => cell(page, deal.uuid, 'sync').textContent()).toBe('Pending')
    await paused.click()
    const banner = page.getByRole('alert').filter({ hasText: 'Sending is paused' })
    await expect
      .poll(() => banner.textContent())
      .toContain('ChartMogul rejected the API key — update it in Settings.')
    await app.screenshot('outbox-paused')
    // Paused means one refused attempt, not a retry storm.
    const refused = sim.stats.byStatus[401] ?? 0
    expect(sim.store.getOpportunity(deal.uuid)?.amount_in_cents).toBe(deal.amount_in_cents)

    await banner.getByRole('button', { name: 'Open Settings' }).click()
    // Signing out now would strand the queued change: the dialog says so first.
    await page.getByRole('button', { name: 'Sign out…' }).click()
    const signOut = page.getByRole('dialog', { name: /Sign out of/ })
    await expect
      .poll(() => signOut.getByRole('alert').innerText())
      .toContain('1 change to deals has not reached ChartMogul yet')
    await signOut.getByRole('button', { name: 'Cancel' }).click()
    const keyForm = page.getByRole('form', { name: 'Workspace API key' })
    await keyForm.getByLabel('ChartMogul API key').fill('cm-key-after-2222')
    await keyForm.getByRole('button', { name: 'Save key' }).click()

    await expect
      .poll(() => sim.store.getOpportunity(deal.uuid)?.amount_in_cents, { timeout: 20_000 })
      .toBe(432_100)
    await expect
      .poll(() =>
        statusBar(page)
          .getByRole('button', { name: /paused|waiting|attention/ })
          .count()
      )
      .toBe(0)
    expect(refused).toBeLessThanOrEqual(3)
    expect(app.consoleErrors).toEqual([])
  })
})
