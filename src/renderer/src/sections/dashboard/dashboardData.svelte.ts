/**
 * The dashboard's aggregates, re-read from the open workspace's cache whenever it changes. While
 * a sync writes pages, re-reads are throttled so the charts redraw a few times a second at most.
 */
import type { WorkspaceCache } from '../../cache'
import { onCacheChange } from '../../app/cacheChanges.svelte'
import { session } from '../../app/workspaceSession.svelte'
import { summarize, type DashboardSummary } from './aggregate'

const REFRESH_EVERY_MS = 1_000

async function readSummary(cache: WorkspaceCache): Promise<DashboardSummary> {
  const [customers, activities, opportunities] = await cache.transaction(
    'r',
    [cache.customers, cache.activities, cache.opportunities],
    () =>
      Promise.all([
        cache.customers.toArray(),
        cache.activities.toArray(),
        cache.opportunities.toArray()
      ])
  )
  return summarize({ customers, activities, opportunities })
}

export class DashboardData {
  summary = $state.raw<DashboardSummary | null>(null)
  loaded = $state(false)
  /** A sentence for the user when the cache could not be read, else null. */
  problem = $state<string | null>(null)

  /** Call during component initialisation (it uses effects). */
  constructor() {
    onCacheChange((cache) => {
      if (!cache) {
        this.summary = null
        this.loaded = true
        return
      }
      readSummary(cache).then(
        (summary) => {
          if (session.cache !== cache) return
          this.summary = summary
          this.problem = null
          this.loaded = true
        },
        (error: unknown) => {
          if (session.cache !== cache) return
          this.problem = `The cached data could not be read: ${error instanceof Error ? error.message : String(error)}`
          this.loaded = true
        }
      )
    }, REFRESH_EVERY_MS)
  }
}
