/**
 * Rows of one cached table for a grid, re-read when the cache changes. While a sync writes
 * pages, re-reads are throttled so the grid updates a few times a second, not per page.
 *
 * Each re-read first sizes the table and picks the row model (grid/query/rowModel.ts): below
 * the threshold the rows are read whole (AG Grid's client-side model); from it on nothing is
 * read here: the grid pages through the query layer, and `revision` tells it the data changed.
 * Sizing reads at most the threshold's worth of keys, never a count of the whole table. Once a
 * cache's table is paged it stays paged, so a sync's throttled re-reads do not even do that.
 */
import type { WorkspaceCache } from '../../cache'
import { onCacheChange } from '../../app/cacheChanges.svelte'
import { session } from '../../app/workspaceSession.svelte'
import { rowModelOfTable, type RowModel } from '../../grid/query/rowModel'

const REFRESH_EVERY_MS = 750

export class CachedRows<Row> {
  rows = $state.raw<Row[]>([])
  loaded = $state(false)
  /** How the grid holds these rows; null until the first count. */
  model = $state<RowModel | null>(null)
  /** Bumped on every re-read, so a paging grid reloads its blocks. */
  revision = $state(0)
  /** The cache whose table was found large enough to page (see the header). */
  private pagedCache: WorkspaceCache | null = null

  constructor(
    read: (cache: WorkspaceCache) => Promise<Row[]>,
    /** More reactive state whose change means re-reading (see `onCacheChange`). */
    alsoOn?: () => unknown,
    /** The table counted to pick the model (none: always client-side). */
    table?: string
  ) {
    // Reads can overlap (a slow one while a sync writes): only the newest may set the rows, or an
    // older snapshot landing last would bring back what a later change removed.
    let latest = 0
    onCacheChange(
      (cache) => {
        const ticket = ++latest
        if (!cache) {
          this.rows = []
          this.model = 'clientSide'
          this.loaded = true
          return
        }
        void this.load(cache, read, table).then((next) => {
          if (ticket !== latest || session.cache !== cache) return
          this.model = next.model
          this.rows = next.rows
          this.revision += 1
          this.loaded = true
        })
      },
      REFRESH_EVERY_MS,
      alsoOn
    )
  }

  private async load(
    cache: WorkspaceCache,
    read: (cache: WorkspaceCache) => Promise<Row[]>,
    table: string | undefined
  ): Promise<{ model: RowModel; rows: Row[] }> {
    if (this.pagedCache === cache) return { model: 'infinite', rows: [] }
    const model = table ? await rowModelOfTable(cache.table(table)) : 'clientSide'
    if (model === 'infinite') {
      this.pagedCache = cache
      return { model, rows: [] }
    }
    return { model, rows: await read(cache) }
  }
}
