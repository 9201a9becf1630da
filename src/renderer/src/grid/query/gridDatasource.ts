/**
 * AG Grid's infinite row model over the query layer: each block the grid asks for is a page of
 * a prepared query (sort and filter model from the grid, quick search from the section's box).
 * A query is prepared once and kept while the grid pages through it, so its remembered
 * positions and counts are reused; a new sort, filter, search or a change of the data prepares
 * a new one. Counts go to `onCounts` as they become known ("N of M"; N null while counting).
 *
 * Counting waits for the query's first block, and after a quick-search keystroke for the user
 * to pause (AG Grid already debounces its filters): in Chromium a count walks its entries on the
 * one sequence that serves the database (about a second per million rows) and cannot be
 * cancelled, so the next keystroke's rows would wait behind the last one's count. Counts that
 * cost nothing are shown at once: a result sorted in memory holds its count, M is counted once
 * per state of the data, and a new sort keeps the filters' N.
 */
import type { IDatasource, IGetRowsParams, SortModelItem } from 'ag-grid-community'
import { PreparedQuery, type QuerySetup } from './preparedQuery'
import type { FilterModel, GridQuery, QueryRow } from './types'

/** How long a quick search must stay unchanged before its rows are counted (typing is faster). */
export const COUNT_AFTER_PAUSE_MS = 400

export interface GridQuerySourceOptions {
  /** The table to read (null while no cache is open: blocks come back empty). */
  setup: () => QuerySetup | null
  /** Names and labels a grid adds to the rows it shows (e.g. owner names). */
  decorate?: (rows: QueryRow[]) => Promise<QueryRow[]>
  onCounts: (shown: number | null, total: number) => void
}

export function gridQueryOf(
  sortModel: readonly SortModelItem[],
  filterModel: unknown,
  quickSearch: string
): GridQuery {
  return {
    sort: sortModel.map((item) => ({ colId: item.colId, dir: item.sort })),
    filters: (filterModel ?? {}) as FilterModel,
    quickSearch: quickSearch.trim()
  }
}

export class GridQuerySource implements IDatasource {
  private quickSearch = ''
  private prepared: PreparedQuery | null = null
  private preparedKey = ''
  private lastQuery: GridQuery | null = null
  private rowCountListener: ((count: number) => void) | null = null
  /** N of the last counted filters and search (a sort does not change it). */
  private lastCount: { table: QuerySetup['table']; key: string; count: number } | null = null
  /** M of the data as it is now, for the table it was counted on (cleared by `invalidate`). */
  private totalCount: {
    table: QuerySetup['table']
    count: Promise<number>
    known: number | null
  } | null = null

  constructor(private readonly options: GridQuerySourceOptions) {}

  /** The query the grid shows now (for exports): its sort, filters and search. */
  get query(): GridQuery | null {
    return this.lastQuery
  }

  /**
   * The grid to tell the filtered count once known (DataGrid: `api.setRowCount(n, true)`).
   * Without it the infinite model only knows the rows loaded so far: its scrollbar spans those
   * (a dragged thumb cannot reach the middle of a million rows) and Ctrl+End stops at them.
   */
  setRowCountListener(listener: ((count: number) => void) | null): void {
    this.rowCountListener = listener
  }

  /** Sets the quick search; the caller then asks the grid to reload its blocks. */
  setQuickSearch(text: string): void {
    this.quickSearch = text
  }

  /** The cached rows changed: the next block prepares the query again (new counts). */
  invalidate(): void {
    this.prepared?.cancel()
    this.prepared = null
    this.totalCount = null
    this.lastCount = null
  }

  getRows(params: IGetRowsParams): void {
    const setup = this.options.setup()
    if (!setup) {
      params.successCallback([], 0)
      return
    }
    const query = gridQueryOf(params.sortModel, params.filterModel, this.quickSearch)
    const typed = this.prepared !== null && this.prepared.query.quickSearch !== query.quickSearch
    const { prepared, fresh } = this.preparedFor(setup, query)
    const wanted = params.endRow - params.startRow
    const rows = prepared.rows(params.startRow, params.endRow)
    if (fresh) {
      void rows.then(
        () => this.reportCounts(prepared, setup.table, typed),
        () => this.reportCounts(prepared, setup.table, typed)
      )
    }
    rows
      .then((rows) => this.options.decorate?.(rows) ?? rows)
      .then((rows) => {
        const known = prepared.knownCount()
        const last = rows.length < wanted ? params.startRow + rows.length : (known ?? -1)
        params.successCallback(rows, last)
      })
      .catch(() => params.failCallback())
  }

  destroy(): void {
    this.invalidate()
  }

  /** The prepared query for `query`: the one kept, or a new one (`fresh`: count it). */
  private preparedFor(
    setup: QuerySetup,
    query: GridQuery
  ): { prepared: PreparedQuery; fresh: boolean } {
    const key = JSON.stringify(query)
    if (this.prepared && key === this.preparedKey) return { prepared: this.prepared, fresh: false }
    this.prepared?.cancel()
    const prepared = new PreparedQuery({ ...setup, total: () => this.total(setup.table) }, query)
    this.prepared = prepared
    this.preparedKey = key
    this.lastQuery = query
    return { prepared, fresh: true }
  }

  private total(table: QuerySetup['table']): Promise<number> {
    if (this.totalCount?.table !== table) {
      const entry = { table, count: table.count(), known: null as number | null }
      void entry.count.then((n) => (entry.known = n)).catch(() => undefined)
      this.totalCount = entry
    }
    return this.totalCount.count
  }

  private async reportCounts(
    prepared: PreparedQuery,
    table: QuerySetup['table'],
    typed: boolean
  ): Promise<void> {
    try {
      const knownTotal = this.totalCount?.table === table ? this.totalCount.known : null
      const key = filtersKey(prepared.query)
      const free = prepared.unfiltered
        ? knownTotal
        : this.lastCount?.table === table && this.lastCount.key === key
          ? this.lastCount.count
          : await prepared.freeCount()
      if (typed && (free === null || knownTotal === null)) {
        // "Counting…" at once (not the last query's N), the count itself once the user pauses.
        if (knownTotal !== null) this.options.onCounts(null, knownTotal)
        await new Promise((resolve) => setTimeout(resolve, COUNT_AFTER_PAUSE_MS))
        if (this.prepared !== prepared) return
      }
      const total = await prepared.total()
      if (this.prepared === prepared) this.options.onCounts(free, total)
      const shown = free ?? (await prepared.count())
      if (this.prepared === prepared) {
        this.lastCount = { table, key, count: shown }
        this.options.onCounts(shown, total)
        this.rowCountListener?.(shown)
      }
    } catch {
      // A closed cache (workspace switched): the next grid reports its own counts.
    }
  }
}

/** What decides N: the filters and the search, not the sort. */
function filtersKey(query: GridQuery): string {
  return JSON.stringify([query.filters, query.quickSearch])
}
