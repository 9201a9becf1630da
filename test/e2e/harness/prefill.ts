/**
 * Prefills a workspace's cache inside the launched app's page, through the sync's own write
 * path (prefillPage.ts), with deterministic generated rows (prefillRows.ts): 1M customers and
 * 2M activities in a few minutes, with no HTTP and no rows crossing the test's socket.
 *
 *   const app = await launchApp({ demo })
 *   await page.evaluate(() => window.revdesk.openDemoWorkspace(undefined))
 *   await prefillCache(app.page, { workspace: 'demo', seed: 1, customers: 1_000_000, … })
 *
 * The rows live in the page's origin: a prefilled profile is reused by reloading the page, or by
 * launching again with the same `userDataDir` and `port` (see launchApp) — check with
 * `cachedCounts` first.
 */
import { resolve } from 'node:path'
import type { ConsoleMessage, Page } from 'playwright-core'
import { bundleForBrowser } from '../../../bench/sync/bundleForBrowser'
import type * as PrefillApi from './prefillPage'
import type * as PrefillRows from './prefillRows'

const GLOBAL = 'RevdeskPrefill'
let bundled: Promise<string> | null = null

/** The page-side script (bundled once per process; vite takes a few seconds). */
export function prefillScript(): Promise<string> {
  bundled ??= bundleForBrowser(resolve(import.meta.dirname, 'prefillPage.ts'), GLOBAL)
  return bundled
}

/** Rows per table in the workspace's cache (e.g. to skip a prefill a reused profile already has). */
export async function cachedCounts(
  page: Page,
  workspace: string
): Promise<PrefillRows.PrefillCounts> {
  await page.evaluate(await prefillScript())
  return page.evaluate(
    ([name, w]) => (window as unknown as Record<string, typeof PrefillApi>)[name]!.cachedCounts(w),
    [GLOBAL, workspace] as const
  )
}

export async function prefillCache(
  page: Page,
  spec: PrefillApi.PrefillSpec,
  onProgress: (line: string) => void = () => undefined
): Promise<PrefillApi.PrefillReport[]> {
  await page.evaluate(await prefillScript())
  const listen = (message: ConsoleMessage): void => {
    const text = message.text()
    if (text.startsWith('[prefill]')) onProgress(text)
  }
  page.on('console', listen)
  try {
    return await page.evaluate(
      ([name, s]) =>
        (window as unknown as Record<string, typeof PrefillApi>)[name]!.prefillWorkspace(s),
      [GLOBAL, spec] as const
    )
  } finally {
    page.off('console', listen)
  }
}
