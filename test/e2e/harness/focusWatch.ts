/**
 * Watches, from now on, for focus falling to the page itself (document.activeElement is <body>
 * or nothing) — where a keyboard or screen-reader user loses their place. Checked every few
 * milliseconds, so a disabled button dropping focus for a moment is caught too.
 *
 *   const focusOnBody = await watchFocusOnBody(page)
 *   …
 *   expect(await focusOnBody()).toEqual([])
 */
import type { Page } from 'playwright-core'

export async function watchFocusOnBody(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { focusOnBody: string[] }).focusOnBody = seen
    setInterval(() => {
      const active = document.activeElement
      if (active === null || active === document.body) seen.push(new Date().toISOString())
    }, 4)
  })
  return () =>
    page.evaluate(() => [...(window as unknown as { focusOnBody: string[] }).focusOnBody])
}
