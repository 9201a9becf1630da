/**
 * The ChartMogul API simulator: a faithful, deterministic stand-in for api.chartmogul.com used
 * by the demo workspace, by tests, and by `npm run sim`. Plain Node — no Electron here.
 */
import { randomBytes } from 'node:crypto'
import { startOfUtcDay } from './formats'
import { startSimulator, type RunningSimulator, type SimulatorOptions } from './server'

export { generateDataset } from './generateDataset'
export type { Dataset, DatasetOptions, DataSourceInfo, PlanMeta } from './dataset'
export { SimulatorStore } from './store'
export type { ActivitySpec, ListResult, NewOpportunity, OpportunityPatch } from './store'
export type { MutationLogEntry, MutationDelivery } from './mutationLog'
export { startSimulator, isAuthorized, DEFAULT_API_KEY } from './server'
export type {
  RunningSimulator,
  SimulatorOptions,
  SimulatorStats,
  FaultCounts,
  LimitSettings
} from './server'
export type { FaultSettings, FaultSettingsInput, ApplyThenFailMode } from './faults'
export type { RateLimitOptions } from './limits'
export { PIPELINES, CUSTOMER_STATUSES, FORECAST_CATEGORIES } from './vocabulary'
export type * from './wire'

/** The demo account is the same every time: one seed, one size. */
export const DEMO_SEED = 20_240_318
export const DEMO_CUSTOMERS = 500

/**
 * Starts the demo workspace's simulator in-process on an ephemeral 127.0.0.1 port, with a
 * fresh random API key (so nothing else on the machine can guess it). The data is fixed by
 * the seed; "today" is the current UTC day so open deals close in the future. Real-API limits
 * stay on, so the app behaves in the demo exactly as it would against ChartMogul.
 */
export function startDemoWorkspace(overrides: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({
    apiKey: `demo_${randomBytes(16).toString('hex')}`,
    data: {
      seed: DEMO_SEED,
      customers: DEMO_CUSTOMERS,
      now: new Date(startOfUtcDay(Date.now()))
    },
    ...overrides,
    port: overrides.port ?? 0
  })
}
