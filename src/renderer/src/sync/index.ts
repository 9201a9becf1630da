export {
  createSyncEngine,
  type CreateSyncEngineInput,
  type EngineStatus,
  type RunOutcome,
  type SyncEngine,
  type SyncRunOptions,
  type SyncRunResult
} from './engine'
export { type SyncEngineOptions } from './options'
export type {
  ResourceProgress,
  ResourcePhase,
  ProgressListener,
  ProgressResource
} from './progress'
export type { ResourceOutcome } from './resourceSync'
export {
  createSyncScheduler,
  DEFAULT_SYNC_INTERVAL_MS,
  type SyncScheduler,
  type SyncSchedulerOptions,
  type SyncTrigger
} from './scheduler'
export { browserConnectivity, manualConnectivity, type ConnectivitySource } from './connectivity'
export { systemSyncClock, type SyncClock } from './clock'
export { loadResourceState } from './passStore'
export type { RateLimitWait } from './serverWait'
