/**
 * Runs in the app's page (bundled with pageHelper.ts): times a keystroke in "Search customers"
 * until the Customers grid's rendered rows show the filtered result — what the user waits for —
 * not merely until the "N of M" text changes (which AG Grid updates before it paints rows).
 *
 * The expected rows come from an oracle built from the same cache read as the grid (the
 * customers table in key order, the grid's order when unsorted), matching the way the row model
 * the grid uses at this size searches (grid/query/rowModel.ts): in the client-side model AG
 * Grid's quick filter joins each visible column's quick-filter text (its `getQuickFilterText`,
 * else the value), upper-cased, and keeps rows containing every word; in the paging model every
 * searched word must begin one of the row's search words (grid/query/tokens.ts).
 * The run checks the "N of M" count against the oracle, so an oracle that drifted from the grid
 * fails the benchmark instead of timing the wrong thing.
 */
import type { ColDef, GetQuickFilterTextParams } from 'ag-grid-community'
import { openWorkspaceCache } from '../../src/renderer/src/cache'
import { chooseRowModel } from '../../src/renderer/src/grid/query/rowModel'
import { rowWords, searchWords } from '../../src/renderer/src/grid/query/tokens'
import { GRID_COLUMNS } from '../../src/renderer/src/sections/data/columns'

const GRID_LABEL = 'Customers table'

interface Oracle {
  names: string[]
  /** Client-side model: each row's quick-filter text. */
  haystacks: string[]
  /** Paging model: each row's search words (null while the grid is client-side). */
  words: string[][] | null
}
let oracle: Oracle | null = null

function quickText(column: ColDef<{ uuid: string }>, row: Record<string, unknown>): string {
  const value = column.field ? row[column.field] : undefined
  const text = column.getQuickFilterText
    ? column.getQuickFilterText({
        value,
        data: row,
        colDef: column
      } as unknown as GetQuickFilterTextParams<{ uuid: string }>)
    : value
  return text === null || text === undefined ? '' : String(text).toUpperCase()
}

/** Reads the customers once and builds each row's quick-filter text (outside any timing). */
export async function prepareQuickFilterOracle(workspace = 'demo'): Promise<number> {
  const cache = await openWorkspaceCache(workspace)
  try {
    const rows = (await cache.customers.toArray()) as unknown as Record<string, unknown>[]
    const visible = GRID_COLUMNS.customers.filter((c) => !c.hide)
    const paging = chooseRowModel(rows.length) === 'infinite'
    oracle = {
      names: rows.map((r) => String(r['name'] ?? '')),
      haystacks: rows.map((r) => visible.map((c) => quickText(c, r)).join('\n')),
      words: paging ? rows.map((r) => rowWords('customers', r)) : null
    }
    return rows.length
  } finally {
    cache.close()
  }
}

export interface Expected {
  query: string
  count: number
  /** Names of the first rows the grid should render, in order. */
  firstNames: string[]
}

export function expectedRows(query: string, limit: number): Expected {
  if (!oracle) throw new Error('prepareQuickFilterOracle() first')
  const words = query.trim().toUpperCase().split(' ').filter(Boolean)
  const searched = searchWords(query)
  const rowWordsOf = oracle.words
  const matches = (i: number): boolean =>
    rowWordsOf
      ? searched.every((w) => rowWordsOf[i]!.some((word) => word.startsWith(w)))
      : words.every((w) => oracle!.haystacks[i]!.includes(w))
  let count = 0
  const firstNames: string[] = []
  oracle.haystacks.forEach((_, i) => {
    if (matches(i)) {
      count++
      if (firstNames.length < limit) firstNames.push(oracle!.names[i]!)
    }
  })
  return { query, count, firstNames }
}

/** The grid's rendered data rows (role=row holding gridcells), in display order, with their text. */
export function renderedRows(): string[] {
  const grid = document.querySelector(`[role="region"][aria-label="${GRID_LABEL}"]`)
  if (!grid) return []
  const byIndex = new Map<number, string>()
  for (const row of grid.querySelectorAll('[role="row"]')) {
    const cells = row.querySelectorAll('[role="gridcell"]')
    if (cells.length === 0) continue // a header row
    const index = Number(row.getAttribute('aria-rowindex'))
    const text = [...cells].map((c) => c.textContent ?? '').join('\n')
    byIndex.set(index, (byIndex.get(index) ?? '') + text)
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text)
}

/** How many data rows the grid renders when it has more rows than fit (viewport + buffer). */
export function renderedCapacity(): number {
  return renderedRows().length
}

function showsExpected(expected: Expected, capacity: number): boolean {
  const rows = renderedRows()
  const want = Math.min(expected.count, capacity)
  if (rows.length !== want) return false
  for (let i = 0; i < want; i++) {
    const name = expected.firstNames[i]!
    if (name !== '' && !rows[i]!.includes(name)) return false
  }
  return true
}

interface Armed {
  done: Promise<KeystrokeTiming>
}
let armed: Armed | null = null

/** How long to keep watching for the count text after the rows were painted. */
const COUNT_SETTLE_MS = 2_000
const COUNT_TEXT = /^[\d,]+ of [\d,]+ customers$/

/** The "N of M customers" element (found by its text, as a reader would). */
function countElement(): Element | null {
  for (const el of document.querySelectorAll('main *')) {
    if (el.children.length === 0 && COUNT_TEXT.test((el.textContent ?? '').trim())) return el
  }
  return null
}

export interface KeystrokeTiming {
  query: string
  expectedCount: number
  /** Keydown (the event's own timestamp) → the frame after the rows matched (painted). */
  ms: number
  /**
   * Keydown → the "N of M" text changed (what this benchmark used to stop at), for comparison;
   * it can come before or after the rows. Null if it did not change within 2 s of the rows.
   */
  countMs: number | null
  /** Animation frames polled until the rows matched. */
  frames: number
}

/**
 * Computes the rows `query` should show (before the key, so the oracle costs nothing inside the
 * timing) and waits for the next keydown. Call `keystrokeDone()` after pressing the key.
 */
export function armKeystroke(query: string, capacity: number, timeoutMs = 30_000): number {
  if (armed) throw new Error('a keystroke is already armed')
  const expected = expectedRows(query, capacity)
  // Rows that already look filtered would "match" before the grid did anything.
  if (showsExpected(expected, capacity)) {
    throw new Error(`the grid already shows the rows for "${query}": pick a key that changes them`)
  }
  let resolveDone!: (t: KeystrokeTiming) => void
  let rejectDone!: (e: Error) => void
  const done = new Promise<KeystrokeTiming>((res, rej) => {
    resolveDone = res
    rejectDone = rej
  })
  const onKeyDown = (event: KeyboardEvent) => {
    const now = performance.now()
    // The event's timestamp is when the input arrived; a busy page handles it later, which the
    // user feels too. Fall back to now if the timestamp is on another clock.
    const start =
      Number.isFinite(event.timeStamp) && event.timeStamp <= now && event.timeStamp > now - 5_000
        ? event.timeStamp
        : now
    let frames = 0
    let countMs: number | null = null
    // Watch the count's surroundings (the section header, small), not the element itself:
    // Svelte may replace the text node or the element.
    const header = countElement()?.parentElement?.parentElement ?? null
    const countText = () => header?.textContent?.match(/[\d,]+ of [\d,]+ customers/)?.[0] ?? ''
    const countBefore = countText()
    const observer = new MutationObserver(() => {
      if (countMs === null && countText() !== countBefore) countMs = performance.now() - start
    })
    if (header) {
      observer.observe(header, { childList: true, characterData: true, subtree: true })
    }
    const tick = () => {
      frames++
      if (showsExpected(expected, capacity)) {
        // The rows are in the DOM for this frame; the next frame's callback runs after it painted.
        requestAnimationFrame(() => {
          const ms = performance.now() - start
          // The count can change after the rows (seen): keep watching it a little, outside the timing.
          const settleBy = performance.now() + COUNT_SETTLE_MS
          const finish = () => {
            if (countMs === null && performance.now() < settleBy) {
              setTimeout(finish, 10)
              return
            }
            observer.disconnect()
            resolveDone({ query, expectedCount: expected.count, ms, countMs, frames })
          }
          finish()
        })
      } else if (performance.now() - start > timeoutMs) {
        observer.disconnect()
        const shown = renderedRows()
          .slice(0, 3)
          .map((t) => t.split('\n')[0])
        rejectDone(
          new Error(
            `rows for "${query}" never showed: expected ${expected.count} (first ${JSON.stringify(expected.firstNames.slice(0, 3))}), rendered ${renderedRows().length} (first ${JSON.stringify(shown)})`
          )
        )
      } else {
        requestAnimationFrame(tick)
      }
    }
    requestAnimationFrame(tick)
  }
  window.addEventListener('keydown', onKeyDown, { capture: true, once: true })
  armed = { done }
  return expected.count
}

export async function keystrokeDone(): Promise<KeystrokeTiming> {
  if (!armed) throw new Error('no keystroke armed')
  try {
    return await armed.done
  } finally {
    armed = null
  }
}
