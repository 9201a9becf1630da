/**
 * A column as the CSV export sees it: its header and how a row becomes that column's cell
 * text. Built from the grid's own column definitions (value getter, formatter,
 * `useValueFormatterForExport`), so a streamed export says what the grid shows — and every cell
 * goes through `exportCellText`, which neutralises text a spreadsheet would run as a formula.
 * Works on plain rows (no AG Grid row nodes): the rows may come straight from the cache.
 */
import type { ColDef, Column, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community'
import { exportCellText } from '../csvCells'

export interface CsvColumn<Row> {
  header: string
  /** The cell's CSV text for `row` (before quoting). */
  text(row: Row): string
}

function fieldValue(row: unknown, field: string): unknown {
  let value: unknown = row
  // AG Grid reads `a.b` as a path unless told otherwise; the grid's fields are flat or paths.
  for (const part of field.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

/** The column's value for `row`, as AG Grid's value service would compute it. */
function valueOf<Row>(def: ColDef<Row>, row: Row, column: Column | null): unknown {
  if (typeof def.valueGetter === 'function') {
    const params = { data: row, colDef: def, column, node: null, getValue: () => undefined }
    return def.valueGetter(params as unknown as ValueGetterParams<Row>)
  }
  return def.field ? fieldValue(row, def.field) : undefined
}

/**
 * The column's display text for `value`, as AG Grid's formatValue would produce it: the
 * column's formatter, else its data type's (numbers: blank, "Invalid Number" or the digits),
 * and the value itself where a formatter gives nothing.
 */
function formatted<Row>(def: ColDef<Row>, row: Row, column: Column | null, value: unknown): string {
  let shown: unknown
  if (typeof def.valueFormatter === 'function') {
    const params = { value, data: row, colDef: def, column, node: null }
    shown = def.valueFormatter(params as unknown as ValueFormatterParams<Row>)
  } else if (def.cellDataType === 'number') {
    if (value === null || value === undefined) shown = ''
    else
      shown = typeof value === 'number' && !Number.isNaN(value) ? String(value) : 'Invalid Number'
  }
  shown ??= value
  return shown === null || shown === undefined ? '' : String(shown)
}

/**
 * One CSV column from a column definition. `column` (the grid's live column, when there is a
 * grid) is passed on to value getters and formatters that look at it.
 */
export function csvColumnFromDef<Row>(
  def: ColDef<Row>,
  header: string,
  column: Column | null = null
): CsvColumn<Row> {
  const described = { getColDef: () => def } as unknown as Column
  return {
    header,
    text: (row) =>
      exportCellText({
        value: valueOf(def, row, column),
        column: described,
        formatValue: (value: unknown) => formatted(def, row, column, value)
      })
  }
}
