/**
 * Pure value helpers for the grids' filters, quick search and export (no DOM, no AG Grid runtime),
 * so they are unit-tested in Node.
 */

/**
 * Money is cached as integer cents, but people think in major units: the number filter of a money
 * column compares **major units**, so typing 100 in "MRR ≥" means $100 (10,000 cents), and 99.5
 * means $99.50. Sorting still uses the exact cents.
 */
export function centsToMajorUnits(cents: unknown): number | null {
  return typeof cents === 'number' && Number.isFinite(cents) ? cents / 100 : null
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * The calendar day a cached date means, as a Date at local midnight (what AG Grid's date filter
 * compares against). Calendar dates (`YYYY-MM-DD`, e.g. a close date) keep their day; timestamps
 * (`…T…Z`) fall on the user's local day, the same day the grid displays.
 */
export function isoToLocalDay(value: unknown): Date | null {
  if (typeof value !== 'string' || value.length < 10) return null
  const dateOnly = DATE_ONLY.exec(value)
  if (dateOnly) {
    const [, y, m, d] = dateOnly
    const day = new Date(Number(y), Number(m) - 1, Number(d))
    return Number.isNaN(day.getTime()) ? null : day
  }
  const instant = new Date(value)
  if (Number.isNaN(instant.getTime())) return null
  return new Date(instant.getFullYear(), instant.getMonth(), instant.getDate())
}

/**
 * AG Grid's date-filter comparator: `filterDay` is the local midnight the user picked; the cell is
 * the cached ISO string (or a Date from `isoToLocalDay`). -1 = cell before, 1 = after, 0 = same
 * day. Missing or unreadable cells sort before every day, so "before" matches them and "equals",
 * "after" and ranges do not — AG Grid's own `includeBlanksIn*` options decide about blanks.
 */
export function compareCellDay(filterDay: Date, cell: unknown): number {
  const day = cell instanceof Date ? cell : isoToLocalDay(cell)
  if (!day || Number.isNaN(day.getTime())) return -1
  const wanted = new Date(
    filterDay.getFullYear(),
    filterDay.getMonth(),
    filterDay.getDate()
  ).getTime()
  const t = new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime()
  return t < wanted ? -1 : t > wanted ? 1 : 0
}

/** `customers-2026-03-30.csv`: the grid's resource and the user's local date. */
export function csvFileName(resource: string, now: Date = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${resource}-${y}-${m}-${d}.csv`
}

/** "12 of 300 customers" — rows shown after filters, of all rows in the grid. */
export function describeRowCount(shown: number, total: number, noun: string): string {
  return `${shown.toLocaleString()} of ${total.toLocaleString()} ${noun}`
}

/** Whether a keydown is the "find" shortcut (Ctrl+F, or ⌘F on macOS). */
export function isFindShortcut(event: {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey &&
    event.key.toLowerCase() === 'f'
  )
}
