/**
 * About Revdesk and Settings › Notifications, in real Chromium, by role, name and keys only:
 * Ctrl+K → "About Revdesk" shows the versions and where the data lives, "Open data folder"
 * asks main (which picks the folder), Esc gives focus back; the notifications checkbox is off by
 * default, found by its label, and stays on after a reload. Both pass the WCAG audit in light
 * and dark. A refused key, while the window is in the background, gives one notification.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/main/simulator'
import { createSafeStorageVault } from '../../src/main/vault/safeStorageVault'
import { fakeSafeStorage } from '../unit/support/fakeSafeStorage'
import { expectAccessible } from './harness/axe'
import { launchApp, type LaunchedApp } from './harness/launchApp'

let app: LaunchedApp | undefined

afterEach(async () => {
  await app?.close()
  app = undefined
})

describe.each(['light', 'dark'] as const)('About and notifications, %s', (colorScheme) => {
  it('opens About from the palette by keyboard, shows versions and paths, returns focus on Esc', async () => {
    app = await launchApp({ colorScheme })
    const { page, dataDir } = app
    const settingsLink = page.getByRole('navigation', { name: 'Sections' }).getByRole('button', {
      name: /Settings/
    })
    await settingsLink.focus()

    await page.keyboard.press('Control+K')
    const palette = page.getByRole('dialog', { name: 'Command palette' })
    await expect.poll(() => palette.isVisible()).toBe(true)
    await page.keyboard.type('About')
    const option = palette.getByRole('option', { name: /About Revdesk/ })
    await expect.poll(() => option.getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Enter')

    const about = page.getByRole('dialog', { name: 'About Revdesk' })
    await expect.poll(() => about.isVisible()).toBe(true)
    const versions = about.getByRole('definition')
    await expect.poll(() => versions.first().textContent()).toBe('0.0.0-test')
    const text = (await about.textContent()) ?? ''
    expect(text).toContain('0.0.0-harness')
    expect(text).toContain(process.versions.node)
    expect(text).toContain(join(dataDir, 'IndexedDB'))
    expect(text).toContain(join(dataDir, 'workspaces.json'))
    expect(text).toContain(join(dataDir, 'preferences.json'))
    expect(text).toContain(join(dataDir, 'window-state.json'))
    await expectAccessible(page, `About dialog, ${colorScheme}`)

    await about.getByRole('button', { name: 'Copy version details' }).click()
    await expect.poll(() => about.getByRole('status').textContent()).toBe('Version details copied.')
    expect(app.clipboard).toEqual([
      `Revdesk 0.0.0-test\nElectron 0.0.0-harness\nChromium 0.0.0-harness\nNode.js ${process.versions.node}\n${process.platform} ${process.arch}`
    ])

    await about.getByRole('button', { name: 'Open data folder' }).click()
    expect(app.openedPaths).toEqual([dataDir])
    await expect.poll(() => about.getByRole('status').textContent()).toContain('opened')

    await page.keyboard.press('Escape')
    await expect.poll(() => about.count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(
      /Settings/
    )
  })

  it('the menu’s About item opens the same dialog', async () => {
    app = await launchApp({ colorScheme })
    app.emit('menuCommand', { command: 'about' })
    const about = app.page.getByRole('dialog', { name: 'About Revdesk' })
    await expect.poll(() => about.isVisible()).toBe(true)
    await about.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => about.count()).toBe(0)
  })

  it('notifications are opt-in, switched on by label, and stay on after a reload', async () => {
    app = await launchApp({ colorScheme })
    const { page } = app
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /Settings/ })
      .click()
    const toggle = page.getByLabel('Notify me when Revdesk needs me')
    await expect.poll(() => toggle.isEnabled()).toBe(true)
    expect(await toggle.isChecked()).toBe(false)
    await toggle.focus()
    await page.keyboard.press('Space')
    await expect.poll(() => toggle.isChecked()).toBe(true)
    await expect
      .poll(async () => (await app?.services.preferences.read())?.notifications)
      .toBe(true)
    await expectAccessible(page, `Settings with notifications on, ${colorScheme}`)

    await app.reload()
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /Settings/ })
      .click()
    const again = page.getByLabel('Notify me when Revdesk needs me')
    await expect.poll(() => again.isEnabled()).toBe(true)
    expect(await again.isChecked()).toBe(true)
  })
})

describe('native notifications', () => {
  it('tell once, in main’s words, that the key was refused while the window was in the background', async () => {
    // Any address with no server behind it would only be "offline"; this one answers 401.
    const simulator = await startSimulator({
      apiKey: 'cm-key-right-1111',
      data: { seed: 5, customers: 5 },
      faults: { latencyMs: 5 }
    })
    try {
      const vault = createSafeStorageVault(
        join(mkdtempSync(join(tmpdir(), 'rd-e2e-keys-')), 'keys.enc.json'),
        fakeSafeStorage()
      )
      app = await launchApp({
        vault: { vault, status: { backend: 'encrypted-file', weak: false, notice: null } }
      })
      const { page } = app
      const workspace = {
        id: 'acme-notify',
        name: 'Acme',
        kind: 'chartmogul' as const,
        baseUrl: simulator.url,
        requestsPerSecond: 20,
        syncIntervalMinutes: 15,
        createdAt: new Date(0).toISOString()
      }
      await app.services.workspaces.put(workspace)
      await app.services.vault.save(workspace.id, 'cm-key-wrong-2222')
      await app.services.preferences.update({ notifications: true })
      // Headless Chromium always has focus: this is "another app is in front".
      await app.context.addInitScript(() => {
        Document.prototype.hasFocus = () => false
      })
      await page.evaluate((id) => localStorage.setItem('revdesk.lastWorkspaceId', id), workspace.id)
      await app.reload()

      await expect.poll(() => app?.notices.length, { timeout: 30_000 }).toBe(1)
      expect(app.notices[0]).toMatchObject({
        body: 'Acme: the API key was refused. Open Settings to update it.',
        opens: { command: 'open-settings' }
      })
      // A retry that fails the same way is not news.
      await page.keyboard.press('Control+K')
      await page.keyboard.type('Sync now')
      await page.keyboard.press('Enter')
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      expect(app.notices).toHaveLength(1)
    } finally {
      await simulator.close()
    }
  })
})
