/**
 * What an export of a grid reads: its displayed columns (order, visibility, header names) and
 * its rows after filters and sort, in chunks. This is the client-side model's source: the rows
 * are already in memory, so it snapshots references to them (a sync landing mid-export does not
 * shift what is written) and hands them out a chunk at a time. A grid paging through the cache
 * builds the same `CsvSource` with chunks read from the cache.
 */
import type { GridApi } from 'ag-grid-community'
import { csvColumnFromDef, type CsvColumn } from './columns'
import { chunksByIndex } from './rowChunks'

export interface CsvSource<Row> {
  columns: CsvColumn<Row>[]
  /** Rows the export will write (for "N of M rows"). */
  total: number
  chunks(size: number): AsyncIterable<readonly Row[]>
}

export function gridCsvColumns<Row>(api: GridApi<Row>): CsvColumn<Row>[] {
  return api
    .getAllDisplayedColumns()
    .map((column) =>
      csvColumnFromDef(column.getColDef(), api.getDisplayNameForColumn(column, 'csv'), column)
    )
}

export function gridCsvSource<Row>(api: GridApi<Row>): CsvSource<Row> {
  const rows: Row[] = []
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data !== undefined) rows.push(node.data)
  })
  return {
    columns: gridCsvColumns(api),
    total: rows.length,
    chunks: (size) => chunksByIndex(rows.length, (i) => rows[i], size)
  }
}

/**
 * The source of a grid whose rows are not all in memory (AG Grid's infinite model): the grid's
 * displayed columns, `total` rows (its "N" count) and chunks read from the cache for the query
 * it shows — e.g. `(size) => readQueryChunks(cache, table, query, size, columns, idField)`.
 */
export function chunkedCsvSource<Row>(
  api: GridApi<Row>,
  total: number,
  chunks: (size: number) => AsyncIterable<readonly Row[]>
): CsvSource<Row> {
  return { columns: gridCsvColumns(api), total, chunks }
}
