/**
 * A grid's export source: its displayed columns under their CSV header names, and a snapshot
 * of its rows after filters and sort — later changes to the grid do not shift the export.
 */
import type { ColDef, Column, GridApi, IRowNode } from 'ag-grid-community'
import { describe, expect, it } from 'vitest'
import { gridCsvSource } from '../../../src/renderer/src/grid/csvStream/gridSource'

type Row = { uuid: string; name: string; mrrCents: number }

function fakeGrid(rows: Row[], defs: ColDef<Row>[]): GridApi<Row> {
  const columns = defs.map((def) => ({ getColDef: () => def, getColId: () => def.field }))
  const api = {
    getAllDisplayedColumns: () => columns,
    getDisplayNameForColumn: (column: Column) => `${column.getColDef().headerName} (csv)`,
    forEachNodeAfterFilterAndSort: (visit: (node: IRowNode<Row>) => void) => {
      for (const data of rows) visit({ data } as IRowNode<Row>)
    }
  }
  return api as unknown as GridApi<Row>
}

async function collect(iterable: AsyncIterable<readonly Row[]>): Promise<string[][]> {
  const out: string[][] = []
  for await (const chunk of iterable) out.push(chunk.map((r) => r.uuid))
  return out
}

describe('gridCsvSource', () => {
  it('exports the displayed columns under their CSV names, rows as filtered and sorted', async () => {
    const rows: Row[] = [
      { uuid: 'b', name: '@risky', mrrCents: -500 },
      { uuid: 'a', name: 'Plain', mrrCents: 100 },
      { uuid: 'c', name: 'Third', mrrCents: 0 }
    ]
    const source = gridCsvSource(
      fakeGrid(rows, [
        { field: 'name', headerName: 'Name' },
        { field: 'mrrCents', headerName: 'MRR', cellDataType: 'number' }
      ])
    )
    expect(source.total).toBe(3)
    expect(source.columns.map((c) => c.header)).toEqual(['Name (csv)', 'MRR (csv)'])
    expect(source.columns.map((c) => c.text(rows[0]!))).toEqual(["'@risky", '-500'])
    // The grid changes after the export started: the export keeps what was shown.
    rows.length = 0
    expect(await collect(source.chunks(2))).toEqual([['b', 'a'], ['c']])
  })
})
