/**
 * The one place that decides how a grid holds its rows: all in AG Grid's client-side model
 * (fast sorting and filtering in memory, fine up to tens of thousands of rows), or a page at a
 * time through the query layer (AG Grid's infinite model), where memory must not grow with the
 * account.
 */
import type { Table } from 'dexie'

export type RowModel = 'clientSide' | 'infinite'

export const INFINITE_FROM_ROWS = 50_000

export function chooseRowModel(rowCount: number, threshold = INFINITE_FROM_ROWS): RowModel {
  return rowCount >= threshold ? 'infinite' : 'clientSide'
}

/**
 * The model a cached table needs, without counting it: only "at least `threshold` rows?" matters,
 * and Chromium counts a million rows in about a second, before which the grid could not paint.
 * Reading at most `threshold` primary keys answers it in tens of milliseconds at any size.
 */
export async function rowModelOfTable(
  table: Pick<Table, 'limit'>,
  threshold = INFINITE_FROM_ROWS
): Promise<RowModel> {
  const keys = await table.limit(threshold).primaryKeys()
  return chooseRowModel(keys.length, threshold)
}
