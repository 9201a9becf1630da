/**
 * Which sync generation a deal the outbox writes is stamped with. A confirmed create gets the
 * newest one of the workspace's own sync, so a full pass running meanwhile (already past where
 * the new deal sorts) does not sweep it at its end. Each provider's sync keeps its generation
 * somewhere else, so the provider supplies the reader (`ProviderAdapter.dealGeneration`).
 */
import type { Table } from 'dexie'
import type { WorkspaceCache } from '../cache'
import { loadResourceState } from '../sync'

export interface DealGeneration {
  /** The tables `read` touches: it runs inside the outbox's transaction. */
  tables(db: WorkspaceCache): Table[]
  /** The newest generation any pass of the deals was given. */
  read(db: WorkspaceCache): Promise<number>
}

/** The paged sync engine's (`../sync`), which ChartMogul workspaces run: the default. */
export const pagedSyncDealGeneration: DealGeneration = {
  tables: (db) => [db.syncState],
  read: async (db) => (await loadResourceState(db, 'opportunities')).generation
}
