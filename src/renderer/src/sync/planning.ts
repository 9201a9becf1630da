/**
 * Decides how a new pass of one resource is split. Planning may spend a request or two on
 * probes; a probe that happens to be the first page of the listing it plans is kept as that
 * listing's first page, so a small resource costs exactly one request.
 */
import type { ListPage } from '../../../shared/domain'
import type { ResourceRecord, SyncResource } from '../../../shared/sync/pageSource'
import type { WorkspaceCache } from '../cache/db'
import type { PassMode, ResourceSyncState } from '../cache/syncState'
import type { PageFetch } from './fetching'
import type { ResolvedSyncOptions } from './options'
import {
  KNOWN_STATUS_FILTERS,
  SINCE,
  activityWindows,
  closeDateRanges,
  customerStatusPartitions,
  partitionValue,
  quantileCuts,
  unfilteredPartition,
  type PartitionPlan,
  type SyncRecord
} from './partitions'
import { isoAt } from './clock'
import { boundedHighWater } from './highWater'
import { statusesMissCustomers } from './customerCounts'
import { readMeta, writeMeta } from './syncMeta'
import {
  densitySample,
  equalShareCuts,
  increasingWithin,
  type DensitySample
} from './activityDensity'

export interface PassPlan {
  mode: PassMode
  partitions: PartitionPlan[]
  firstPages: Map<string, ListPage<SyncRecord>>
  expectedRecords: number | null
  sampleUuids?: string[]
  /** True when no completeness check is needed (one unfiltered or incremental listing). */
  checked: boolean
}

export interface PlanningContext {
  db: WorkspaceCache
  options: ResolvedSyncOptions
  fetch: PageFetch
  signal: AbortSignal
}

export function chooseMode(
  resource: SyncResource,
  state: ResourceSyncState,
  full: boolean,
  options: ResolvedSyncOptions
): PassMode {
  // Only activities can be pulled incrementally (`start-date`); nothing else has a filter
  // that finds changed records, so every other pass is full.
  if (resource !== 'activities' || full) return 'full'
  if (state.lastFullPassAt === null || state.highWaterDate === null) return 'full'
  const age = options.clock.now() - Date.parse(state.lastFullPassAt)
  return age >= options.activityFullPassEveryMs ? 'full' : 'incremental'
}

export async function planPass(
  ctx: PlanningContext,
  resource: SyncResource,
  mode: PassMode,
  state: ResourceSyncState
): Promise<PassPlan> {
  if (mode === 'incremental') return planIncrementalActivities(ctx, state)
  const expected = await expectedRecords(ctx.db, resource, state)
  switch (resource) {
    case 'plans':
      return single(resource, expected)
    case 'customers':
      return planCustomers(ctx, expected, state)
    case 'opportunities':
      return planOpportunities(ctx, expected)
    case 'activities':
      return planActivities(ctx, expected)
  }
}

function single(
  resource: SyncResource,
  expectedRecords: number | null,
  firstPage?: ListPage<SyncRecord>,
  collectValues = false
): PassPlan {
  const partition = unfilteredPartition(resource, collectValues)
  const firstPages = new Map<string, ListPage<SyncRecord>>()
  if (firstPage) firstPages.set(partition.id, firstPage)
  return { mode: 'full', partitions: [partition], firstPages, expectedRecords, checked: true }
}

async function expectedRecords(
  db: WorkspaceCache,
  resource: SyncResource,
  state: ResourceSyncState
): Promise<number | null> {
  if (state.lastPass?.mode === 'full') return state.lastPass.records
  const cached = await db.records(resource).count()
  return cached > 0 ? cached : null
}

function partitionCount(ctx: PlanningContext, estimatedRecords: number): number {
  const { perPage, pagesPerPartition, maxPartitions } = ctx.options
  const wanted = Math.ceil(estimatedRecords / (perPage * pagesPerPartition))
  return Math.max(1, Math.min(maxPartitions, wanted))
}

/**
 * Planning requests go before any partition's pages: a whole resource's partitions wait on them,
 * while a page only holds up its own partition (whose priority is the pages it has left).
 */
const PLANNING_PRIORITY = Number.MAX_SAFE_INTEGER

function probe<R extends SyncResource>(
  ctx: PlanningContext,
  resource: R,
  query: Record<string, string>,
  perPage = ctx.options.perPage
): Promise<ListPage<SyncRecord>> {
  return ctx.fetch({ resource, query, perPage }, ctx.signal, PLANNING_PRIORITY)
}

/**
 * By status, after a probe of the unfiltered listing: if that is one page, it is the whole
 * pass; if it shows a status no filter reaches, the whole pass stays unfiltered. So does a
 * listing too short to split: status partitions each round up to whole pages, so they cost
 * more requests than one listing and save little time unless each holds `pagesPerPartition`
 * pages (the probe's `total_pages` says how long the listing is). On a first pass, exact counts
 * (customerCounts.ts) say whether the statuses add up to everyone; if not, the pass is one
 * unfiltered listing and later passes stay unfiltered for a while. Otherwise the probe's
 * records become the sample the completeness check looks for.
 *
 * The counts go out with the probe, not after it: waiting for them delayed the start of the
 * status partitions by a round trip plus a queue behind activity pages, and the longest status
 * chain then ended the sync alone (bench:sync 19.4 s → 22.3 s). Eight one-record requests on a
 * first sync cost less than that, even when the listing turns out too short to split.
 */
async function planCustomers(
  ctx: PlanningContext,
  expected: number | null,
  state: ResourceSyncState
): Promise<PassPlan> {
  const { clock, perPage, pagesPerPartition, unfilteredCustomersForMs } = ctx.options
  const until = await readMeta(ctx.db, 'sync.customers.unfilteredUntil')
  if (until !== undefined && until > clock.now()) {
    return single('customers', expected, undefined, true)
  }
  const counting =
    state.lastPass === null
      ? statusesMissCustomers((query) => probe(ctx, 'customers', query, 1))
      : null
  // Not needed when the probe decides alone; a failure then must not go unhandled.
  counting?.catch(() => undefined)
  const first = await probe(ctx, 'customers', {})
  if (!first.hasMore) return single('customers', expected, first)
  const unreachable = first.items.some((customer) => {
    const value = partitionValue('customers', customer)
    return value === null || !KNOWN_STATUS_FILTERS.includes(value)
  })
  if (unreachable) return single('customers', expected, first, true)
  const pages = first.totalPages ?? (expected === null ? null : Math.ceil(expected / perPage))
  if (pages !== null && pages < KNOWN_STATUS_FILTERS.length * pagesPerPartition) {
    return single('customers', expected, first)
  }
  if (counting !== null) {
    const missed = await counting
    if (missed === true) {
      await writeMeta(
        ctx.db,
        'sync.customers.unfilteredUntil',
        clock.now() + unfilteredCustomersForMs
      )
      return single('customers', expected, first, true)
    }
  }
  return {
    mode: 'full',
    partitions: customerStatusPartitions(),
    firstPages: new Map(),
    expectedRecords: expected,
    sampleUuids: first.items.map((c) => c.uuid),
    checked: false
  }
}

/**
 * By estimated close date, cut at quantiles of the dates already cached (or, on a first sync,
 * of the probe page). Opportunities without a close date match no range, so if any are known
 * the pass stays unfiltered.
 */
async function planOpportunities(ctx: PlanningContext, expected: number | null): Promise<PassPlan> {
  const first = await probe(ctx, 'opportunities', {})
  if (!first.hasMore) return single('opportunities', expected, first)
  const items = first.items as ResourceRecord['opportunities'][]
  const table = ctx.db.opportunities
  const [cached, cachedDates] = await Promise.all([
    table.count(),
    table.orderBy('estimatedCloseDate').keys()
  ])
  const undated =
    cached - cachedDates.length > 0 || items.some((o) => o.estimatedCloseDate === null)
  // First sync: the size is unknown beyond "more than a page"; a few ranges cost at most a few
  // short pages and keep a large pipeline from paging one range at a time.
  const parts =
    expected === null
      ? Math.max(2, Math.ceil(ctx.options.maxPartitions / 2))
      : partitionCount(ctx, expected)
  if (undated || parts <= 1) return single('opportunities', expected, first)

  const dates =
    cachedDates.length >= ctx.options.perPage * 2
      ? (cachedDates as string[])
      : items.flatMap((o) => (o.estimatedCloseDate === null ? [] : [o.estimatedCloseDate])).sort()
  const cuts = quantileCuts(dates, parts)
  if (cuts.length === 0) return single('opportunities', expected, first)
  return {
    mode: 'full',
    partitions: closeDateRanges(cuts),
    firstPages: new Map(),
    expectedRecords: expected,
    checked: false
  }
}

/**
 * By date windows between the oldest and newest activity (two probes, in parallel), cut into
 * equal shares: at quantiles of the cached dates when the cache is populated, else by the
 * density measured at both ends and at a few points in between (one more round of probes).
 */
async function planActivities(ctx: PlanningContext, expected: number | null): Promise<PassPlan> {
  const [first, newest] = await Promise.all([
    probe(ctx, 'activities', { order: 'date' }),
    probe(ctx, 'activities', { order: '-date' })
  ])
  if (!first.hasMore) return single('activities', expected, first)
  const oldestPage = first.items as ResourceRecord['activities'][]
  const newestPage = newest.items as ResourceRecord['activities'][]
  const minMs = Date.parse(oldestPage[0]?.date ?? '')
  const oldestEndMs = Date.parse(oldestPage[oldestPage.length - 1]?.date ?? '')
  const maxMs = Date.parse(newestPage[0]?.date ?? '')
  const newestStartMs = Date.parse(newestPage[newestPage.length - 1]?.date ?? '')
  if (![minMs, oldestEndMs, maxMs, newestStartMs].every(Number.isFinite) || maxMs <= minMs) {
    return single('activities', expected, first)
  }

  // A rough size from the ends of the log, averaged over its span (accounts grow, so the
  // oldest page alone would undercount); enough to choose how many windows to cut.
  const { perPage, pagesPerPartition, maxPartitions } = ctx.options
  const ends = [
    densitySample(oldestPage.length, minMs, oldestEndMs),
    densitySample(newestPage.length, newestStartMs, maxMs)
  ].filter((sample): sample is DensitySample => sample !== null)
  const extrapolated =
    ends.length === 2
      ? (((ends[0] as DensitySample).perMs + (ends[1] as DensitySample).perMs) / 2) *
        (maxMs - minMs)
      : perPage * pagesPerPartition * maxPartitions
  const parts = partitionCount(ctx, Math.max(expected ?? 0, extrapolated))
  if (parts <= 1) return single('activities', expected, first)

  const cuts = await activityCuts(ctx, parts, minMs, maxMs, ends)
  if (cuts.length === 0) return single('activities', expected, first)
  return {
    mode: 'full',
    partitions: activityWindows(cuts, { minMs, maxMs }),
    firstPages: new Map(),
    expectedRecords: expected,
    checked: false
  }
}

/** Interior density probes on a first sync: a handful is enough to see how the account grew. */
const MAX_INTERIOR_PROBES = 7

async function activityCuts(
  ctx: PlanningContext,
  parts: number,
  minMs: number,
  maxMs: number,
  ends: DensitySample[]
): Promise<number[]> {
  const table = ctx.db.activities
  const cached = await table.count()
  if (cached >= ctx.options.perPage * 2) {
    const candidates: number[] = []
    for (let i = 1; i < parts; i++) {
      const [date] = await table
        .orderBy('date')
        .offset(Math.floor((i * cached) / parts))
        .limit(1)
        .keys()
      if (typeof date === 'string') candidates.push(Date.parse(date))
    }
    return increasingWithin(candidates, minMs, maxMs)
  }
  const probes = Math.min(parts - 1, MAX_INTERIOR_PROBES)
  const interior = await Promise.all(
    Array.from({ length: probes }, async (_, i) => {
      const fromMs = Math.round(minMs + ((maxMs - minMs) * (i + 1)) / (probes + 1))
      const page = await probe(ctx, 'activities', { startDate: new Date(fromMs).toISOString() })
      const items = page.items as ResourceRecord['activities'][]
      const lastMs = page.hasMore ? Date.parse(items[items.length - 1]?.date ?? '') : maxMs
      return densitySample(items.length, fromMs, lastMs)
    })
  )
  const samples = [...ends, ...interior.filter((s): s is DensitySample => s !== null)]
  return equalShareCuts(samples, minMs, maxMs, parts)
}

/**
 * From the newest activity a completed pass saw, minus an overlap for late arrivals. The mark is
 * bounded again here by when the last pull started, for caches written before finishPass bounded it.
 */
function planIncrementalActivities(ctx: PlanningContext, state: ResourceSyncState): PassPlan {
  const lastPullAt = state.lastPass?.startedAt ?? isoAt(ctx.options.clock.now())
  const highWater = Date.parse(boundedHighWater(state.highWaterDate, lastPullAt) ?? '')
  const startDate = new Date(highWater - ctx.options.activityOverlapMs).toISOString()
  return {
    mode: 'incremental',
    partitions: [{ id: SINCE, query: { startDate } }],
    firstPages: new Map(),
    expectedRecords: null,
    checked: true
  }
}
