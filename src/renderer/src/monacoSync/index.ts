/**
 * The sync engine of a Monaco workspace: same `SyncEngine` interface as ChartMogul's, so the
 * scheduler, status bar and sections serve both. See engine.ts.
 */
export { createMonacoSyncEngine, type CreateMonacoSyncEngineInput } from './engine'
export type { MonacoSyncOptions } from './options'
export { OPPORTUNITY_SCHEMA_KEY, UPDATED_AT_REFUSED_KEY } from './metaKeys'
export { readOpportunitySchema, type StoredOpportunitySchema } from './lookupsStore'
export { readFilterRefusal, type FilterRefusal } from './filterRefusal'
export { loadSyncRow as loadMonacoSyncRow } from './passStore'
