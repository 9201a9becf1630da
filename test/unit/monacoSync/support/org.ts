/**
 * A Monaco organization for the Monaco sync engine's tests: the simulator over loopback HTTP,
 * read through the real gateway client and `createClientMonacoSource` — the path main takes
 * behind the bridge — and what "an exact replica" of it means.
 */
import { createMonacoClient, type MonacoClientOptions } from '../../../../src/main/monaco'
import type { MonacoRateLimiter } from '../../../../src/main/monaco/rateLimiter'
import { createClientMonacoSource } from '../../../../src/main/monaco/monacoSource'
import { stageKeyLookup, toDeal } from '../../../../src/main/monaco/toDeal'
import { mapAccount, wireAccountSchema } from '../../../../src/main/monaco/wire/account'
import { mapContact, wireContactSchema } from '../../../../src/main/monaco/wire/contact'
import { mapOpportunity, wireOpportunitySchema } from '../../../../src/main/monaco/wire/opportunity'
import {
  STAGES,
  startMonacoSimulator,
  type MonacoSimulatorOptions,
  type RunningMonacoSimulator
} from '../../../../src/main/monacoSimulator'
import { renderAccount } from '../../../../src/main/monacoSimulator/render/account'
import type { RenderLookups } from '../../../../src/main/monacoSimulator/render/common'
import { renderContact } from '../../../../src/main/monacoSimulator/render/contact'
import { renderOpportunity } from '../../../../src/main/monacoSimulator/render/opportunity'
import { DEFAULT_RENDER } from '../../../../src/main/monacoSimulator/render/options'
import type { WorkspaceCache } from '../../../../src/renderer/src/cache/db'
import { withoutBookkeeping } from '../../../../src/renderer/src/cache/records'
import type {
  MonacoEntityRecord,
  MonacoSource,
  MonacoSyncEntity
} from '../../../../src/shared/sync/monacoSource'

export const ENTITIES: readonly MonacoSyncEntity[] = ['accounts', 'contacts', 'opportunities']

export function startOrg(
  data: { seed: number; accounts: number; contacts: number; opportunities: number },
  options: MonacoSimulatorOptions = {}
): Promise<RunningMonacoSimulator> {
  return startMonacoSimulator({ data, rateLimit: false, ...options })
}

/**
 * Admits every request at once: the tests turn the simulator's windows off to run fast (the
 * benchmark runs the real limiter against the simulator's real, time-scaled windows).
 */
export const unlimited: MonacoRateLimiter = {
  acquire: () => Promise.resolve(() => undefined),
  noteRateLimited: () => undefined,
  stats: () => ({
    started: 0,
    inFlight: 0,
    queued: 0,
    maxConcurrent: Infinity,
    windows: [],
    rateLimitedCount: 0,
    pausedUntil: null
  })
}

/** The gateway with fast retries (enough attempts that ~10 % faults never exhaust them). */
export function sourceFor(
  sim: RunningMonacoSimulator,
  client: Partial<MonacoClientOptions> = {}
): MonacoSource {
  return createClientMonacoSource(
    createMonacoClient({
      apiKey: sim.apiKey,
      baseUrl: sim.url,
      timeoutMs: 2_000,
      random: () => 0,
      retry: { maxAttempts: 8, baseDelayMs: 1, maxDelayMs: 5 },
      limiter: unlimited,
      ...client
    })
  )
}

type Replica = { [E in MonacoSyncEntity]: MonacoEntityRecord[E][] }

const keyOf = (entity: MonacoSyncEntity, row: object): string =>
  (row as Record<string, string>)[entity === 'opportunities' ? 'uuid' : 'id'] as string

function sortedBy<T extends object>(entity: MonacoSyncEntity, rows: T[]): T[] {
  return rows.sort((a, b) => (keyOf(entity, a) < keyOf(entity, b) ? -1 : 1))
}

/**
 * The simulator's current records as the engine would receive them: rendered as the server
 * sends them, through JSON, then the gateway's own schemas and mappers (deals to the neutral
 * model with stage keys).
 */
export function expectedReplica(sim: Pick<RunningMonacoSimulator, 'store'>): Replica {
  const { store } = sim
  const lookups = (entity: MonacoSyncEntity): RenderLookups => ({
    user: (id) => store.user(id),
    tag: (id) => store.tag(id),
    customFields: store.customFields(entity)
  })
  const wire = (body: unknown): unknown => JSON.parse(JSON.stringify(body))
  const stageKeyOf = stageKeyLookup(STAGES.map(({ key, label }) => ({ key, label })))
  return {
    accounts: sortedBy(
      'accounts',
      store
        .all('accounts')
        .map((r) =>
          mapAccount(
            wireAccountSchema.parse(
              wire(renderAccount(r, lookups('accounts'), DEFAULT_RENDER, true))
            )
          )
        )
    ),
    contacts: sortedBy(
      'contacts',
      store
        .all('contacts')
        .map((r) =>
          mapContact(
            wireContactSchema.parse(
              wire(renderContact(r, lookups('contacts'), DEFAULT_RENDER, true))
            )
          )
        )
    ),
    opportunities: sortedBy(
      'opportunities',
      store.all('opportunities').map((r) =>
        toDeal(
          mapOpportunity(
            wireOpportunitySchema.parse(
              wire(
                renderOpportunity(r, lookups('opportunities'), DEFAULT_RENDER, {
                  includeCustomFields: true,
                  detail: false
                })
              )
            )
          ),
          stageKeyOf
        )
      )
    )
  }
}

export async function cachedReplica(db: WorkspaceCache): Promise<Replica> {
  const read = async <E extends MonacoSyncEntity>(entity: E): Promise<MonacoEntityRecord[E][]> =>
    sortedBy(
      entity,
      (await db.table(entity).toArray()).map(
        (row) => withoutBookkeeping(row as object) as MonacoEntityRecord[E]
      )
    )
  return {
    accounts: await read('accounts'),
    contacts: await read('contacts'),
    opportunities: await read('opportunities')
  }
}

export function sameReplica(actual: Replica, expected: Replica): boolean {
  return JSON.stringify(actual) === JSON.stringify(expected)
}

/** Rows that are not exactly a current server record (ids listed in `except` aside). */
export function rowsNotOnServer(
  actual: Replica,
  expected: Replica,
  except: ReadonlySet<string> = new Set()
): string[] {
  const problems: string[] = []
  for (const entity of ENTITIES) {
    const wanted = new Map(
      (expected[entity] as object[]).map((r) => [keyOf(entity, r), JSON.stringify(r)])
    )
    for (const row of actual[entity] as object[]) {
      const key = keyOf(entity, row)
      if (except.has(key)) continue
      if (wanted.get(key) !== JSON.stringify(row)) problems.push(`${entity} ${key}`)
    }
  }
  return problems
}

export function idsOf(entity: MonacoSyncEntity, rows: readonly object[]): string[] {
  return rows.map((row) => keyOf(entity, row)).sort()
}
