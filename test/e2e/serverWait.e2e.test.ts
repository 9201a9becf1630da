/**
 * ChartMogul answers the first sync with 429 and `Retry-After: 3600`. The status bar says so —
 * "ChartMogul asked us to wait until HH:MM", with when Revdesk will really try again (at most a
 * minute later) — instead of "Syncing" over a silent hour, and Cancel stops the sync at once.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { demoBackedBy } from './harness/demoBackend'
import { launchApp, type LaunchedApp } from './harness/launchApp'

let app: LaunchedApp | undefined
let simulator: RunningSimulator | undefined

afterEach(async () => {
  await app?.close()
  await simulator?.close()
  app = undefined
  simulator = undefined
})

const hhmm = (ms: number): string =>
  new Date(ms).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  })

describe('a server that asks for an hour’s pause', () => {
  it('shows the wait in the status bar, and Cancel stops the sync', async () => {
    simulator = await startSimulator({
      apiKey: 'wait-e2e',
      data: { seed: 5, customers: 40 },
      faults: { rate429: 1, retryAfter: '3600', match: { pathPrefix: '/v1/customers' } }
    })
    app = await launchApp({ demo: demoBackedBy(simulator) })
    const { page } = app
    const status = page.getByRole('contentinfo', { name: 'Status' })

    const before = Date.now()
    await page.getByRole('button', { name: 'Open ChartMogul demo' }).click()
    const message = status.getByText(/ChartMogul asked us to wait until \d\d:\d\d/)
    await expect.poll(() => message.count(), { timeout: 15_000 }).toBe(1)
    const text = (await message.textContent()) ?? ''
    // The server asked for an hour; Revdesk tries again within a minute, and says both.
    const asked = [hhmm(before + 3_600_000), hhmm(Date.now() + 3_600_000)]
    const retry = [hhmm(before + 60_000), hhmm(Date.now() + 60_000)]
    expect(asked.some((t) => text.includes(`wait until ${t}`))).toBe(true)
    expect(retry.some((t) => text.includes(`try again at ${t}`))).toBe(true)
    await app.screenshot('server-wait')
    // The first sync's customer requests go out together (probe and counts), so those already on
    // the wire when the first 429 came back got one too; from then on nothing more is sent.
    const limited = simulator.stats.faults.status429
    expect(limited).toBeGreaterThanOrEqual(1)

    await status.getByRole('button', { name: 'Cancel sync' }).click()
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toContain('Sync cancelled')
    expect(await status.textContent()).not.toContain('Syncing')
    expect(await message.count()).toBe(0)
    // Nothing was sent while Revdesk waited: every customer request still gets a 429 here, so
    // one more would show in the count.
    expect(simulator.stats.faults.status429).toBe(limited)
    expect(await status.getByRole('button', { name: 'Sync now' }).isEnabled()).toBe(true)
  })
})
