/**
 * Runs in the app's page (bundled by run.ts): what the user waits for, timed where it happens —
 * from the input event (its own timestamp) to the frame after the expected UI is in the DOM
 * (i.e. painted) — and the raw-Dexie reference for the same data, measured in the same page.
 *
 * Everything is found by role and accessible name (rows are `role=row` holding `role=gridcell`,
 * ordered by `aria-rowindex`), never by AG Grid's classes, so the probe works the same over the
 * client-side row model and the infinite one, whose not-yet-loaded rows ("Loading…") do not count.
 */
import { openWorkspaceCache } from '../../src/renderer/src/cache'

const WORKSPACE = 'demo'

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()))
}

function region(label: string): Element | null {
  return document.querySelector(`[role="region"][aria-label="${label}"]`)
}

const LOADING = /^\s*loading/i

/** The grid's rendered data rows in display order, each as its cells' text. */
export function renderedRows(gridLabel: string): string[] {
  const grid = region(gridLabel)
  if (!grid) return []
  const byIndex = new Map<number, string>()
  for (const row of grid.querySelectorAll('[role="row"]')) {
    const cells = row.querySelectorAll('[role="gridcell"]')
    if (cells.length === 0) continue // a header row
    const index = Number(row.getAttribute('aria-rowindex'))
    const text = [...cells].map((c) => (c.textContent ?? '').trim()).join('\n')
    byIndex.set(index, (byIndex.get(index) ?? '') + text)
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text)
}

/** Rows with data in them (not empty, not a loading placeholder). */
function loadedRows(gridLabel: string): string[] {
  return renderedRows(gridLabel).filter((t) => t.trim() !== '' && !LOADING.test(t))
}

function sectionButton(label: string): HTMLButtonElement {
  const nav = document.querySelector('nav[aria-label="Sections"]')
  const button = [...(nav?.querySelectorAll('button') ?? [])].find(
    (b) => b.textContent?.trim() === label
  )
  if (!button) throw new Error(`No "${label}" section button`)
  return button
}

/** The "N of M noun" text in the open section (found by its text, as a reader would). */
export function countText(noun: string): string {
  const pattern = new RegExp(`^[\\d,]+ of [\\d,]+ ${noun}$`)
  for (const el of document.querySelectorAll('main *')) {
    const text = (el.textContent ?? '').trim()
    if (el.children.length === 0 && pattern.test(text)) return text
  }
  return ''
}

/**
 * Leaves for `away` (until `gridLabel` is gone), then times opening `section` until its grid
 * paints a first row with data. Null if it did not within `timeoutMs`.
 */
export async function openGridMs(
  section: string,
  gridLabel: string,
  away: string,
  timeoutMs: number
): Promise<number | null> {
  sectionButton(away).click()
  while (region(gridLabel)) await nextFrame()
  await nextFrame()
  const started = performance.now()
  sectionButton(section).click()
  while (loadedRows(gridLabel).length === 0) {
    if (performance.now() - started > timeoutMs) return null
    await nextFrame()
  }
  await nextFrame()
  return performance.now() - started
}

/** What counts as "done" after an input (see `arm`). */
export type Expectation =
  | {
      kind: 'rows'
      grid: string
      /** Every rendered row contains each of these (case-insensitive). */
      allContain?: string[]
      /** The first rows contain these, in order (e.g. names in sorted order). */
      firstContain?: string[]
      /** The count text reads exactly this (e.g. "12,345 of 1,000,000 customers"). */
      count?: { noun: string; text: string }
    }
  | { kind: 'dashboard' }
  | { kind: 'customer360' }

/**
 * `before`: the rows' text when armed; `redrawn`: the grid's rows were re-rendered since the
 * input. Equal text alone does not mean "not yet": "si" and "sil" can find the very same rows.
 */
function rowsDone(
  e: Extract<Expectation, { kind: 'rows' }>,
  before: string,
  redrawn: boolean
): boolean {
  const rows = loadedRows(e.grid)
  if (rows.length === 0 && !e.count) return false
  if (rows.join('\u0001') === before && !redrawn) return false
  if (e.allContain) {
    const words = e.allContain.map((w) => w.toLowerCase())
    if (!rows.every((r) => words.every((w) => r.toLowerCase().includes(w)))) return false
  }
  if (e.firstContain) {
    if (rows.length < e.firstContain.length) return false
    if (!e.firstContain.every((name, i) => rows[i]!.includes(name))) return false
  }
  if (e.count && countText(e.count.noun) !== e.count.text) return false
  return true
}

function dashboardDone(): boolean {
  return (
    !!document.querySelector('[role="group"][aria-label="Current MRR"]') &&
    !!document.querySelector('[role="img"][aria-label^="MRR movements per month"]')
  )
}

function customer360Done(): boolean {
  const dialog = document.querySelector('[role="dialog"][aria-label^="Customer"], dialog[open]')
  if (!dialog) return false
  return (
    !!dialog.querySelector('section[aria-label="Revenue"]') &&
    !!dialog.querySelector('#c360-timeline')
  )
}

let armed: Promise<number | null> | null = null

/**
 * Waits for the next `event` (keydown or click, captured on window) and resolves with the time
 * from its timestamp to the frame after `expected` holds; null after `timeoutMs`. Call before
 * the input, then `done()`.
 */
export function arm(event: 'keydown' | 'click', expected: Expectation, timeoutMs: number): void {
  if (armed) throw new Error('already armed')
  const before = expected.kind === 'rows' ? loadedRows(expected.grid).join('\u0001') : ''
  // Any change to the grid's rows after the input (AG Grid redraws them after a reload, through
  // "Loading…" placeholders), so a result equal to the last one still counts once redrawn.
  let inputSeen = false
  let redrawn = false
  const grid = expected.kind === 'rows' ? region(expected.grid) : null
  const inRow = (node: Node): boolean =>
    (node instanceof Element ? node : node.parentElement)?.closest('[role="row"]') != null ||
    (node instanceof Element && node.querySelector('[role="row"]') != null)
  const observer = new MutationObserver((records) => {
    if (inputSeen && records.some((record) => inRow(record.target))) redrawn = true
  })
  if (grid) observer.observe(grid, { childList: true, subtree: true, characterData: true })
  const check = (): boolean =>
    expected.kind === 'rows'
      ? rowsDone(expected, before, redrawn)
      : expected.kind === 'dashboard'
        ? dashboardDone()
        : customer360Done()
  armed = new Promise((resolve) => {
    const finish = (value: number | null): void => {
      observer.disconnect()
      resolve(value)
    }
    const onEvent = (e: Event): void => {
      inputSeen = true
      const now = performance.now()
      const start = e.timeStamp <= now && e.timeStamp > now - 5_000 ? e.timeStamp : now
      const tick = (): void => {
        if (check()) {
          requestAnimationFrame(() => finish(performance.now() - start))
        } else if (performance.now() - start > timeoutMs) {
          finish(null)
        } else {
          requestAnimationFrame(tick)
        }
      }
      requestAnimationFrame(tick)
    }
    window.addEventListener(event, onEvent, { capture: true, once: true })
  })
}

export async function done(): Promise<number | null> {
  if (!armed) throw new Error('nothing armed')
  try {
    return await armed
  } finally {
    armed = null
  }
}

/** Grid layouts are remembered per workspace; each round starts from the default one. */
export function forgetGridLayouts(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.includes('.demo.')) localStorage.removeItem(key)
  }
}

// ---- the raw-Dexie reference, in the same page ---------------------------------------------

export interface RawReference {
  /** Open a connection, read the 100 highest-MRR customers through the `mrrCents` index. */
  first100ByMrrMs: number
  /** Count the customers table. */
  countMs: number
  /** Count MRR above a bound through the index (what a column filter's "N of M" needs). */
  countRangeMs: number
  rows: number
}

export async function rawReference(mrrAboveCents: number): Promise<RawReference> {
  const cache = await openWorkspaceCache(WORKSPACE)
  try {
    await cache.meta.count() // the connection is opened outside the timing
    let t = performance.now()
    const first = await cache.customers.orderBy('mrrCents').reverse().limit(100).toArray()
    const first100ByMrrMs = performance.now() - t
    t = performance.now()
    const rows = await cache.customers.count()
    const countMs = performance.now() - t
    t = performance.now()
    await cache.customers.where('mrrCents').above(mrrAboveCents).count()
    const countRangeMs = performance.now() - t
    if (first.length !== Math.min(100, rows)) throw new Error('raw read came back short')
    return { first100ByMrrMs, countMs, countRangeMs, rows }
  } finally {
    cache.close()
  }
}

/** Names of the `n` highest-MRR customers (the expected order after sorting descending). */
export async function topNamesByMrr(n: number): Promise<string[]> {
  const cache = await openWorkspaceCache(WORKSPACE)
  try {
    const rows = await cache.customers.orderBy('mrrCents').reverse().limit(n).toArray()
    return rows.map((r) => r.name)
  } finally {
    cache.close()
  }
}

export async function countMrrAbove(cents: number): Promise<number> {
  const cache = await openWorkspaceCache(WORKSPACE)
  try {
    return await cache.customers.where('mrrCents').above(cents).count()
  } finally {
    cache.close()
  }
}
