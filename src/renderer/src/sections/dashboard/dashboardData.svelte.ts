/**
 * The dashboard's figures, re-read from the open workspace's precomputed aggregates whenever
 * the cache changes (a few hundred buckets, never the rows themselves; see cache/aggregates/).
 * While a sync writes pages, re-reads are throttled so the charts redraw a few times a second
 * at most.
 */
import type { WorkspaceCache } from '../../cache'
import { onCacheChange } from '../../app/cacheChanges.svelte'
import { session } from '../../app/workspaceSession.svelte'
import { readAggregateBuckets } from '../../cache/aggregates'
import type { DashboardSummary } from './aggregate'
import { summarizeBuckets } from './aggregateSummary'

const REFRESH_EVERY_MS = 1_000

async function readSummary(cache: WorkspaceCache): Promise<DashboardSummary> {
  return summarizeBuckets(await readAggregateBuckets(cache))
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
