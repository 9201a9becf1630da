/**
 * A user replaces, sees and removes the API key of a ChartMogul workspace in Settings. The key
 * lands in the real OS keychain (gnome-keyring here), survives a reload, and never shows up in
 * the page.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Workspace } from '../../src/shared/workspace/workspace'
import { launchApp, type LaunchedApp } from './harness/launchApp'

const WORKSPACE: Workspace = {
  id: 'acme-1a2b3c',
  name: 'Acme',
  kind: 'chartmogul',
  // Nothing listens here: syncing fails fast, which these tests do not care about.
  baseUrl: 'http://127.0.0.1:9',
  requestsPerSecond: 20,
  syncIntervalMinutes: 15,
  createdAt: new Date(0).toISOString()
}
let app: LaunchedApp | undefined

afterEach(async () => {
  await app?.services.vault.delete(WORKSPACE.id)
  await app?.close()
  app = undefined
})

/** The app with the Acme workspace registered and open, on the Settings section. */
async function openAcmeSettings(): Promise<LaunchedApp> {
  const current = await launchApp()
  await current.services.workspaces.put(WORKSPACE)
  await current.page.evaluate(
    (id) => localStorage.setItem('revdesk.lastWorkspaceId', id),
    WORKSPACE.id
  )
  await current.reload()
  await current.page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click()
  return current
}

describe('API key in Settings', () => {
  it('saves to the OS keychain, shows only the last four characters, and removes it', async () => {
    app = await openAcmeSettings()
    expect(app.services.keyStorage.backend).toBe('keychain')
    const { page } = app
    const secret = 'cm_live_9f8e7d6c5b4a3210fedcba9876543210'
    const form = page.getByRole('form', { name: 'Workspace API key' })
    await expect
      .poll(() => form.getByText('No API key is stored for this workspace yet.').isVisible())
      .toBe(true)

    await form.getByLabel('ChartMogul API key', { exact: true }).fill(secret)
    await form.getByRole('button', { name: 'Save key' }).click()
    await expect.poll(() => form.getByRole('status').textContent()).toContain('…3210')
    expect(await app.services.vault.read(WORKSPACE.id)).toBe(secret)
    expect(await form.getByLabel('ChartMogul API key', { exact: true }).inputValue()).toBe('')
    expect(await page.content()).not.toContain(secret)
    await app.screenshot('settings-key-saved')

    await app.reload()
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
      .click()
    await expect.poll(() => form.getByText('A key ending in').textContent()).toContain('…3210')

    await form.getByRole('button', { name: 'Remove key' }).click()
    await expect
      .poll(() => form.getByText('No API key is stored for this workspace yet.').isVisible())
      .toBe(true)
    expect(await app.services.vault.read(WORKSPACE.id)).toBeNull()
  })

  it('refuses a pasted key with spaces inside, saying why, and stores nothing', async () => {
    app = await openAcmeSettings()
    const form = app.page.getByRole('form', { name: 'Workspace API key' })
    await form.getByLabel('ChartMogul API key', { exact: true }).fill('abc def')
    await form.getByRole('button', { name: 'Save key' }).click()
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('no spaces')
    expect(await app.services.vault.read(WORKSPACE.id)).toBeNull()
    await app.screenshot('settings-key-invalid')
  })

  it('updates the page when main reports a key change from elsewhere', async () => {
    app = await openAcmeSettings()
    await app.services.vault.save(WORKSPACE.id, 'key-from-another-window-WXYZ')
    app.emit('keyChanged', { workspaceId: WORKSPACE.id, present: true, last4: 'WXYZ' })
    const form = app.page.getByRole('form', { name: 'Workspace API key' })
    await expect.poll(() => form.getByText('A key ending in').textContent()).toContain('…WXYZ')
  })
})
