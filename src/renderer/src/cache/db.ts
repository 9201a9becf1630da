/**
 * One IndexedDB database per workspace, so removing a workspace drops its data wholesale and
 * two accounts can never mix. Records are keyed by the provider's id (ChartMogul uuid, Monaco id).
 */
import { Dexie, type Collection, type DexieOptions, type EntityTable, type Table } from 'dexie'
import type { SyncResource } from '../../../shared/sync/pageSource'
import type { OutboxEntry } from './outbox'
import type {
  CachedAccount,
  CachedActivity,
  CachedContact,
  CachedCustomer,
  CachedOpportunity,
  CachedPlan,
  CachedRecord,
  CachedTag,
  CachedUser
} from './records'
import {
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  upgradeToV2,
  upgradeToV6
} from './schema'
import type { SavedViewRow } from './savedViews'
import { aggregatesMiddleware } from './aggregates/middleware'
import type { SyncStateRow } from './syncState'
import type { MonacoSyncRow } from './monacoSyncState'

export interface MetaEntry {
  key: string
  value: unknown
}

export class WorkspaceCache extends Dexie {
  customers!: EntityTable<CachedCustomer, 'uuid', CachedCustomer>
  plans!: EntityTable<CachedPlan, 'uuid', CachedPlan>
  activities!: EntityTable<CachedActivity, 'uuid', CachedActivity>
  opportunities!: EntityTable<CachedOpportunity, 'uuid', CachedOpportunity>
  // The union's members are written whole, so the insert type is the row type itself.
  syncState!: EntityTable<SyncStateRow, 'id', SyncStateRow>
  outbox!: EntityTable<OutboxEntry, 'id'>
  meta!: EntityTable<MetaEntry, 'key', MetaEntry>
  // Monaco workspaces (empty in ChartMogul ones); see SCHEMA_V4.
  accounts!: EntityTable<CachedAccount, 'id', CachedAccount>
  contacts!: EntityTable<CachedContact, 'id', CachedContact>
  users!: EntityTable<CachedUser, 'id', CachedUser>
  tags!: EntityTable<CachedTag, 'id', CachedTag>
  monacoSync!: EntityTable<MonacoSyncRow, 'entity', MonacoSyncRow>
  // Named grid layouts (columns, sort, filters); see SCHEMA_V5 and savedViews.ts.
  savedViews!: EntityTable<SavedViewRow, 'id', SavedViewRow>

  constructor(
    readonly workspaceId: string,
    options?: DexieOptions
  ) {
    super(cacheDatabaseName(workspaceId), options)
    this.version(1).stores(SCHEMA_V1)
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2)
    this.version(3).stores(SCHEMA_V3)
    this.version(4).stores(SCHEMA_V4)
    this.version(5).stores(SCHEMA_V5)
    this.version(6).stores(SCHEMA_V6).upgrade(upgradeToV6)
    // Every write to customers, activities or deals also updates their aggregates, in its transaction.
    this.use(aggregatesMiddleware)
  }

  /** The table holding one synced resource, typed loosely for code generic over resources. */
  records(resource: SyncResource): Table<CachedRecord, string> {
    return this.table(resource)
  }

  /**
   * Rows of a resource last written by a pass older than `generation`: through the `_gen` index
   * where the table has one, else by a scan (activities, see SCHEMA_V3).
   */
  writtenBefore(resource: SyncResource, generation: number): Collection<CachedRecord, string> {
    const table = this.records(resource)
    const indexed = table.schema.indexes.some((index) => index.name === '_gen')
    return indexed
      ? table.where('_gen').below(generation)
      : table.filter((row) => row._gen < generation)
  }
}

export function cacheDatabaseName(workspaceId: string): string {
  const id = workspaceId.trim()
  if (id === '') throw new TypeError('A workspace id is required to open its cache.')
  return `revdesk-${id}`
}

/**
 * Opens (creating or upgrading as needed) the cache of one workspace. Each call is a new
 * connection: the app keeps one per workspace and closes it when the workspace goes away.
 */
export async function openWorkspaceCache(
  workspaceId: string,
  options?: DexieOptions
): Promise<WorkspaceCache> {
  const db = new WorkspaceCache(workspaceId, options)
  await db.open()
  return db
}

/** Drops a workspace's cache entirely (e.g. when the workspace is removed). */
export async function deleteWorkspaceCache(
  workspaceId: string,
  options?: DexieOptions
): Promise<void> {
  await new WorkspaceCache(workspaceId, options).delete()
}
