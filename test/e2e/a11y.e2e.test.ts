/**
 * An axe-core audit (WCAG 2.2 A/AA, failing on serious or critical violations) of every state a
 * person can bring the app to: each section, dialog and panel, the first-run and offline states,
 * for a ChartMogul and a Monaco workspace, each in the light and the dark colour scheme.
 *
 * The states are a table: a name and how a person gets there (by role, label and keyboard) from
 * wherever the previous state left the page, plus how to leave it again. Adding a state is adding
 * a row. One app per provider walks its table in order; every state is audited in light, then the
 * OS is switched to dark (as `prefers-color-scheme` changes, which the app follows live) and it is
 * audited again. Every violation of every state is collected, so one run lists them all.
 */
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { auditPage, describeViolations, type AuditOptions } from './harness/axe'
import { demoBackedBy, exploreDemoAndWaitForSync } from './harness/demoBackend'
import { launchApp, type LaunchedApp } from './harness/launchApp'
import { pausableBackend, type PausableBackend } from './harness/pausableBackend'

/** What a state's steps can reach: the app, and for ChartMogul the account behind it. */
interface Scene {
  app: LaunchedApp
  page: Page
  simulator?: RunningSimulator
  backend?: PausableBackend
}

/** One audited state of the UI. */
interface A11yState {
  name: string
  /** Brings the page to this state, as a person would, from where the previous state left it. */
  reach: (scene: Scene) => Promise<void>
  /** Puts things back (closes what `reach` opened, comes back online …) when needed. */
  leave?: (scene: Scene) => Promise<void>
  audit?: AuditOptions
}

const SCHEMES = ['light', 'dark'] as const

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

// ---- How a person moves around -------------------------------------------------------------

const sections = (page: Page): Locator => page.getByRole('navigation', { name: 'Sections' })
const statusBar = (page: Page): Locator => page.getByRole('contentinfo', { name: 'Status' })

async function openSection(page: Page, name: string): Promise<void> {
  await sections(page).getByRole('button', { name, exact: true }).click()
  await expect.poll(() => page.getByRole('main', { name }).count()).toBe(1)
}

/** A section whose grid has rows once the cache is read. */
function gridSection(name: string): A11yState {
  return {
    name,
    reach: async ({ page }) => {
      await openSection(page, name)
      const grid = page.getByRole('region', { name: `${name} table` })
      await expect.poll(() => grid.getByRole('gridcell').count()).toBeGreaterThan(0)
    }
  }
}

function plainSection(name: string, ready: (page: Page) => Locator): A11yState {
  return {
    name,
    reach: async ({ page }) => {
      await openSection(page, name)
      await expect.poll(() => ready(page).count()).toBeGreaterThan(0)
    }
  }
}

/** Escape closes the top dialog; pressing it until none is open leaves the page as it was. */
async function closeDialogs({ page }: Scene): Promise<void> {
  for (let i = 0; i < 4 && (await page.getByRole('dialog').count()) > 0; i++) {
    const discard = page.getByRole('button', { name: 'Discard changes' })
    if (await discard.isVisible()) await discard.click()
    else await page.keyboard.press('Escape')
  }
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
}

async function goOffline({ app, page }: Scene): Promise<void> {
  await app.context.setOffline(true)
  await expect.poll(() => statusBar(page).textContent()).toContain('Offline')
}

async function goOnline({ app, page }: Scene): Promise<void> {
  await app.context.setOffline(false)
  await expect.poll(() => statusBar(page).textContent()).not.toContain('Offline')
}

const addForm = (page: Page): Locator => page.getByRole('form', { name: 'Add a workspace' })

/** The first-run and Settings states, before any workspace is open. */
const FIRST_RUN: A11yState[] = [
  {
    name: 'first run, no workspace',
    reach: async ({ page }) => {
      await openSection(page, 'Customers')
      await expect
        .poll(() => page.getByRole('heading', { name: 'No customers cached yet' }).count())
        .toBe(1)
    }
  },
  plainSection('Dashboard', (page) => page.getByRole('heading', { name: 'Nothing to chart yet' })),
  {
    name: 'Settings, add-workspace form',
    reach: async ({ page }) => {
      await openSection(page, 'Settings')
      await expect.poll(() => addForm(page).count()).toBe(1)
    }
  },
  {
    name: 'Settings, add-workspace form with "Advanced" open',
    reach: async ({ page }) => {
      await addForm(page).getByRole('button', { name: 'Advanced' }).click()
      await expect.poll(() => addForm(page).getByLabel('API address').count()).toBe(1)
    }
  },
  {
    name: 'Settings, add-workspace form refusing an empty submit',
    reach: async ({ page }) => {
      await addForm(page).getByRole('button', { name: 'Add workspace' }).click()
      await expect.poll(() => addForm(page).getByRole('alert').count()).toBeGreaterThan(0)
    }
  },
  { name: 'offline, no workspace', reach: goOffline, leave: goOnline }
]

// ---- ChartMogul ----------------------------------------------------------------------------

/** The shortest prefix (4+ characters) of `name` no other name starts with. */
function uniquePrefix(name: string, others: readonly string[]): string {
  const lower = others.map((o) => o.toLowerCase())
  for (let length = Math.min(4, name.length); length <= name.length; length++) {
    const prefix = name.slice(0, length).toLowerCase()
    if (lower.filter((o) => o.startsWith(prefix)).length === 1) return name.slice(0, length)
  }
  return name
}

/**
 * A customer with MRR movements and exactly one deal, still open (so its panel's Edit button is
 * that deal's), whose name a prefix singles out.
 */
function customerToOpen(sim: RunningSimulator): { name: string; query: string; dealUuid: string } {
  const store = sim.store
  const names = store.customers().map((c) => c.name)
  const dealsOf = (uuid: string) => store.opportunities().filter((o) => o.customer_uuid === uuid)
  const found = store
    .customers()
    .find(
      (c) =>
        names.filter((n) => n === c.name).length === 1 &&
        store.activities().filter((a) => a['customer-uuid'] === c.uuid).length >= 2 &&
        dealsOf(c.uuid).length === 1 &&
        !/^Closed/.test(dealsOf(c.uuid)[0]!.pipeline_stage)
    )
  if (!found) throw new Error('the demo data has no customer with movements and one open deal')
  return {
    name: found.name,
    query: uniquePrefix(found.name, names),
    dealUuid: dealsOf(found.uuid)[0]!.uuid
  }
}

function quickJump(page: Page, inputName: string): Locator {
  return page.getByRole('combobox', { name: inputName })
}

async function openCustomer360({ page, simulator: sim }: Scene): Promise<Locator> {
  const customer = customerToOpen(sim!)
  await page.keyboard.press('Control+K')
  await quickJump(page, 'Jump to customer').fill(customer.query)
  const first = page.getByRole('listbox', { name: 'Matching customers' }).getByRole('option')
  await expect.poll(() => first.first().textContent()).toContain(customer.name)
  await page.keyboard.press('Enter')
  const panel = page.getByRole('dialog', { name: `Customer ${customer.name}` })
  await expect.poll(() => panel.getByRole('table', { name: 'Opportunities' }).count()).toBe(1)
  return panel
}

/** The Edit button of the deal `customerToOpen` picked, in its customer's panel. */
function editButtonOf(panel: Locator): Locator {
  return panel.getByRole('button', { name: /^Edit .* opportunity$/ }).first()
}

const editor = (page: Page, name: string): Locator => page.getByRole('dialog', { name })

const CHARTMOGUL_SYNCED: A11yState[] = [
  // First, so that sending the change fails (and schedules its retry, after the client's own
  // retries) while the states after it are audited.
  {
    name: 'Customer 360 with a deal waiting to be sent (ChartMogul out of reach)',
    reach: async (scene) => {
      await scene.backend!.stop()
      const panel = await openCustomer360(scene)
      await editButtonOf(panel).click()
      const edit = editor(scene.page, 'Edit opportunity')
      await edit.getByLabel('Stage', { exact: true }).fill('Verbal Commit')
      await edit.getByRole('button', { name: 'Save' }).click()
      await expect.poll(() => edit.count()).toBe(0)
      await expect.poll(() => panel.getByText('Pending', { exact: true }).count()).toBe(1)
    },
    leave: closeDialogs
  },
  gridSection('Customers'),
  gridSection('Plans'),
  gridSection('Activities'),
  {
    name: 'Opportunities, a deal Pending',
    reach: async ({ page }) => {
      await openSection(page, 'Opportunities')
      await expect
        .poll(() => page.getByRole('gridcell', { name: 'Pending', exact: true }).count())
        .toBeGreaterThan(0)
    }
  },
  plainSection('Dashboard', (page) => page.getByRole('group', { name: 'Current MRR' })),
  plainSection('Outbox', (page) => page.getByRole('heading', { name: 'Outbox' })),
  plainSection('Settings', (page) => page.getByText('ChartMogul demo data')),
  {
    name: 'Customers, columns menu open',
    reach: async ({ page }) => {
      await openSection(page, 'Customers')
      await page.getByRole('button', { name: 'Columns' }).click()
      await expect.poll(() => page.getByRole('group', { name: /columns$/ }).count()).toBe(1)
    },
    leave: async ({ page }) => {
      await page.getByRole('button', { name: 'Columns' }).click()
    }
  },
  {
    name: 'quick jump (Ctrl+K) with matches',
    reach: async ({ page }) => {
      await page.keyboard.press('Control+K')
      await quickJump(page, 'Jump to customer').fill('a')
      await expect
        .poll(() =>
          page.getByRole('listbox', { name: 'Matching customers' }).getByRole('option').count()
        )
        .toBeGreaterThan(0)
    },
    leave: closeDialogs
  },
  {
    name: 'Customers, saved-views menu open',
    reach: async ({ page }) => {
      await openSection(page, 'Customers')
      await page.getByRole('button', { name: /^View: / }).click()
      await expect.poll(() => page.getByRole('menu', { name: 'Customers views' }).count()).toBe(1)
    },
    leave: async ({ page }) => {
      await page.keyboard.press('Escape')
      await expect.poll(() => page.getByRole('menu').count()).toBe(0)
    }
  },
  {
    name: 'saved-views naming dialog, refusing an empty name',
    reach: async ({ page }) => {
      await page.getByRole('button', { name: /^View: / }).click()
      await page.getByRole('menuitem', { name: 'Save current view as…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Save customers view' })
      await dialog.getByLabel('View name').press('Enter')
      await expect.poll(() => dialog.getByRole('alert').count()).toBe(1)
    },
    leave: closeDialogs
  },
  {
    name: 'command palette, actions and places',
    reach: async ({ page }) => {
      await page.keyboard.press('Control+K')
      const palette = page.getByRole('dialog', { name: 'Command palette' })
      await expect
        .poll(() => palette.getByRole('group', { name: 'Go to' }).getByRole('option').count())
        .toBeGreaterThan(0)
    },
    leave: closeDialogs
  },
  {
    name: 'command palette, choosing a stage for the focused deal',
    reach: async ({ page }) => {
      await openSection(page, 'Opportunities')
      const grid = page.getByRole('region', { name: 'Opportunities table' })
      await grid.getByRole('gridcell').first().click()
      await page.keyboard.press('Control+K')
      const palette = page.getByRole('dialog', { name: 'Command palette' })
      await page.keyboard.type('move')
      await expect.poll(() => palette.getByRole('option', { name: /Move stage…/ }).count()).toBe(1)
      await page.keyboard.press('Enter')
      await expect
        .poll(() =>
          palette.getByRole('listbox', { name: 'Stage choices' }).getByRole('option').count()
        )
        .toBeGreaterThan(0)
    },
    leave: closeDialogs
  },
  {
    name: 'keyboard shortcuts sheet',
    reach: async ({ page }) => {
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
      await expect
        .poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count())
        .toBe(1)
    },
    leave: closeDialogs
  },
  {
    name: 'Customer 360',
    reach: async (scene) => void (await openCustomer360(scene)),
    leave: closeDialogs
  },
  {
    name: 'deal editor, create',
    reach: async ({ page }) => {
      await openSection(page, 'Opportunities')
      await page.getByRole('button', { name: 'New opportunity' }).click()
      await expect.poll(() => editor(page, 'New opportunity').count()).toBe(1)
    }
  },
  {
    name: 'deal editor, create with validation errors',
    reach: async ({ page }) => {
      await editor(page, 'New opportunity').getByRole('button', { name: 'Save' }).click()
      await expect
        .poll(() =>
          editor(page, 'New opportunity')
            .getByText(/Fix the highlighted fields/)
            .count()
        )
        .toBeGreaterThan(0)
    },
    leave: closeDialogs
  },
  {
    name: 'deal editor, edit (over Customer 360)',
    reach: async (scene) => {
      await editButtonOf(await openCustomer360(scene)).click()
      await expect.poll(() => editor(scene.page, 'Edit opportunity').count()).toBe(1)
    }
  },
  {
    name: 'deal editor, delete confirmation',
    reach: async ({ page }) => {
      await editor(page, 'Edit opportunity')
        .getByRole('button', { name: 'Delete opportunity' })
        .click()
      await expect.poll(() => page.getByText('Delete this opportunity?').count()).toBe(1)
    },
    leave: async (scene) => {
      await editor(scene.page, 'Edit opportunity').getByRole('button', { name: 'Keep' }).click()
      await closeDialogs(scene)
    }
  },
  {
    name: 'Outbox, a change waiting for ChartMogul to be reachable',
    reach: async ({ page }) => {
      await openSection(page, 'Outbox')
      // The save above started sending; with ChartMogul out of reach it fails and waits.
      await expect
        .poll(() => page.getByText(/^Waiting — ChartMogul cannot be reached/).count(), {
          timeout: 45_000
        })
        .toBeGreaterThan(0)
    }
  },
  {
    name: 'Outbox, a conflict',
    reach: async ({ page, simulator: sim, backend: relay }) => {
      const { dealUuid } = customerToOpen(sim!)
      sim!.store.outOfBand.editOpportunity(dealUuid, { pipeline_stage: 'Closed Lost' })
      await relay!.start()
      await statusBar(page).getByRole('button', { name: 'Sync now' }).click()
      await expect
        .poll(() => page.getByRole('button', { name: 'Resolve…' }).count(), { timeout: 30_000 })
        .toBe(1)
    }
  },
  {
    name: 'conflict dialog',
    reach: async ({ page }) => {
      await page.getByRole('button', { name: 'Resolve…' }).click()
      await expect
        .poll(() => page.getByRole('dialog', { name: 'Changed in ChartMogul too' }).count())
        .toBe(1)
    },
    leave: closeDialogs
  },
  { name: 'offline, workspace open', reach: goOffline, leave: goOnline }
]

// ---- Monaco --------------------------------------------------------------------------------

/** Opens the Account 360 panel of the `index`th account in the grid (Enter on its row). */
async function openAccount360({ page }: Scene, index = 0): Promise<Locator> {
  await openSection(page, 'Accounts')
  const grid = page.getByRole('region', { name: 'Accounts table' })
  await grid
    .getByRole('row')
    .nth(index + 1)
    .getByRole('gridcell')
    .first()
    .click()
  await page.keyboard.press('Enter')
  const panel = page.getByRole('dialog', { name: /^Account / })
  await expect.poll(() => panel.count()).toBe(1)
  return panel
}

/** The Account 360 panel of the first account (in the grid's order) that has deals. */
async function openAccountWithDeals(scene: Scene): Promise<Locator> {
  for (let index = 0; index < 12; index++) {
    const panel = await openAccount360(scene, index)
    const deals = panel.getByRole('heading', { name: /^Opportunities \(\d+\)$/ })
    await expect.poll(() => deals.count()).toBe(1)
    if ((await deals.textContent())?.trim() !== 'Opportunities (0)') return panel
    await closeDialogs(scene)
  }
  throw new Error('none of the first accounts has deals')
}

const MONACO_SYNCED: A11yState[] = [
  gridSection('Accounts'),
  gridSection('Contacts'),
  gridSection('Opportunities'),
  plainSection('Dashboard', (page) => page.getByRole('table', { name: 'Pipeline by stage' })),
  plainSection('Outbox', (page) => page.getByRole('heading', { name: 'Outbox' })),
  plainSection('Settings', (page) => page.getByText('Monaco demo data')),
  {
    name: 'quick jump (Ctrl+K) with matches',
    reach: async ({ page }) => {
      await page.keyboard.press('Control+K')
      await quickJump(page, 'Jump to account or contact').fill('a')
      await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0)
    },
    leave: closeDialogs
  },
  {
    name: 'Account 360',
    reach: async (scene) => void (await openAccount360(scene)),
    leave: closeDialogs
  },
  {
    name: 'deal editor, create',
    reach: async ({ page }) => {
      await openSection(page, 'Opportunities')
      await page.getByRole('button', { name: 'New opportunity' }).click()
      await expect.poll(() => editor(page, 'New opportunity').count()).toBe(1)
    }
  },
  {
    name: 'deal editor, create with validation errors',
    reach: async ({ page }) => {
      await editor(page, 'New opportunity').getByRole('button', { name: 'Save' }).click()
      await expect
        .poll(() =>
          editor(page, 'New opportunity')
            .getByText(/Fix the highlighted fields/)
            .count()
        )
        .toBeGreaterThan(0)
    },
    leave: closeDialogs
  },
  {
    name: 'deal editor, edit (over Account 360)',
    reach: async (scene) => {
      await editButtonOf(await openAccountWithDeals(scene)).click()
      await expect.poll(() => editor(scene.page, 'Edit opportunity').count()).toBe(1)
    }
  },
  {
    name: 'deal editor, delete confirmation',
    reach: async ({ page }) => {
      await editor(page, 'Edit opportunity')
        .getByRole('button', { name: 'Delete opportunity' })
        .click()
      await expect.poll(() => page.getByText('Delete this opportunity?').count()).toBe(1)
    },
    leave: async (scene) => {
      await editor(scene.page, 'Edit opportunity').getByRole('button', { name: 'Keep' }).click()
      await closeDialogs(scene)
    }
  }
]

// ---- The audit -----------------------------------------------------------------------------

/** Switches the OS colour scheme and waits until the page (grid included) has followed it. */
async function useScheme(page: Page, scheme: (typeof SCHEMES)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme })
  await expect.poll(() => page.evaluate(() => document.body.dataset['agThemeMode'])).toBe(scheme)
  // Two frames: Svelte's and Chart.js's redraws after the change have landed.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
  )
}

/** Walks `states` in order, auditing each in light and dark; returns every violation found. */
async function auditStates(scene: Scene, where: string, states: readonly A11yState[]) {
  const found: string[] = []
  for (const state of states) {
    try {
      await state.reach(scene)
    } catch (error) {
      // The states after this one start from where it should have left the page: stop here.
      found.push(`${where} — ${state.name}: could not be reached: ${String(error)}`)
      break
    }
    for (const scheme of SCHEMES) {
      await useScheme(scene.page, scheme)
      const violations = await auditPage(scene.page, state.audit)
      if (violations.length > 0) {
        found.push(`${where} — ${state.name}, ${scheme}:\n${describeViolations(violations)}`)
      }
    }
    await useScheme(scene.page, 'light')
    await state.leave?.(scene)
  }
  return found
}

describe('accessibility (axe-core, WCAG 2.2 AA), light and dark', () => {
  it('ChartMogul: first run, every section, panel and dialog, offline', async () => {
    simulator = await startSimulator({
      apiKey: 'a11y-e2e',
      data: { seed: 23, customers: 60 },
      faults: { latencyMs: 2 }
    })
    backend = await pausableBackend(simulator)
    app = await launchApp({ demo: backend.demo })
    const scene: Scene = { app, page: app.page, simulator, backend }

    const found = await auditStates(scene, 'first run', FIRST_RUN)
    await openSection(app.page, 'Customers')
    await exploreDemoAndWaitForSync(app)
    found.push(...(await auditStates(scene, 'ChartMogul demo', CHARTMOGUL_SYNCED)))

    expect(found.join('\n\n')).toBe('')
  }, 120_000)

  it('Monaco: every section, panel and dialog', async () => {
    app = await launchApp()
    const scene: Scene = { app, page: app.page }
    await app.page.getByRole('button', { name: 'Open Monaco demo' }).click()
    await expect
      .poll(() => statusBar(app!.page).textContent(), { timeout: 60_000 })
      .toContain('Last synced')

    const found = await auditStates(scene, 'Monaco demo', MONACO_SYNCED)

    expect(found.join('\n\n')).toBe('')
  }, 120_000)

  it('Dashboard: Tab reaches the scrolling figures and the keyboard scrolls them to the last panel', async () => {
    simulator = await startSimulator({ apiKey: 'a11y-dashboard', data: { seed: 7, customers: 40 } })
    app = await launchApp({ demo: demoBackedBy(simulator), viewport: { width: 1280, height: 720 } })
    const { page } = app
    await exploreDemoAndWaitForSync(app)
    await openSection(page, 'Dashboard')
    const lastPanel = page.getByRole('region', { name: 'Weighted pipeline and customers' })
    await expect.poll(() => lastPanel.count()).toBe(1)
    /** Where the last panel sits in its scrolling box, and whether focus is in that box. */
    const lastPanelPlace = (): Promise<{ fullyShown: boolean; focusInside: boolean }> =>
      lastPanel.evaluate((panel) => {
        let box = panel.parentElement
        while (
          box &&
          !(
            box.scrollHeight > box.clientHeight &&
            /auto|scroll/.test(getComputedStyle(box).overflowY)
          )
        ) {
          box = box.parentElement
        }
        const scroller = box ?? document.documentElement
        return {
          fullyShown:
            panel.getBoundingClientRect().bottom <= scroller.getBoundingClientRect().bottom + 1,
          focusInside: scroller.contains(document.activeElement)
        }
      })
    expect(await lastPanelPlace()).toEqual({ fullyShown: false, focusInside: false })

    // From the section's button in the sidebar, Tab moves on until focus lands in the scroller.
    let presses = 0
    while (presses < 15 && !(await lastPanelPlace()).focusInside) {
      await page.keyboard.press('Tab')
      presses++
    }
    expect((await lastPanelPlace()).focusInside).toBe(true)
    // Focus is on the named region that holds the figures (not on an unnamed scroller that only
    // some browsers make focusable by themselves).
    expect(
      await page.evaluate(() => {
        const focused = document.activeElement
        return `${focused?.getAttribute('role')}: ${focused?.getAttribute('aria-label')}`
      })
    ).toBe('region: Dashboard figures')
    const figures = page.getByRole('region', { name: 'Dashboard figures' })

    for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown')
    await expect.poll(async () => (await lastPanelPlace()).fullyShown).toBe(true)
    expect(await figures.evaluate((element) => element.scrollTop)).toBeGreaterThan(0)
    const bottom = await figures.evaluate((element) => element.scrollTop)
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => figures.evaluate((element) => element.scrollTop)).toBeLessThan(bottom)
  })
})
