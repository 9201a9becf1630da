/** A new user's first look: every section renders in real Chromium, light and dark, cleanly. */
import { afterEach, describe, expect, it } from 'vitest'
import { capabilitiesOf } from '../../src/shared/providers/capabilities'
import { sectionsFor } from '../../src/renderer/src/shell/sections'
import { launchApp, type LaunchedApp } from './harness/launchApp'

let app: LaunchedApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('app shell', () => {
  it('visits every section from the sidebar and shows what to do next', async () => {
    app = await launchApp()
    const { page } = app
    // With no workspace open, the sidebar shows ChartMogul's sections.
    for (const section of sectionsFor(capabilitiesOf('chartmogul'))) {
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('button', { name: section.label })
        .click()
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).first().textContent())
        .toBe(section.label)
      const current = page.getByRole('button', { name: section.label })
      expect(await current.getAttribute('aria-current')).toBe('page')
      expect(await page.title()).toBe(`${section.label} — Revdesk`)
      await app.screenshot(`shell-${section.id}`)
    }
    expect(app.consoleErrors).toEqual([])
  })

  it('renders the customers grid with its columns and an empty state for a new user', async () => {
    app = await launchApp()
    const { page } = app
    await expect
      .poll(() => page.getByRole('heading', { name: 'No customers cached yet' }).isVisible())
      .toBe(true)
    const grid = page.getByRole('region', { name: 'Customers table' })
    const headers = await grid.locator('.ag-header-cell-text').allTextContents()
    expect(headers).toEqual([
      'Name',
      'Company',
      'Email',
      'Status',
      'Country',
      'MRR',
      'Customer since'
    ])
    await page.getByRole('button', { name: 'Connect a workspace' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings')
  })

  it('shows online and offline in the status bar as the network comes and goes', async () => {
    app = await launchApp()
    const status = app.page.getByRole('contentinfo', { name: 'Status' }).getByRole('status')
    await expect.poll(() => status.textContent()).toContain('Online')
    await app.context.setOffline(true)
    await expect.poll(() => status.textContent()).toContain('Offline')
    await app.screenshot('shell-offline')
    await app.context.setOffline(false)
    await expect.poll(() => status.textContent()).toContain('Online')
  })

  it('follows the OS dark mode, grid included', async () => {
    app = await launchApp({ colorScheme: 'dark' })
    const { page } = app
    expect(await page.evaluate(() => document.body.dataset['agThemeMode'])).toBe('dark')
    const background = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor
    )
    expect(background).toBe('rgb(24, 27, 33)')
    await app.screenshot('shell-customers-dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await expect.poll(() => page.evaluate(() => document.body.dataset['agThemeMode'])).toBe('light')
  })
})
