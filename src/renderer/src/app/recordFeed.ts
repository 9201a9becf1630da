/**
 * Records a sync has just committed, per resource, for whoever shows them (grids update in
 * place instead of re-reading whole tables mid-sync). Plain listeners: nothing here is state.
 */
import type { SyncResource } from '../../../shared/sync/pageSource'
import type { MonacoSyncEntity } from '../../../shared/sync/monacoSource'

/** A cache table a sync fills page by page: ChartMogul resources and Monaco entities. */
export type FeedResource = SyncResource | MonacoSyncEntity

export type RecordsListener = (records: readonly object[]) => void

export class RecordFeed {
  private readonly listeners = new Map<FeedResource, Set<RecordsListener>>()

  subscribe(resource: FeedResource, listener: RecordsListener): () => void {
    let set = this.listeners.get(resource)
    if (!set) {
      set = new Set()
      this.listeners.set(resource, set)
    }
    set.add(listener)
    return () => set.delete(listener)
  }

  publish(resource: FeedResource, records: readonly object[]): void {
    for (const listener of this.listeners.get(resource) ?? []) listener(records)
  }
}
