/**
 * The harness cleans up after itself: a demo simulator the page started through main's services
 * (the Monaco demo is started on first use, like the app does) stops listening when the test's
 * app is closed, so no test leaves a server behind for the rest of the run.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type LaunchedApp } from './harness/launchApp'

let app: LaunchedApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** Whether anything answers HTTP at `url` (any status counts; a refused connection does not). */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(5_000) })
    return true
  } catch {
    return false
  }
}

describe('the e2e harness', () => {
  it('closes the Monaco demo simulator the page started', async () => {
    app = await launchApp()
    await app.page.getByRole('button', { name: 'Open Monaco demo' }).click()
    await expect.poll(() => app?.page.getByRole('combobox', { name: 'Workspace' }).count()).toBe(1)
    // The running demo the page's workspace talks to (started by the click, not by this call).
    const { url } = await app.services.demos.monaco.ensure()
    expect(await answers(url)).toBe(true)

    await app.close()
    app = undefined
    expect(await answers(url)).toBe(false)
  })
})
