import {
  createMonacoClient,
  createMonacoRateLimiter,
  type MonacoEntityModels,
  type MonacoListEntity,
  type MonacoListFn
} from '../../../../src/main/monaco'
import {
  startMonacoSimulator,
  type MonacoSimulatorOptions,
  type RunningMonacoSimulator
} from '../../../../src/main/monacoSimulator'

/** The Monaco simulator over loopback HTTP, read through the real gateway client. */

export const ENTITIES: readonly MonacoListEntity[] = ['accounts', 'contacts', 'opportunities']

export function startOrg(options: MonacoSimulatorOptions = {}): Promise<RunningMonacoSimulator> {
  return startMonacoSimulator({
    data: { seed: 11, accounts: 60, contacts: 120, opportunities: 90 },
    rateLimit: false,
    ...options
  })
}

/** One entity's list call through a fresh client (its own rate limiter, fast retries). */
export function listFor<E extends MonacoListEntity>(
  sim: RunningMonacoSimulator,
  entity: E
): MonacoListFn<MonacoEntityModels[E]> {
  const client = createMonacoClient({
    apiKey: sim.apiKey,
    baseUrl: sim.url,
    timeoutMs: 2_000,
    random: () => 0,
    // Enough attempts that ~10 % faults never exhaust them; tiny delays keep the test fast.
    retry: { maxAttempts: 8, baseDelayMs: 1, maxDelayMs: 5 },
    limiter: createMonacoRateLimiter({ penaltyPauseMs: 10 })
  })
  return (params, options) => client.listPage(entity, params, options)
}

/** The store's records of one entity in ascending `created_at` (ties by id, as it sorts). */
export function ascending(sim: RunningMonacoSimulator, entity: MonacoListEntity) {
  return [...sim.store.all(entity)].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : 1)
  )
}

export const sortedIds = (records: Iterable<{ id: string }>): string[] =>
  [...records].map((r) => r.id).sort()
