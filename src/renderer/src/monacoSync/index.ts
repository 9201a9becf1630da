/**
 * The sync engine of a Monaco workspace (placeholder until built in this issue): same
 * `SyncEngine` interface as ChartMogul's, so the scheduler, status bar and sections serve both.
 */
import type { MonacoSource } from '../../../shared/sync/monacoSource'
import type { WorkspaceCache } from '../cache/db'
import type { MonacoSyncEntity } from '../../../shared/sync/monacoSource'
import type { SyncClock, SyncEngine } from '../sync'

export interface MonacoSyncOptions {
  /** Hears the records of each committed step (Quick Jump and open views stay current). */
  onRecordsCommitted?: (entity: MonacoSyncEntity, records: readonly object[]) => void
  isOnline?: () => boolean
  clock?: SyncClock
}

export interface CreateMonacoSyncEngineInput {
  db: WorkspaceCache
  source: MonacoSource
  options?: MonacoSyncOptions
}

export function createMonacoSyncEngine(input: CreateMonacoSyncEngineInput): SyncEngine {
  void input
  throw new Error('The Monaco sync engine is not built yet.')
}
