/**
 * What each CSV cell says. Cell text comes from ChartMogul (a customer can be called
 * `=HYPERLINK(…)`), and a spreadsheet runs a cell that starts like a formula. OWASP's rule for
 * CSV injection: a cell starting with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'`, which
 * spreadsheets read as "this is text" (AG Grid quotes every field and doubles embedded quotes).
 *
 * The decision is by column type, not by the shape of the text: a real number in a numeric
 * column (MRR −1,500) is exported as it is, while a text cell "-1+2" is still neutralised.
 */
import type { ProcessCellForExportParams } from 'ag-grid-community'

const FORMULA_START = /^[=+\-@\t\r]/

export function neutraliseCsvFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

export interface CsvCell {
  /** The cell's value (before formatting). */
  value: unknown
  /** The text the cell would be exported as. */
  text: string
  /** Whether the column holds numbers (`cellDataType: 'number'`). */
  numericColumn: boolean
}

export function csvCellText(cell: CsvCell): string {
  const realNumber = typeof cell.value === 'number' && Number.isFinite(cell.value)
  return cell.numericColumn && realNumber ? cell.text : neutraliseCsvFormula(cell.text)
}

/**
 * AG Grid's `processCellCallback` for CSV export. Once a callback is given, AG Grid no longer
 * applies the column's formatter itself, so this does what it would (honouring
 * `useValueFormatterForExport: false`, e.g. ISO dates), then neutralises the result.
 */
export function exportCellText(
  params: Pick<ProcessCellForExportParams, 'value' | 'column' | 'formatValue'>
): string {
  const def = params.column.getColDef()
  const value: unknown = params.value
  const shown: unknown =
    def.useValueFormatterForExport === false ? value : params.formatValue(value)
  const text = shown === null || shown === undefined ? '' : String(shown)
  return csvCellText({ value, text, numericColumn: def.cellDataType === 'number' })
}
