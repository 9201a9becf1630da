/**
 * About Revdesk and Settings › Notifications, in real Chromium, by role, name and keys only:
 * Ctrl+K → "About Revdesk" shows the versions and where the data lives, "Open data folder"
 * asks main (which picks the folder), Esc gives focus back; the notifications checkbox is off by
 * default, found by its label, and stays on after a reload. Both pass the WCAG audit in light
 * and dark.
 */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
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
