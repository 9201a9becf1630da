/**
 * The "Add a workspace" form by keyboard: while a key is checked the user's place is kept (focus
 * never falls to <body>), a refused key puts focus on the API key field, marked invalid and
 * described by the announced error; "Advanced" is a real disclosure in the app's button style.
 */
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { expectAccessible } from './harness/axe'
import { watchFocusOnBody } from './harness/focusWatch'
import { launchApp, type LaunchedApp } from './harness/launchApp'

let app: LaunchedApp | undefined
let simulator: RunningSimulator | undefined
afterEach(async () => {
  await app?.close()
  await simulator?.close()
  app = undefined
  simulator = undefined
})

async function openAddForm(page: Page): Promise<Locator> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click()
  return page.getByRole('form', { name: 'Add a workspace' })
}

function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement)
}

describe('adding a workspace by keyboard', () => {
  it('keeps focus while the key is checked and, refused, focuses the key field described by the alert', async () => {
    // Slow answers, so the "checking" state lasts long enough to look at.
    simulator = await startSimulator({
      apiKey: 'cm-right-key-9876',
      data: { seed: 5, customers: 10 },
      faults: { latencyMs: 700 }
    })
    app = await launchApp()
    const { page } = app
    const form = await openAddForm(page)
    await form.getByLabel('Workspace name').fill('Acme')
    await form.getByRole('button', { name: 'Advanced' }).press('Enter')
    await form.getByLabel('API address').fill(simulator.url)
    const keyField = form.getByLabel('API key')
    await keyField.fill('cm-wrong-key-0000')
    const focusOnBody = await watchFocusOnBody(page)

    // 1. Enter in the key field submits.
    await keyField.press('Enter')
    const checking = form.getByRole('button', { name: 'Checking the key…' })
    await expect.poll(() => checking.count()).toBe(1)
    expect(await checking.getAttribute('aria-disabled')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY')
    const alert = form.getByRole('alert')
    await expect.poll(() => alert.textContent()).toContain('ChartMogul did not accept that API key')
    await expect.poll(() => isFocused(keyField)).toBe(true)
    expect(await keyField.getAttribute('aria-invalid')).toBe('true')
    const alertId = await alert.getAttribute('id')
    expect(alertId).toBeTruthy()
    expect((await keyField.getAttribute('aria-describedby'))?.split(' ')).toContain(alertId)
    expect(await focusOnBody()).toEqual([])
    await app.screenshot('forms-add-workspace-refused-key')
    await expectAccessible(page, 'add workspace with a refused key, light')
    await page.emulateMedia({ colorScheme: 'dark' })
    await expectAccessible(page, 'add workspace with a refused key, dark')

    // 2. Enter on the "Add workspace" button: the same, and a second press while busy is ignored.
    const submit = form.getByRole('button', { name: 'Add workspace' })
    await submit.press('Enter')
    await expect.poll(() => checking.count()).toBe(1)
    await page.keyboard.press('Enter')
    expect(await isFocused(checking)).toBe(true)
    await expect.poll(() => isFocused(keyField)).toBe(true)
    expect(await alert.textContent()).toContain('ChartMogul did not accept that API key')
    expect(await focusOnBody()).toEqual([])
    expect(await app.services.workspaces.list()).toEqual([])
  })

  it('focuses the field a local check refuses, without a request', async () => {
    app = await launchApp()
    const { page } = app
    const form = await openAddForm(page)
    const nameField = form.getByLabel('Workspace name')
    await form.getByLabel('API key').fill('cm-some-key')
    await form.getByRole('button', { name: 'Add workspace' }).press('Enter')
    const alert = form.getByRole('alert')
    await expect.poll(() => alert.textContent()).toContain('Give the workspace a name')
    expect(await isFocused(nameField)).toBe(true)
    expect(await nameField.getAttribute('aria-invalid')).toBe('true')
    expect((await nameField.getAttribute('aria-describedby'))?.split(' ')).toContain(
      await alert.getAttribute('id')
    )
  })

  it('"Advanced" is a disclosure in the app’s button style, with a visible focus ring', async () => {
    app = await launchApp()
    const { page } = app
    const form = await openAddForm(page)
    const toggle = form.getByRole('button', { name: 'Advanced' })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    const controls = await toggle.getAttribute('aria-controls')
    expect(controls).toBeTruthy()
    expect(await form.getByLabel('API address').count()).toBe(0)

    await form.getByLabel('API key').focus()
    await page.keyboard.press('Tab')
    expect(await isFocused(toggle)).toBe(true)
    const look = await toggle.evaluate((element) => {
      const probe = document.createElement('span')
      probe.style.color = 'var(--accent)'
      document.body.append(probe)
      const accent = getComputedStyle(probe).color
      probe.remove()
      const style = getComputedStyle(element)
      return {
        focusVisible: element.matches(':focus-visible'),
        outlineStyle: style.outlineStyle,
        outlineColor: style.outlineColor,
        color: style.color,
        accent,
        fontSize: style.fontSize,
        formFontSize: getComputedStyle(element.closest('form')!).fontSize
      }
    })
    expect(look.focusVisible).toBe(true)
    expect(look.outlineStyle).toBe('solid')
    expect(look.outlineColor).toBe(look.accent)
    expect(look.color).toBe(look.accent)
    expect(look.fontSize).toBe(look.formFontSize)

    await page.keyboard.press('Space')
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    const region = page.locator(`#${controls}`)
    expect(await region.getByLabel('API address').count()).toBe(1)
    await app.screenshot('forms-add-workspace-advanced')
    await expectAccessible(page, 'add workspace, Advanced expanded, light')
    await page.emulateMedia({ colorScheme: 'dark' })
    await expectAccessible(page, 'add workspace, Advanced expanded, dark')

    await page.keyboard.press('Enter')
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    expect(await form.getByLabel('API address').count()).toBe(0)
  })

  it('keeps the demo choices in Settings apart, as two separate links', async () => {
    app = await launchApp()
    const { page } = app
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
      .click()
    const chartmogul = page.getByRole('button', { name: 'Open ChartMogul demo' })
    const monaco = page.getByRole('button', { name: 'Open Monaco demo' })
    const [left, right] = [await chartmogul.boundingBox(), await monaco.boundingBox()]
    if (!left || !right) throw new Error('a demo choice is not shown')
    // On one line, at least a word's space between them (they read "demoOpen" run together).
    const sameLine = Math.abs(left.y - right.y) < left.height / 2
    if (sameLine) expect(right.x - (left.x + left.width)).toBeGreaterThanOrEqual(8)
    else expect(right.y).toBeGreaterThanOrEqual(left.y + left.height)
  })
})
