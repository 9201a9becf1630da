/**
 * A user saves, sees and removes their API key in Settings. The key lands in the real OS
 * keychain (gnome-keyring here), survives a reload, and never shows up in the page.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type LaunchedApp } from './harness/launchApp'

const WORKSPACE = 'chartmogul'
let app: LaunchedApp | undefined

afterEach(async () => {
  await app?.services.vault.delete(WORKSPACE)
  await app?.close()
  app = undefined
})

async function openSettings(current: LaunchedApp): Promise<void> {
  await current.page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click()
}

describe('API key in Settings', () => {
  it('saves to the OS keychain, shows only the last four characters, and removes it', async () => {
    app = await launchApp()
    expect(app.services.keyStorage.backend).toBe('keychain')
    const { page } = app
    const secret = 'cm_live_9f8e7d6c5b4a3210fedcba9876543210'
    await openSettings(app)
    await expect
      .poll(() => page.getByText('No API key is stored for this workspace yet.').isVisible())
      .toBe(true)

    await page.getByLabel('ChartMogul API key', { exact: true }).fill(secret)
    await page.getByRole('button', { name: 'Save key' }).click()
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).textContent())
      .toContain('…3210')
    expect(await app.services.vault.read(WORKSPACE)).toBe(secret)
    expect(await page.getByLabel('ChartMogul API key', { exact: true }).inputValue()).toBe('')
    expect(await page.content()).not.toContain(secret)
    await app.screenshot('settings-key-saved')

    await app.reload()
    await openSettings(app)
    await expect.poll(() => page.getByText('A key ending in').textContent()).toContain('…3210')

    await page.getByRole('button', { name: 'Remove key' }).click()
    await expect
      .poll(() => page.getByText('No API key is stored for this workspace yet.').isVisible())
      .toBe(true)
    expect(await app.services.vault.read(WORKSPACE)).toBeNull()
  })

  it('refuses a pasted key with spaces inside, saying why, and stores nothing', async () => {
    app = await launchApp()
    const { page } = app
    await openSettings(app)
    await page.getByLabel('ChartMogul API key', { exact: true }).fill('abc def')
    await page.getByRole('button', { name: 'Save key' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('no spaces')
    expect(await app.services.vault.read(WORKSPACE)).toBeNull()
    await app.screenshot('settings-key-invalid')
  })

  it('updates the page when main reports a key change from elsewhere', async () => {
    app = await launchApp()
    await openSettings(app)
    await app.services.vault.save(WORKSPACE, 'key-from-another-window-WXYZ')
    app.emit('keyChanged', { workspaceId: WORKSPACE, present: true, last4: 'WXYZ' })
    await expect.poll(() => app!.page.getByText('A key ending in').textContent()).toContain('…WXYZ')
  })
})
