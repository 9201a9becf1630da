/**
 * The one place that decides how a grid holds its rows: all in AG Grid's client-side model
 * (fast sorting and filtering in memory, fine up to tens of thousands of rows), or a page at a
 * time through the query layer (AG Grid's infinite model), where memory must not grow with the
 * account.
 */
export type RowModel = 'clientSide' | 'infinite'

export const INFINITE_FROM_ROWS = 50_000

export function chooseRowModel(rowCount: number, threshold = INFINITE_FROM_ROWS): RowModel {
  return rowCount >= threshold ? 'infinite' : 'clientSide'
}
