export {
  WorkspaceCache,
  openWorkspaceCache,
  deleteWorkspaceCache,
  cacheDatabaseName,
  type MetaEntry
} from './db'
export {
  CACHE_SCHEMA_VERSION,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6
} from './schema'
export {
  initialMonacoSyncRow,
  type MonacoPassState,
  type MonacoSyncRow,
  type MonacoWindowState
} from './monacoSyncState'
export {
  hasPendingEdits,
  isEditableOpportunityField,
  withoutBookkeeping,
  type CachedAccount,
  type CachedActivity,
  type CachedContact,
  type CachedCustomer,
  type CachedOpportunity,
  type CachedPlan,
  type CachedRecord,
  type CachedRecordOf,
  type CachedTag,
  type CachedUser,
  type EditableOpportunityField,
  type SyncStamp
} from './records'
export {
  partitionRowId,
  type PartitionSyncState,
  type PassInfo,
  type PassMode,
  type PassSummary,
  type ResourceSyncState,
  type SyncErrorInfo,
  type SyncStateRow
} from './syncState'
export type { FieldConflict, FieldIssue, OutboxEntry, OutboxKind, OutboxStatus } from './outbox'
export { putInChunks, deleteInChunks, WRITE_CHUNK_SIZE } from './bulk'
export {
  cleanViewName,
  createSavedView,
  defaultSavedView,
  deleteSavedView,
  listSavedViews,
  renameSavedView,
  setDefaultSavedView,
  updateSavedViewState,
  viewNameKey,
  MAX_VIEW_NAME_LENGTH,
  SavedViewNameError,
  type SavedView,
  type SavedViewRow
} from './savedViews'
