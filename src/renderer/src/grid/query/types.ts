/**
 * What a grid asks of the cache: its sort, its column filters (AG Grid's filter model) and its
 * quick search. The query layer answers it from Dexie indexes, a page at a time.
 */

export interface SortKey {
  colId: string
  dir: 'asc' | 'desc'
}

/** One condition of AG Grid's text, number or date filter (the types columns.ts uses). */
export interface FilterCondition {
  filterType?: string
  type?: string | null
  filter?: string | number | null
  filterTo?: string | number | null
  dateFrom?: string | null
  dateTo?: string | null
}

/** A column's filter: one condition, or two joined by AND/OR (AG Grid's combined model). */
export type ColumnFilter =
  FilterCondition | { filterType?: string; operator: 'AND' | 'OR'; conditions: FilterCondition[] }

export type FilterModel = Record<string, ColumnFilter>

export interface GridQuery {
  sort: readonly SortKey[]
  filters: FilterModel
  quickSearch: string
}

export const EMPTY_QUERY: GridQuery = { sort: [], filters: {}, quickSearch: '' }

export type FilterKind = 'text' | 'number' | 'date'

/**
 * A grid column as the query layer sees it: where its value is stored (`field`, what sort uses
 * and what an index holds), what its filter compares (`filterValue`, e.g. major units for money)
 * and which filter it has.
 */
export interface QueryColumn {
  colId: string
  field: string
  filter: FilterKind | null
  filterValue: (row: Record<string, unknown>) => unknown
  /**
   * Money: the filter compares `stored / scale` and stored values are integers, so a number
   * filter becomes an exact integer range on the stored value's index.
   */
  integerScale?: number
}

/** Rows as read from a table: loose records keyed by their primary key field. */
export type QueryRow = Record<string, unknown>
