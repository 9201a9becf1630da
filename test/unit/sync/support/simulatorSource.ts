/**
 * The sync engine's PageSource in Node tests: the real gateway client talking to the real
 * simulator over loopback HTTP — the same path the main process takes behind the bridge.
 */
import {
  createChartMogulClient,
  type ChartMogulClient,
  type ChartMogulClientOptions,
  type RateLimiter
} from '../../../../src/main/chartmogul'
import { createClientPageSource } from '../../../../src/main/features/sync/clientPageSource'
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions
} from '../../../../src/main/simulator'
import type { PageSource } from '../../../../src/shared/sync/pageSource'

/** Admits every request at once: for tests that turn the simulator's limits off to run fast. */
export const unlimited: RateLimiter = {
  acquire: () => Promise.resolve(() => undefined),
  noteRateLimited: () => undefined,
  stats: () => ({
    started: 0,
    inFlight: 0,
    queued: 0,
    currentRatePerSecond: Infinity,
    configuredRatePerSecond: Infinity,
    maxConcurrent: Infinity,
    rateLimitedCount: 0,
    pausedUntil: null
  })
}

/** The main process's own adapter: the tests page exactly as the app does behind the bridge. */
export const clientPageSource = createClientPageSource

export interface SimulatedAccount {
  sim: RunningSimulator
  client: ChartMogulClient
  source: PageSource
  close(): Promise<void>
}

export interface SimulatedAccountOptions {
  seed: number
  customers: number
  /** Default: the simulator's and the client's real limits. `fast` turns both off. */
  fast?: boolean
  simulator?: Omit<SimulatorOptions, 'data' | 'port'>
  client?: Partial<ChartMogulClientOptions>
}

export async function startSimulatedAccount(
  options: SimulatedAccountOptions
): Promise<SimulatedAccount> {
  const sim = await startSimulator({
    port: 0,
    data: { seed: options.seed, customers: options.customers },
    ...(options.fast ? { rateLimit: false, maxConcurrent: false } : {}),
    ...options.simulator
  })
  const client = createChartMogulClient({
    apiKey: sim.apiKey,
    baseUrl: sim.url,
    ...(options.fast ? { limiter: unlimited } : {}),
    ...options.client
  })
  return { sim, client, source: clientPageSource(client), close: () => sim.close() }
}
