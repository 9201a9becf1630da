/**
 * An automated WCAG 2.2 AA audit of what the page shows right now, with axe-core (the engine
 * behind most accessibility checkers). axe's source is evaluated through the DevTools protocol,
 * which the page's Content-Security-Policy does not govern, so the CSP under test stays as the
 * app ships it.
 *
 *   await expectAccessible(app.page, 'customers grid, dark')
 *
 * fails on any serious or critical violation and names each rule, its help text and the
 * offending elements, so the failure says what to fix.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import type { AxeResults, ImpactValue, Result } from 'axe-core'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** The WCAG levels audited: A and AA of 2.0, 2.1 and 2.2 (axe's tags). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

const BLOCKING: readonly ImpactValue[] = ['serious', 'critical']

export interface AuditOptions {
  /** CSS selectors of parts not to audit (e.g. a third-party canvas); use sparingly, say why. */
  exclude?: string[]
}

/** Runs axe on the page and returns every serious or critical violation. */
export async function auditPage(page: Page, options: AuditOptions = {}): Promise<Result[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object')
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;undefined`)
  const results = (await page.evaluate(
    async ({ tags, exclude }) => {
      const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
        .axe
      const context = exclude.length > 0 ? { exclude: exclude.map((s) => [s]) } : document
      return axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations']
      })
    },
    { tags: WCAG_TAGS, exclude: options.exclude ?? [] }
  )) as AxeResults
  return results.violations.filter((violation) => BLOCKING.includes(violation.impact ?? 'minor'))
}

/** One line per violation and node: rule, impact, help and where. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}): ${violation.help} — ${node.target.join(' ')}` +
          (node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : '')
      )
    )
    .join('\n')
}

/** Fails, naming every serious or critical WCAG violation, when the page has any. */
export async function expectAccessible(
  page: Page,
  where: string,
  options: AuditOptions = {}
): Promise<void> {
  const violations = await auditPage(page, options)
  if (violations.length > 0) {
    throw new Error(`Accessibility violations in ${where}:\n${describeViolations(violations)}`)
  }
}
