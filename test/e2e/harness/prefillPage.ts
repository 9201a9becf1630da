/**
 * Runs in the app's page (bundled by prefill.ts): fills a workspace's real IndexedDB cache with
 * generated rows (prefillRows.ts) through the sync's own write path — `beginPass`, then
 * `commitPages` (the page writer: `preparePageRecords` → `writePreparedPage`, with whatever
 * derived fields, index keys and aggregates they maintain), then `finishPass` — exactly as a
 * full sync pass of an empty cache would, only with large pages and no network. So a
 * prefilled cache is one a sync could have produced, and it stays so as the write path grows.
 */
import {
  deleteWorkspaceCache,
  openWorkspaceCache,
  type WorkspaceCache
} from '../../../src/renderer/src/cache'
import { beginPass, commitPages, finishPass } from '../../../src/renderer/src/sync/passStore'
import type { ListPage } from '../../../src/shared/domain'
import type { SyncRecord } from '../../../src/renderer/src/sync/partitions'
import type { SyncResource } from '../../../src/shared/sync/pageSource'
import { activityAt, customerAt, opportunityAt, planAt, type PrefillCounts } from './prefillRows'

export interface PrefillSpec extends PrefillCounts {
  workspace: string
  seed: number
  /** Records per page handed to the page writer (the sync's pages hold 200). */
  pageSize?: number
  /** Pages per transaction (the sync commits the pages already fetched together). */
  pagesPerCommit?: number
}

export interface PrefillReport {
  resource: SyncResource
  rows: number
  ms: number
  /**
   * Every 100,000 rows: rows written so far, ms since the start, the page's JS heap in use
   * (Chromium's performance.memory; null elsewhere). How the sync's writer keeps up as the
   * table grows, and whether its memory stays flat through a pass.
   */
  progress: { rows: number; ms: number; heapBytes: number | null }[]
}

function heapInUse(): number | null {
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory
  return memory ? memory.usedJSHeapSize : null
}

/** Plans first (small), then the tables the others refer to before the ones that refer. */
const ORDER: readonly SyncResource[] = ['plans', 'customers', 'opportunities', 'activities']

function rowAt(resource: SyncResource, spec: PrefillSpec, index: number): SyncRecord {
  switch (resource) {
    case 'customers':
      return customerAt(spec.seed, index)
    case 'activities':
      return activityAt(spec.seed, index, spec)
    case 'opportunities':
      return opportunityAt(spec.seed, index, spec)
    case 'plans':
      return planAt(index)
  }
}

function countOf(resource: SyncResource, spec: PrefillSpec): number {
  return spec[resource]
}

/** Progress lines the Node side can read from the console (prefill.ts). */
export const PROGRESS_PREFIX = '[prefill]'

async function prefillResource(
  db: WorkspaceCache,
  resource: SyncResource,
  spec: PrefillSpec
): Promise<PrefillReport> {
  const total = countOf(resource, spec)
  const pageSize = spec.pageSize ?? 2_000
  const perCommit = spec.pagesPerCommit ?? 5
  const now = new Date().toISOString()
  const started = performance.now()
  const { partitions } = await beginPass(db, {
    resource,
    mode: 'full',
    partitions: [{ id: `${resource}:all`, query: {} }],
    firstPages: new Map(),
    expectedRecords: total,
    checked: true,
    now
  })
  let partition = partitions[0]!
  let cursor: string | null = null
  let next = 0
  let pageNo = 0
  let reported = 0
  const progress: PrefillReport['progress'] = []
  while (next < total) {
    const pages: { page: ListPage<SyncRecord>; nextCursor: string | null }[] = []
    for (let p = 0; p < perCommit && next < total; p++) {
      const end = Math.min(total, next + pageSize)
      const items: SyncRecord[] = []
      for (let i = next; i < end; i++) items.push(rowAt(resource, spec, i))
      next = end
      pageNo += 1
      const hasMore = next < total
      const pageCursor = hasMore ? `prefill-${pageNo}` : null
      pages.push({
        page: { items, skipped: [], cursor: pageCursor, hasMore } as ListPage<SyncRecord>,
        nextCursor: pageCursor
      })
    }
    partition = await commitPages(db, { resource, partition, cursor, pages, mode: 'full', now })
    cursor = pages[pages.length - 1]!.nextCursor
    if (next - reported >= 100_000 || next === total) {
      reported = next
      progress.push({
        rows: next,
        ms: Math.round(performance.now() - started),
        heapBytes: heapInUse()
      })
      console.log(`${PROGRESS_PREFIX} ${resource} ${next}/${total}`)
    }
  }
  await finishPass(db, resource, partition.generation, new Date().toISOString())
  const ms = performance.now() - started
  return { resource, rows: await db.records(resource).count(), ms, progress }
}

/** Rows per table in a workspace's cache now (to reuse a profile prefilled by an earlier run). */
export async function cachedCounts(workspace: string): Promise<PrefillCounts> {
  const db = await openWorkspaceCache(workspace)
  try {
    const [customers, activities, opportunities, plans] = await Promise.all(
      (['customers', 'activities', 'opportunities', 'plans'] as const).map((r) =>
        db.records(r).count()
      )
    )
    return {
      customers: customers!,
      activities: activities!,
      opportunities: opportunities!,
      plans: plans!
    }
  } finally {
    db.close()
  }
}

/**
 * Fills `spec.workspace`'s cache, deleting whatever it held first (a pass into an empty cache,
 * as a first sync). Returns each table's row
 * count afterwards and how long it took.
 */
export async function prefillWorkspace(spec: PrefillSpec): Promise<PrefillReport[]> {
  await deleteWorkspaceCache(spec.workspace)
  const db = await openWorkspaceCache(spec.workspace)
  try {
    const reports: PrefillReport[] = []
    for (const resource of ORDER) {
      if (countOf(resource, spec) > 0) reports.push(await prefillResource(db, resource, spec))
    }
    return reports
  } finally {
    db.close()
  }
}
