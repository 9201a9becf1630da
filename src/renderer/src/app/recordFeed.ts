/**
 * Records a sync has just committed, per resource, for whoever shows them (grids update in
 * place instead of re-reading whole tables mid-sync). Plain listeners: nothing here is state.
 */
import type { SyncResource } from '../../../shared/sync/pageSource'

export type RecordsListener = (records: readonly object[]) => void

export class RecordFeed {
  private readonly listeners = new Map<SyncResource, Set<RecordsListener>>()

  subscribe(resource: SyncResource, listener: RecordsListener): () => void {
    let set = this.listeners.get(resource)
    if (!set) {
      set = new Set()
      this.listeners.set(resource, set)
    }
    set.add(listener)
    return () => set.delete(listener)
  }

  publish(resource: SyncResource, records: readonly object[]): void {
    for (const listener of this.listeners.get(resource) ?? []) listener(records)
  }
}
