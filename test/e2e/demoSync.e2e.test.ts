/**
 * A new user explores the demo workspace: the sync fills the real IndexedDB in Chromium with
 * exactly the simulator's records, shows progress, and picks up where it left off when the
 * window reloads in the middle of it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { demoBackedBy, exploreDemoAndWaitForSync } from './harness/demoBackend'
import { launchApp, type LaunchedApp } from './harness/launchApp'

let app: LaunchedApp | undefined
let simulator: RunningSimulator | undefined

afterEach(async () => {
  await app?.close()
  await simulator?.close()
  app = undefined
  simulator = undefined
})

/** The demo backed by a simulator this test can see into (and slow down). */
async function demoWith(options: { customers: number; latencyMs: number }) {
  simulator = await startSimulator({
    apiKey: 'demo-e2e',
    data: { seed: 11, customers: options.customers },
    faults: { latencyMs: options.latencyMs }
  })
  const running = simulator
  return demoBackedBy(running)
}

/** Reads a table straight from IndexedDB, not through the app. */
function storedKeys(current: LaunchedApp, table: string): Promise<string[]> {
  return current.page.evaluate(
    (name) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('revdesk-demo')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains(name)) {
            db.close()
            resolve([])
            return
          }
          const request = db.transaction(name).objectStore(name).getAllKeys()
          request.onsuccess = () => {
            db.close()
            resolve(request.result as string[])
          }
          request.onerror = () => reject(request.error)
        }
      }),
    table
  )
}

/** The table in IndexedDB holds exactly the simulator's records of that resource, by uuid. */
async function expectStoredExactly(
  current: LaunchedApp,
  table: 'customers' | 'plans' | 'activities' | 'opportunities'
): Promise<void> {
  const expected = (simulator!.store[table]() as { uuid: string }[]).map((r) => r.uuid).sort()
  expect((await storedKeys(current, table)).sort()).toEqual(expected)
}

describe('demo workspace sync', () => {
  it('fills IndexedDB with exactly the demo data and shows it in the grids', async () => {
    const demo = await demoWith({ customers: 300, latencyMs: 20 })
    app = await launchApp({ demo })
    const { page } = app
    await exploreDemoAndWaitForSync(app)
    await expectStoredExactly(app, 'customers')
    await expectStoredExactly(app, 'plans')
    await expectStoredExactly(app, 'activities')
    await expectStoredExactly(app, 'opportunities')
    await expect.poll(() => page.getByText('300 customers').isVisible()).toBe(true)
    await app.screenshot('demo-customers')
    expect(simulator!.stats.status429).toBe(0)
  })

  it('resumes after the window reloads mid-sync, ending with every record exactly once', async () => {
    const demo = await demoWith({ customers: 2000, latencyMs: 120 })
    app = await launchApp({ demo })
    const { page } = app
    await page.getByRole('button', { name: 'Explore demo data' }).click()
    await expect
      .poll(() => page.getByRole('contentinfo', { name: 'Status' }).textContent())
      .toContain('Syncing')
    // Per-resource progress bars while it runs.
    await expect
      .poll(() => page.getByRole('progressbar', { name: 'Syncing activities' }).isVisible())
      .toBe(true)
    await app.screenshot('demo-syncing')
    await expect
      .poll(async () => (await storedKeys(app!, 'activities')).length, { timeout: 30_000 })
      .toBeGreaterThan(0)
    const before = (await storedKeys(app, 'activities')).length
    expect(before).toBeLessThan(simulator!.store.activities().length)

    await app.reload()
    await expect
      .poll(() => page.getByRole('contentinfo', { name: 'Status' }).textContent(), {
        timeout: 60_000
      })
      .toContain('Last synced')
    const activities = await storedKeys(app, 'activities')
    expect(new Set(activities).size).toBe(activities.length)
    await expectStoredExactly(app, 'activities')
    await expectStoredExactly(app, 'customers')
    await expectStoredExactly(app, 'opportunities')
    expect(simulator!.stats.status429).toBe(0)
  })
})
