/**
 * The Monaco API simulator: a faithful, deterministic stand-in for api.monaco.com used by
 * tests, benchmarks and (next) the Monaco demo workspace. Plain Node — no Electron here.
 */
export { generateMonacoDataset, DEFAULT_NOW } from './generateDataset'
export type { MonacoDataset, MonacoDatasetOptions } from './dataset'
export { MonacoStore } from './store'
export type {
  MonacoMutationEntity,
  MonacoMutationLogEntry,
  NewOpportunity,
  OpportunityPatch
} from './store'
export { startMonacoSimulator, DEFAULT_MONACO_KEY } from './server'
export type {
  RunningMonacoSimulator,
  MonacoSimulatorOptions,
  MonacoSimulatorStats,
  MonacoFaultCounts,
  ListedHook
} from './server'
export { DEFAULT_WINDOWS } from './rateWindows'
export type { RateLimitSettings, RateWindow } from './rateWindows'
export type { RenderOptions } from './render/options'
export { STAGES, ACCOUNT_STATUSES, TAG_OBJECTS } from './vocabulary'
export type * from './records'
