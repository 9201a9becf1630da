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
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions
} from '../../../../src/main/simulator'
import type { ListPage } from '../../../../src/shared/domain'
import type {
  PageRequest,
  PageSource,
  ResourceRecord,
  SyncResource
} from '../../../../src/shared/sync/pageSource'

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

export function clientPageSource(client: ChartMogulClient): PageSource {
  return {
    fetchPage<R extends SyncResource>(
      request: PageRequest<R>,
      signal?: AbortSignal
    ): Promise<ListPage<ResourceRecord[R]>> {
      const page = { cursor: request.cursor, perPage: request.perPage }
      const options = { signal }
      const query = request.query as Record<string, string | undefined>
      let pending: Promise<ListPage<ResourceRecord[SyncResource]>>
      switch (request.resource) {
        case 'customers':
          pending = client.listCustomers({ ...page, status: query['status'] }, options)
          break
        case 'plans':
          pending = client.listPlans(page, options)
          break
        case 'activities':
          pending = client.listActivities(
            {
              ...page,
              startDate: query['startDate'],
              endDate: query['endDate'],
              order: query['order'] as 'date' | '-date' | undefined
            },
            options
          )
          break
        case 'opportunities':
          pending = client.listOpportunities(
            {
              ...page,
              estimatedCloseDateOnOrAfter: query['estimatedCloseDateOnOrAfter'],
              estimatedCloseDateOnOrBefore: query['estimatedCloseDateOnOrBefore']
            },
            options
          )
          break
        default:
          throw new Error(`unknown resource ${String(request.resource)}`)
      }
      return pending as Promise<ListPage<ResourceRecord[R]>>
    }
  }
}

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
