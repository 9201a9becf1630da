/**
 * The grid's column definitions as query columns: the same filter value getters the client-side
 * model uses (so a filter means the same in both models), the stored field for sorting and
 * indexes. Money columns are marked with `integerScale` (see `moneyColumn`).
 */
import type { ColDef, ValueGetterParams } from 'ag-grid-community'
import type { FilterKind, QueryColumn, QueryRow } from './types'

const FILTER_KINDS: Record<string, FilterKind> = {
  agTextColumnFilter: 'text',
  agNumberColumnFilter: 'number',
  agDateColumnFilter: 'date'
}

// Column definitions whose number filter compares stored / scale (money in cents).
const scales = new WeakMap<object, number>()

/** Marks a money column: its filter compares `stored / scale`, its stored values integers. */
export function moneyColumn<T extends object>(colDef: T, scale = 100): T {
  scales.set(colDef, scale)
  return colDef
}

type Getter = (params: ValueGetterParams) => unknown

export function queryColumnOf<Row>(colDef: ColDef<Row>): QueryColumn | null {
  const field = colDef.field as string | undefined
  const colId = colDef.colId ?? field
  if (!colId) return null
  const getter = (colDef.filterValueGetter ?? colDef.valueGetter) as Getter | string | undefined
  // The columns' getters read only `params.data` (columns.ts): a row is all they need.
  const filterValue =
    typeof getter === 'function'
      ? (row: QueryRow) => getter({ data: row } as unknown as ValueGetterParams)
      : (row: QueryRow) => row[field ?? colId]
  const scale = scales.get(colDef)
  return {
    colId,
    field: field ?? colId,
    filter: typeof colDef.filter === 'string' ? (FILTER_KINDS[colDef.filter] ?? null) : null,
    filterValue,
    ...(scale ? { integerScale: scale } : {})
  }
}

export function queryColumnsOf<Row>(colDefs: readonly ColDef<Row>[]): QueryColumn[] {
  return colDefs.flatMap((colDef) => {
    const column = queryColumnOf(colDef)
    return column ? [column] : []
  })
}
