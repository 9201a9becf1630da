/**
 * The app's self-update as a person meets it: the status bar shows the download, then a
 * "Restart to update" button (named with the version) that works from the keyboard; while the
 * outbox is sending, the restart waits and says so. Main's real update controller runs in this
 * process with a scripted updater in place of electron-updater (nothing is downloaded).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createUpdateController } from '../../src/main/updates/updateController'
import { WILL_RESTART } from '../../src/renderer/src/shell/updateStatusView'
import { fakeEngine, manualClock, type FakeEngine } from '../unit/updates/fakeEngine'
import { expectAccessible } from './harness/axe'
import { launchApp, type LaunchedApp } from './harness/launchApp'

let app: LaunchedApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function launchWithUpdater(colorScheme: 'light' | 'dark') {
  const engine = fakeEngine()
  const busyReports: boolean[] = []
  const controller = createUpdateController({
    feed: { kind: 'generic', url: 'https://updates.example.test/revdesk' },
    loadEngine: async () => engine,
    timers: manualClock()
  })
  const setOutboxBusy = controller.setOutboxBusy
  controller.setOutboxBusy = (busy) => {
    busyReports.push(busy)
    setOutboxBusy(busy)
  }
  app = await launchApp({ colorScheme, updates: controller })
  return { page: app.page, engine, controller, busyReports }
}

/** The feed has 0.2.0: it downloads (42 % shown), then is ready. */
async function downloadUpdate(page: Page, engine: FakeEngine, check: () => Promise<unknown>) {
  engine.onCheck = (self) => {
    self.emit({ type: 'checking' })
    self.emit({ type: 'available', version: '0.2.0' })
    self.emit({ type: 'progress', percent: 42.4 })
    return 'checked'
  }
  await check()
  const statusBar = page.getByRole('contentinfo', { name: 'Status' })
  await expect.poll(() => statusBar.textContent()).toContain('Downloading update… 42 %')
  // Not a live region: the percentage is not read out as it changes.
  expect(await page.getByRole('status').filter({ hasText: 'Downloading' }).count()).toBe(0)
  engine.emit({ type: 'downloaded', version: '0.2.0' })
  const restart = page.getByRole('button', { name: 'Restart to update to 0.2.0' })
  await expect.poll(() => restart.isVisible()).toBe(true)
  await expect
    .poll(() => page.getByRole('status', { name: 'Update announcements' }).textContent())
    .toContain('Revdesk 0.2.0 is ready')
  return restart
}

describe('updates in the status bar', () => {
  it('offers "Restart to update" when an update is downloaded; Enter restarts at once when nothing is being sent', async () => {
    const { page, engine, controller, busyReports } = await launchWithUpdater('light')
    // The page tells main whether its outbox is pushing (nothing open: it is not).
    await expect.poll(() => busyReports).toEqual([false])
    const restart = await downloadUpdate(page, engine, () => controller.checkNow())
    await expectAccessible(page, 'update ready to install, light')

    await restart.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => engine.installs).toBe(1)
    expect(app!.consoleErrors).toEqual([])
  })

  it('while the outbox is sending, the restart waits, says so, keeps focus, and happens when the push ends', async () => {
    const { page, engine, controller } = await launchWithUpdater('dark')
    const restart = await downloadUpdate(page, engine, () => controller.checkNow())
    await expectAccessible(page, 'update ready to install, dark')

    // The outbox starts pushing (as the page reports it), then the user presses Restart.
    controller.setOutboxBusy(true)
    await restart.focus()
    await page.keyboard.press('Space')
    const held = page.getByRole('button', { name: WILL_RESTART })
    await expect.poll(() => held.isVisible()).toBe(true)
    expect(await held.getAttribute('aria-disabled')).toBe('true')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe(WILL_RESTART)
    await expect
      .poll(() => page.getByRole('status', { name: 'Update announcements' }).textContent())
      .toContain(WILL_RESTART)
    await page.keyboard.press('Enter')
    expect(engine.installs).toBe(0)
    await expectAccessible(page, 'restart held while the outbox sends, dark')

    controller.setOutboxBusy(false)
    expect(engine.installs).toBe(1)
    expect(app!.consoleErrors).toEqual([])
  })
})
