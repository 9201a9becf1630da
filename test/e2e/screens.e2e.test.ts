/**
 * Screenshots of the main screens at a laptop (1280×800) and a desktop (1920×1080) size, in light
 * and dark, for people to look at (test-results/screenshots/screen-<name>-<size>-<scheme>.png).
 * Each one also checks what a screenshot cannot: the page never scrolls sideways, and nothing
 * was logged as an error on the way.
 */
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { demoBackedBy, exploreDemoAndWaitForSync } from './harness/demoBackend'
import { launchApp, type LaunchedApp } from './harness/launchApp'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 }
] as const
const SCHEMES = ['light', 'dark'] as const

/** One screen: its file name part and how a person opens it (left open for the shots). */
interface Screen {
  name: string
  open: (page: Page) => Promise<void>
  /** Closes what `open` left on top, if anything. */
  close?: (page: Page) => Promise<void>
}

let app: LaunchedApp | undefined
let simulator: RunningSimulator | undefined
afterEach(async () => {
  await app?.close()
  await simulator?.close()
  app = undefined
  simulator = undefined
})

const sections = (page: Page): Locator => page.getByRole('navigation', { name: 'Sections' })

async function openSection(page: Page, name: string): Promise<void> {
  await sections(page).getByRole('button', { name, exact: true }).click()
  await expect.poll(() => page.getByRole('main', { name }).count()).toBe(1)
}

function section(name: string, ready: (page: Page) => Locator): Screen {
  return {
    name: name.toLowerCase(),
    open: async (page) => {
      await openSection(page, name)
      await expect.poll(() => ready(page).count()).toBeGreaterThan(0)
    }
  }
}

const gridCells = (name: string) => (page: Page) =>
  page.getByRole('region', { name: `${name} table` }).getByRole('gridcell')

/** Shoots `screens` at every size and scheme; returns what each shot found wrong. */
async function shoot(launched: LaunchedApp, prefix: string, screens: readonly Screen[]) {
  const { page } = launched
  const problems: string[] = []
  for (const screen of screens) {
    await screen.open(page)
    for (const size of SIZES) {
      await page.setViewportSize(size)
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme })
        await expect
          .poll(() => page.evaluate(() => document.body.dataset['agThemeMode']))
          .toBe(scheme)
        // Let layout, the grid's resize observer and the charts settle for a couple of frames.
        await page.evaluate(
          () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
        )
        const name = `screen-${prefix}${screen.name}-${size.width}x${size.height}-${scheme}`
        await launched.screenshot(name)
        const overflow = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth
        }))
        if (overflow.scrollWidth > overflow.innerWidth) {
          problems.push(
            `${name}: the page scrolls sideways (${overflow.scrollWidth} > ${overflow.innerWidth})`
          )
        }
      }
    }
    await page.emulateMedia({ colorScheme: 'light' })
    await page.setViewportSize(SIZES[0])
    await screen.close?.(page)
  }
  return problems
}

describe('screens, at 1280×800 and 1920×1080, light and dark', () => {
  it('ChartMogul: Customers, Opportunities, Dashboard, Outbox, Settings, Customer 360', async () => {
    simulator = await startSimulator({ apiKey: 'screens-e2e', data: { seed: 23, customers: 80 } })
    const running = simulator
    app = await launchApp({ demo: demoBackedBy(running) })
    await exploreDemoAndWaitForSync(app)
    const customer = running.store
      .customers()
      .find((c) => running.store.activities().some((a) => a['customer-uuid'] === c.uuid))!

    const problems = await shoot(app, '', [
      section('Customers', gridCells('Customers')),
      section('Opportunities', gridCells('Opportunities')),
      section('Dashboard', (page) => page.getByRole('group', { name: 'Current MRR' })),
      section('Outbox', (page) => page.getByRole('heading', { name: 'Outbox' })),
      section('Settings', (page) => page.getByText('ChartMogul demo data')),
      {
        name: 'customer360',
        open: async (page) => {
          await openSection(page, 'Customers')
          await page.keyboard.press('Control+K')
          await page.getByRole('combobox', { name: 'Jump to customer' }).fill(customer.name)
          const option = page
            .getByRole('listbox', { name: 'Matching customers' })
            .getByRole('option')
            .first()
          await expect.poll(() => option.textContent()).toContain(customer.name)
          await page.keyboard.press('Enter')
          const panel = page.getByRole('dialog', { name: `Customer ${customer.name}` })
          await expect.poll(() => panel.getByRole('region', { name: 'Revenue' }).count()).toBe(1)
        },
        close: (page) => page.keyboard.press('Escape')
      }
    ])

    expect(problems).toEqual([])
    expect(app.consoleErrors).toEqual([])
  }, 90_000)

  it('Monaco: Accounts and the pipeline dashboard', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('button', { name: 'Open Monaco demo' }).click()
    await expect
      .poll(() => page.getByRole('contentinfo', { name: 'Status' }).textContent(), {
        timeout: 60_000
      })
      .toContain('Last synced')

    const problems = await shoot(app, 'monaco-', [
      section('Accounts', gridCells('Accounts')),
      section('Dashboard', (p) => p.getByRole('table', { name: 'Pipeline by stage' }))
    ])

    expect(problems).toEqual([])
    expect(app.consoleErrors).toEqual([])
  }, 90_000)
})
