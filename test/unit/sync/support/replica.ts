/**
 * What "an exact replica" means: every cached row, minus the engine's bookkeeping, deep-equals
 * the simulator's current record mapped through the gateway's own mappers — and nothing else
 * is cached.
 */
import {
  mapActivity,
  mapCustomer,
  mapOpportunity,
  mapPlan,
  wireActivitySchema,
  wireCustomerSchema,
  wireOpportunitySchema,
  wirePlanSchema
} from '../../../../src/main/chartmogul'
import type { RunningSimulator } from '../../../../src/main/simulator'
import type { WorkspaceCache } from '../../../../src/renderer/src/cache/db'
import { withoutBookkeeping } from '../../../../src/renderer/src/cache/records'
import type { ResourceRecord, SyncResource } from '../../../../src/shared/sync/pageSource'

type Replica = { [R in SyncResource]: ResourceRecord[R][] }

const byUuid = (a: { uuid: string }, b: { uuid: string }): number =>
  a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0

/** The wire records as they would arrive: through JSON, then the gateway's schema and mapper. */
export function expectedReplica(sim: RunningSimulator): Replica {
  const viaWire = <W, D>(
    records: readonly unknown[],
    parse: (raw: unknown) => W,
    map: (w: W) => D
  ) => records.map((record) => map(parse(JSON.parse(JSON.stringify(record)))))
  const { store } = sim
  return {
    customers: viaWire(store.customers(), (r) => wireCustomerSchema.parse(r), mapCustomer).sort(
      byUuid
    ),
    plans: viaWire(store.plans(), (r) => wirePlanSchema.parse(r), mapPlan).sort(byUuid),
    activities: viaWire(store.activities(), (r) => wireActivitySchema.parse(r), mapActivity).sort(
      byUuid
    ),
    opportunities: viaWire(
      store.opportunities(),
      (r) => wireOpportunitySchema.parse(r),
      mapOpportunity
    ).sort(byUuid)
  }
}

export async function cachedReplica(db: WorkspaceCache): Promise<Replica> {
  const read = async <R extends SyncResource>(resource: R): Promise<ResourceRecord[R][]> =>
    (await db.records(resource).toArray())
      .map((row) => withoutBookkeeping(row) as unknown as ResourceRecord[R])
      .sort(byUuid)
  return {
    customers: await read('customers'),
    plans: await read('plans'),
    activities: await read('activities'),
    opportunities: await read('opportunities')
  }
}

export function counts(replica: Replica): Record<SyncResource, number> {
  return {
    customers: replica.customers.length,
    plans: replica.plans.length,
    activities: replica.activities.length,
    opportunities: replica.opportunities.length
  }
}

/**
 * Deep equality, fast: rows come out of the same mappers, so equal rows serialize identically.
 * Only when the serializations differ is the slower `toEqual` used, for its readable diff.
 */
export function sameReplica(actual: Replica, expected: Replica): boolean {
  return JSON.stringify(actual) === JSON.stringify(expected)
}

/** Every row of `actual` is a server record exactly as the server has it (none invented or stale). */
export function corruptRows(actual: Replica, expected: Replica): string[] {
  const problems: string[] = []
  for (const resource of Object.keys(expected) as SyncResource[]) {
    const wanted = new Map(expected[resource].map((r) => [r.uuid, JSON.stringify(r)]))
    for (const row of actual[resource]) {
      if (wanted.get(row.uuid) !== JSON.stringify(row)) problems.push(`${resource} ${row.uuid}`)
    }
  }
  return problems
}
