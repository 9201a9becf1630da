/**
 * End-to-end tests that need an account they can see into (and slow down, or break) serve a
 * simulator of their own as the app's demo workspace, then explore it like a new user.
 */
import { expect } from 'vitest'
import { createDemoRuntime } from '../../../src/main/features/workspaces/demoRuntime'
import type { DemoRuntime } from '../../../src/main/features/workspaces/gatewayPool'
import type { RunningSimulator } from '../../../src/main/simulator'
import type { LaunchedApp } from './launchApp'

/** The demo workspace, answered by `simulator` (which the test closes itself). */
export function demoBackedBy(simulator: Pick<RunningSimulator, 'url' | 'apiKey'>): DemoRuntime {
  return createDemoRuntime(async () => ({
    url: simulator.url,
    apiKey: simulator.apiKey,
    close: async () => {}
  }))
}

/** Clicks "Open ChartMogul demo" and waits until the first sync has finished. */
export async function exploreDemoAndWaitForSync(app: LaunchedApp, timeout = 30_000): Promise<void> {
  await app.page.getByRole('button', { name: 'Open ChartMogul demo' }).click()
  await expect
    .poll(() => app.page.getByRole('contentinfo', { name: 'Status' }).textContent(), { timeout })
    .toContain('Last synced')
}
