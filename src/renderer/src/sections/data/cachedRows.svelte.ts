/**
 * Rows of one cached table for a grid, re-read when the cache changes. While a sync writes
 * pages, re-reads are throttled so the grid updates a few times a second, not per page.
 */
import type { WorkspaceCache } from '../../cache'
import { session } from '../../app/workspaceSession.svelte'

const REFRESH_EVERY_MS = 750

export class CachedRows<Row> {
  rows = $state.raw<Row[]>([])
  loaded = $state(false)

  constructor(read: (cache: WorkspaceCache) => Promise<Row[]>) {
    let timer: ReturnType<typeof setTimeout> | null = null
    let lastRead = 0
    const refresh = (): void => {
      timer = null
      lastRead = Date.now()
      const cache = session.cache
      if (!cache) {
        this.rows = []
        this.loaded = true
        return
      }
      void read(cache).then((rows) => {
        if (session.cache === cache) {
          this.rows = rows
          this.loaded = true
        }
      })
    }
    $effect(() => {
      void session.revision
      void session.workspace
      if (timer !== null) return
      const wait = Math.max(0, lastRead + REFRESH_EVERY_MS - Date.now())
      timer = setTimeout(refresh, wait)
    })
    $effect(() => () => {
      if (timer !== null) clearTimeout(timer)
    })
  }
}
