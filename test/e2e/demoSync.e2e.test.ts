/**
 * A new user explores the demo workspace: the sync fills the real IndexedDB in Chromium with
 * exactly the simulator's records, shows progress, and picks up where it left off when the
 * window reloads in the middle of it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { SyncStateRow } from '../../src/renderer/src/cache/syncState'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { demoBackedBy, exploreDemoAndWaitForSync } from './harness/demoBackend'
import { storedKeys as storedKeysIn, storedRows } from './harness/indexedDb'
import { launchApp, type LaunchedApp } from './harness/launchApp'
import { recordRequestsTo, type RequestRecorder } from './harness/requestRecorder'
import { resumeReports } from './harness/syncResume'

let app: LaunchedApp | undefined
let simulator: RunningSimulator | undefined
let recorder: RequestRecorder | undefined

afterEach(async () => {
  await app?.close()
  await recorder?.close()
  await simulator?.close()
  app = undefined
  recorder = undefined
  simulator = undefined
})

/** The demo backed by a simulator this test can see into (and slow down), every request recorded. */
async function demoWith(options: { customers: number; latencyMs: number }) {
  simulator = await startSimulator({
    apiKey: 'demo-e2e',
    data: { seed: 11, customers: options.customers },
    faults: { latencyMs: options.latencyMs }
  })
  recorder = await recordRequestsTo(simulator.url)
  return demoBackedBy({ url: recorder.url, apiKey: simulator.apiKey })
}

const syncState = (current: LaunchedApp): Promise<SyncStateRow[]> =>
  storedRows<SyncStateRow>(current, 'revdesk-demo', 'syncState')

/**
 * Waits until nothing moves: no request arrives or is answered and no checkpoint changes for
 * `steadyReads` reads in a row. With the simulator holding requests, that means every page
 * that did arrive has been committed.
 */
async function waitUntilSettled(current: LaunchedApp, steadyReads = 4, everyMs = 500) {
  const snapshot = async (): Promise<string> => {
    const requests = recorder!.requests
    const answered = requests.filter((r) => r.answeredAt !== undefined).length
    return JSON.stringify([requests.length, answered, await syncState(current)])
  }
  let previous = await snapshot()
  let steady = 0
  for (let reads = 0; steady < steadyReads; reads++) {
    if (reads > 60) throw new Error('the sync never settled with the network held')
    await new Promise((resolve) => setTimeout(resolve, everyMs))
    const next = await snapshot()
    steady = next === previous ? steady + 1 : 0
    previous = next
  }
}

/** Primary keys of a table of the demo workspace's cache. */
const storedKeys = (current: LaunchedApp, table: string): Promise<string[]> =>
  storedKeysIn(current, 'revdesk-demo', table)

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
    await page.getByRole('button', { name: 'Open ChartMogul demo' }).click()
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

    // Freeze the network and let the writer commit what arrived: the checkpoints read now are
    // exactly the ones the reloaded app finds.
    const release = simulator!.holdRequests()
    await waitUntilSettled(app)
    const checkpoints = await syncState(app)
    const before = (await storedKeys(app, 'activities')).length
    expect(before).toBeLessThan(simulator!.store.activities().length)

    const reloadedAt = recorder!.mark()
    await app.reload()
    release()
    await expect
      .poll(() => page.getByRole('contentinfo', { name: 'Status' }).textContent(), {
        timeout: 60_000
      })
      .toContain('Last synced')

    // It resumed: the run after the reload asked for no page the first run had committed, asked
    // again only for the page each unfinished partition had in flight, and picked up every
    // partition at its checkpoint cursor.
    const reports = resumeReports(checkpoints, recorder!.requests, reloadedAt)
    const activities = reports.find((r) => r.resource === 'activities')
    expect(activities?.committedPages, 'activities were mid-pass at the reload').toBeGreaterThan(0)
    for (const report of reports) {
      expect(report.refetchedAnswered, `${report.resource}: committed pages fetched again`).toEqual(
        []
      )
      expect(report.checkpointsNotResumed, `${report.resource}: checkpoints skipped`).toEqual([])
      expect(report.refetchedInFlight.length).toBeLessThanOrEqual(report.unfinishedPartitions)
    }
    const activityKeys = await storedKeys(app, 'activities')
    expect(new Set(activityKeys).size).toBe(activityKeys.length)
    await expectStoredExactly(app, 'activities')
    await expectStoredExactly(app, 'customers')
    await expectStoredExactly(app, 'opportunities')
    expect(simulator!.stats.status429).toBe(0)
  })
})
