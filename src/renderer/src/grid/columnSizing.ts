/**
 * Column widths that fit what the columns hold. Wide free-text columns (names, emails,
 * descriptions) have a `flex` and share the window; every other column (dates, statuses,
 * types, money, numbers) is "compact": sized to its header and its **rendered** cells with AG
 * Grid's autosize, which measures the DOM rows on screen (a few dozen), never the row data —
 * 100k rows cost the same as 100.
 *
 * Sizing only ever widens a column: a width the user chose (or a saved layout brought back)
 * stays unless the content needs more, so "Sep 10, 2024" or a header is never cut, and a
 * column does not jump narrower while the user scrolls or filters.
 */
import type { GridApi } from 'ag-grid-community'

/** Visible columns without flex: the ones sized to their content. */
export function compactColumnIds<Row>(api: GridApi<Row>): string[] {
  return api
    .getAllDisplayedColumns()
    .filter((column) => !column.getFlex())
    .map((column) => column.getColId())
}

/** Widens the given columns (default: every compact one) to their header and rendered cells. */
export function fitCompactColumns<Row>(api: GridApi<Row>, ids = compactColumnIds(api)): void {
  if (api.isDestroyed() || ids.length === 0) return
  const before = new Map(ids.map((id) => [id, api.getColumn(id)?.getActualWidth() ?? 0]))
  api.autoSizeColumns(ids, false)
  const wider = ids.flatMap((id) => {
    const was = before.get(id) ?? 0
    const now = api.getColumn(id)?.getActualWidth() ?? 0
    return was > now ? [{ key: id, newWidth: was }] : []
  })
  if (wider.length > 0) api.setColumnWidths(wider)
}

/**
 * Refits after the rows on screen may have changed (new rows, sort, filter), at most once per
 * `delayMs`: autosize reads layout, and a burst of sync pages should cost one read.
 */
export function debouncedFit<Row>(
  api: () => GridApi<Row> | undefined,
  delayMs = 250
): { schedule: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null
  return {
    schedule: () => {
      if (timer !== null) return
      timer = setTimeout(() => {
        timer = null
        const current = api()
        if (current && current.getDisplayedRowCount() > 0) fitCompactColumns(current)
      }, delayMs)
    },
    cancel: () => {
      if (timer !== null) clearTimeout(timer)
      timer = null
    }
  }
}
