/**
 * Runs in the app's page (bundled by run.ts): fills the demo workspace's real IndexedDB cache
 * and times what the user waits for — a raw read of the table, opening the Customers grid until
 * rows are painted, and (quickFilterProbe.ts) a keystroke in the quick search until the filtered
 * rows are painted.
 */
import { openWorkspaceCache } from '../../src/renderer/src/cache'
import type { CachedCustomer } from '../../src/renderer/src/cache'
import { stampWords } from '../../src/renderer/src/grid/query/tokens'

const WORKSPACE = 'demo'

export async function putCustomers(rows: CachedCustomer[]): Promise<number> {
  const cache = await openWorkspaceCache(WORKSPACE)
  try {
    // With their search words, as every write path of the app stores them (the paging grid's
    // quick search reads the word index).
    await cache.customers.bulkPut(stampWords('customers', rows))
    return await cache.customers.count()
  } finally {
    cache.close()
  }
}

/** A plain `toArray()` of the customers table, timed (connection opened beforehand). */
export async function rawReadMs(): Promise<{ ms: number; rows: number }> {
  const cache = await openWorkspaceCache(WORKSPACE)
  try {
    await cache.meta.count() // open the connection outside the timing
    const started = performance.now()
    const rows = await cache.customers.toArray()
    const ms = performance.now() - started
    return { ms, rows: rows.length }
  } finally {
    cache.close()
  }
}

function sectionButton(label: string): HTMLButtonElement {
  const nav = document.querySelector('nav[aria-label="Sections"]')
  const button = [...(nav?.querySelectorAll('button') ?? [])].find(
    (b) => b.textContent?.trim() === label
  )
  if (!button) throw new Error(`No "${label}" section button`)
  return button
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()))
}

/** A painted data row: a cell of the first rendered row with text in it. */
function paintedRow(gridLabel: string): boolean {
  const grid = document.querySelector(`[role="region"][aria-label="${gridLabel}"]`)
  const cell = grid?.querySelector('.ag-row [role="gridcell"]')
  return !!cell && (cell.textContent ?? '').trim().length > 0
}

/**
 * Switches to another section, then times Customers from the click until the first row is
 * painted with data (checked every animation frame, i.e. as the user would see it).
 */
export async function gridReadyMs(away = 'Plans', timeoutMs = 60_000): Promise<number> {
  sectionButton(away).click()
  const leaveBy = performance.now() + timeoutMs
  while (document.querySelector('[role="region"][aria-label="Customers table"]')) {
    if (performance.now() > leaveBy) throw new Error('Customers grid did not close')
    await nextFrame()
  }
  await nextFrame()
  const started = performance.now()
  sectionButton('Customers').click()
  while (!paintedRow('Customers table')) {
    if (performance.now() - started > timeoutMs) {
      const grid = document.querySelector('[role="region"][aria-label="Customers table"]')
      throw new Error(
        `Customers grid never painted: ${document.querySelector('.count')?.textContent} ${grid?.querySelector('.ag-row')?.outerHTML.slice(0, 400)}`
      )
    }
    await nextFrame()
  }
  return performance.now() - started
}

export {
  armKeystroke,
  keystrokeDone,
  prepareQuickFilterOracle,
  renderedCapacity
} from './quickFilterProbe'
