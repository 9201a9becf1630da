/**
 * A partitioned listing only covers what its filters reach. ChartMogul returns no totals, so
 * after the partitions of a full pass finish we look for evidence that something was missed;
 * any evidence adds one unfiltered listing to the pass before stale rows are removed.
 */
import type { SyncResource } from '../../../shared/sync/pageSource'
import type { WorkspaceCache } from '../cache/db'
import type { CachedActivity } from '../cache/records'
import type { PartitionSyncState, ResourceSyncState } from '../cache/syncState'
import type { ResolvedSyncOptions } from './options'
import { KNOWN_STATUS_FILTERS, UNFILTERED } from './partitions'
import { readMeta, writeMeta } from './syncMeta'

export type IncompletenessReason =
  /** A partition returned records outside its filter: the server does not filter as assumed. */
  | 'filter_mismatch'
  /** Records of the unfiltered sample page were not returned by any partition. */
  | 'sample_missed'
  /** Activities or opportunities name customers that no partition returned. */
  | 'dangling_references'
  /** The pass would remove an unusual share of the cached rows. */
  | 'mass_removal'

export async function findIncompleteness(
  db: WorkspaceCache,
  options: ResolvedSyncOptions,
  state: ResourceSyncState,
  partitions: readonly PartitionSyncState[]
): Promise<IncompletenessReason | null> {
  const pass = state.pass
  if (pass === null || pass.mode !== 'full') return null
  if (partitions.length <= 1 || partitions.some((p) => p.partition === UNFILTERED)) return null
  const generation = pass.generation

  if (partitions.some((p) => p.outOfRange > 0)) return 'filter_mismatch'

  if (state.resource === 'customers') {
    // Records reported as malformed were listed: the server has them, their partition saw them.
    const skipped = new Set(partitions.flatMap((p) => p.lastSkipped.flatMap((s) => s.id ?? [])))
    const seen = await customersOfPass(db, generation)
    const missed = (uuids: readonly string[]) =>
      uuids.filter((uuid) => !seen.has(uuid) && !skipped.has(uuid))
    if (pass.sampleUuids && missed(pass.sampleUuids).length > 0) return 'sample_missed'
    if (missed(await referencedCustomers(db)).length > 0) return 'dangling_references'
  }

  const table = db.records(state.resource)
  const total = await table.count()
  const stale =
    pass.startedEmpty === true ? 0 : await db.writtenBefore(state.resource, generation).count()
  if (stale > options.massRemovalFloor && stale > options.massRemovalShare * total) {
    return 'mass_removal'
  }
  return null
}

/**
 * After an unfiltered fallback: if it met customers with a status no filter reaches, list them
 * unfiltered for a while instead of failing the check every pass; and remember references
 * that no listing can satisfy so they stop triggering the check.
 */
export async function learnFromFallback(
  db: WorkspaceCache,
  options: ResolvedSyncOptions,
  resource: SyncResource,
  partitions: readonly PartitionSyncState[],
  generation: number
): Promise<void> {
  if (resource !== 'customers') return
  const fallback = partitions.find((p) => p.partition === UNFILTERED)
  if (fallback?.valuesSeen === undefined) return
  const unreachable = fallback.valuesSeen.some(
    (value) => value === null || !KNOWN_STATUS_FILTERS.includes(value)
  )
  if (unreachable) {
    await writeMeta(
      db,
      'sync.customers.unfilteredUntil',
      options.clock.now() + options.unfilteredCustomersForMs
    )
  }
  const seen = await customersOfPass(db, generation)
  const referenced = await referencedCustomers(db, false)
  await writeMeta(
    db,
    'sync.customers.danglingRefs',
    referenced.filter((uuid) => !seen.has(uuid))
  )
}

/**
 * The customers this pass has written: the `_gen` index's keys in one request, cheaper than
 * fetching thousands of rows one by one.
 */
async function customersOfPass(db: WorkspaceCache, generation: number): Promise<Set<string>> {
  return new Set(await db.customers.where('_gen').aboveOrEqual(generation).primaryKeys())
}

/** Customers that cached activities and deals name (less those known to be dangling). */
async function referencedCustomers(
  db: WorkspaceCache,
  excludeKnownDangling = true
): Promise<string[]> {
  const [fromActivities, fromOpportunities, dangling] = await Promise.all([
    activityCustomerUuids(db),
    db.opportunities.orderBy('customerUuid').uniqueKeys(),
    excludeKnownDangling ? readMeta(db, 'sync.customers.danglingRefs') : undefined
  ])
  const ignored = new Set(dangling ?? [])
  const referenced = new Set<string>()
  for (const key of [...fromActivities, ...fromOpportunities]) {
    if (typeof key === 'string' && !ignored.has(key)) referenced.add(key)
  }
  return [...referenced]
}

/** Activities read per request when listing the customers they name. */
const READ_CHUNK = 5_000

/**
 * Customers that cached activities name. Whole rows in primary-key chunks, because that is
 * what IndexedDB reads fastest (`getAll` with a range and a count): walking the
 * `[customerUuid+date]` index for its keys takes a database round trip per key, measured in
 * Chromium at 50,000 activities as 1.8 s against 0.75 s for the rows. Chunks keep memory
 * bounded on large accounts. The engine runs this once the run's other resources have fetched
 * (FetchBarrier), so it does not hold up their writes.
 */
async function activityCustomerUuids(db: WorkspaceCache): Promise<string[]> {
  const uuids = new Set<string>()
  let after: string | null = null
  for (;;) {
    const chunk: CachedActivity[] =
      after === null
        ? await db.activities.limit(READ_CHUNK).toArray()
        : await db.activities.where(':id').above(after).limit(READ_CHUNK).toArray()
    for (const row of chunk) if (row.customerUuid !== null) uuids.add(row.customerUuid)
    const last = chunk[chunk.length - 1]
    if (chunk.length < READ_CHUNK || last === undefined) break
    after = last.uuid
  }
  return [...uuids]
}
