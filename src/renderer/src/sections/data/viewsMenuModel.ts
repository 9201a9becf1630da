/**
 * What the views menu decides without a grid or a database: whether the grid still shows a
 * saved view, and how the menu names things. Column widths are left out of "the same view" on
 * purpose: flex columns change width with the window, and a view is about which columns, in
 * what order, sorted and filtered how.
 */
import type { GridState } from 'ag-grid-community'

/** The parts of a state that make a view what it is, in a form that compares as JSON. */
function essence(state: GridState): unknown {
  return {
    order: state.columnOrder?.orderedColIds ?? null,
    hidden: [...(state.columnVisibility?.hiddenColIds ?? [])].sort(),
    pinned: [state.columnPinning?.leftColIds ?? [], state.columnPinning?.rightColIds ?? []],
    sort: (state.sort?.sortModel ?? []).map(({ colId, sort }) => [colId, sort]),
    filter: sortedKeys(state.filter?.filterModel ?? {})
  }
}

/** Objects with their keys in order, so `{a, b}` and `{b, a}` compare equal. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])])
  )
}

/** Whether two grid states show the same view (columns, order, pinning, sort and filters). */
export function sameView(a: GridState, b: GridState): boolean {
  return JSON.stringify(essence(a)) === JSON.stringify(essence(b))
}

/** A view's name as the menu lists it; the default is marked in words, not only visually. */
export function viewItemLabel(view: { name: string; isDefault: boolean }): string {
  return view.isDefault ? `${view.name} (default)` : view.name
}
