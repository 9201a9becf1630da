/**
 * Rows of one cached table for a grid, re-read when the cache changes. While a sync writes
 * pages, re-reads are throttled so the grid updates a few times a second, not per page.
 */
import type { WorkspaceCache } from '../../cache'
import { onCacheChange } from '../../app/cacheChanges.svelte'
import { session } from '../../app/workspaceSession.svelte'

const REFRESH_EVERY_MS = 750

export class CachedRows<Row> {
  rows = $state.raw<Row[]>([])
  loaded = $state(false)

  constructor(
    read: (cache: WorkspaceCache) => Promise<Row[]>,
    /** More reactive state whose change means re-reading (see `onCacheChange`). */
    alsoOn?: () => unknown
  ) {
    // Reads can overlap (a slow one while a sync writes): only the newest may set the rows, or an
    // older snapshot landing last would bring back what a later change removed.
    let latest = 0
    onCacheChange(
      (cache) => {
        const ticket = ++latest
        if (!cache) {
          this.rows = []
          this.loaded = true
          return
        }
        void read(cache).then((rows) => {
          if (ticket === latest && session.cache === cache) {
            this.rows = rows
            this.loaded = true
          }
        })
      },
      REFRESH_EVERY_MS,
      alsoOn
    )
  }
}
