/**
 * The pass lifecycle as database transactions. Every step that changes what a resumed run
 * would do (begin a pass, commit a page and its cursor, add a partition, finish and sweep) is
 * one transaction, so a crash at any moment leaves either the state before or the state after.
 */
import type { Table } from 'dexie'
import type { ListPage } from '../../../shared/domain'
import type { SyncResource } from '../../../shared/sync/pageSource'
import { deleteInChunks } from '../cache/bulk'
import type { WorkspaceCache } from '../cache/db'
import { hasPendingEdits, type CachedOpportunity } from '../cache/records'
import {
  partitionRowId,
  type PartitionSyncState,
  type PassMode,
  type PassSummary,
  type ResourceSyncState,
  type SyncErrorInfo,
  type SyncStateRow
} from '../cache/syncState'
import {
  preparePageRecords,
  writePageRecords,
  writePreparedPage,
  type PageWriteStats
} from './pageWriter'
import { boundedHighWater } from './highWater'
import type { PartitionPlan, SyncRecord } from './partitions'

/** The checkpoint moved on without us: another writer, or the pass was replaced. */
export class StaleCheckpointError extends Error {
  constructor(id: string) {
    super(`The checkpoint of ${id} is no longer the one this page continues.`)
    this.name = 'StaleCheckpointError'
  }
}

const MAX_SKIPPED_KEPT = 20
const MAX_VALUES_KEPT = 50

export function initialResourceState(resource: SyncResource): ResourceSyncState {
  return {
    id: resource,
    kind: 'resource',
    resource,
    generation: 0,
    pass: null,
    lastPass: null,
    lastCompletePassAt: null,
    lastFullPassAt: null,
    lastError: null,
    highWaterDate: null
  }
}

async function getResourceState(
  db: WorkspaceCache,
  resource: SyncResource
): Promise<ResourceSyncState> {
  const row = await db.syncState.get(resource)
  return row?.kind === 'resource' ? row : initialResourceState(resource)
}

export function loadResourceState(
  db: WorkspaceCache,
  resource: SyncResource
): Promise<ResourceSyncState> {
  return getResourceState(db, resource)
}

async function getPartitions(
  db: WorkspaceCache,
  resource: SyncResource,
  generation: number
): Promise<PartitionSyncState[]> {
  const rows = await db.syncState.where('resource').equals(resource).toArray()
  return rows.filter(
    (row): row is PartitionSyncState => row.kind === 'partition' && row.generation === generation
  )
}

/** The partitions of the resource's current pass, in plan order. */
export async function loadPartitions(
  db: WorkspaceCache,
  state: ResourceSyncState
): Promise<PartitionSyncState[]> {
  if (state.pass === null) return []
  const rows = await getPartitions(db, state.resource, state.pass.generation)
  const byId = new Map(rows.map((row) => [row.partition, row]))
  return state.pass.partitionIds.flatMap((id) => byId.get(id) ?? [])
}

function newPartitionRow(
  resource: SyncResource,
  generation: number,
  plan: PartitionPlan,
  now: string
): PartitionSyncState {
  const row: PartitionSyncState = {
    id: partitionRowId(resource, plan.id),
    kind: 'partition',
    resource,
    partition: plan.id,
    query: plan.query,
    generation,
    cursor: null,
    done: false,
    pages: 0,
    records: 0,
    skipped: 0,
    outOfRange: 0,
    maxDate: null,
    lastSkipped: [],
    lastError: null,
    updatedAt: now
  }
  if (plan.collectValues) row.valuesSeen = []
  if (plan.span) row.span = plan.span
  return row
}

function applyPage(
  row: PartitionSyncState,
  stats: PageWriteStats,
  nextCursor: string | null,
  now: string
): PartitionSyncState {
  const next: PartitionSyncState = {
    ...row,
    cursor: nextCursor,
    done: nextCursor === null,
    pages: row.pages + 1,
    records: row.records + stats.written,
    skipped: row.skipped + stats.skipped,
    outOfRange: row.outOfRange + stats.outOfRange,
    maxDate:
      stats.maxDate !== null && (row.maxDate === null || stats.maxDate > row.maxDate)
        ? stats.maxDate
        : row.maxDate,
    lastSkipped: [...row.lastSkipped, ...stats.skippedRecords].slice(-MAX_SKIPPED_KEPT),
    lastError: null,
    updatedAt: now
  }
  if (row.valuesSeen !== undefined) {
    next.valuesSeen = [...new Set([...row.valuesSeen, ...stats.values])].slice(0, MAX_VALUES_KEPT)
  }
  return next
}

export interface BeginPassInput {
  resource: SyncResource
  mode: PassMode
  partitions: PartitionPlan[]
  /** First pages fetched while planning, by partition id; committed with the pass. */
  firstPages: ReadonlyMap<string, ListPage<SyncRecord>>
  expectedRecords: number | null
  sampleUuids?: string[]
  /** No completeness check is needed (a single unfiltered listing). */
  checked: boolean
  now: string
}

/**
 * The tables a page write touches. Opportunities also read the outbox: a row the user deleted
 * locally (delete not pushed yet) must not come back with the page.
 */
function pageTables(db: WorkspaceCache, resource: SyncResource): Table[] {
  const tables: Table[] = [db.records(resource), db.syncState]
  if (resource === 'opportunities') tables.push(db.outbox)
  return tables
}

export async function beginPass(
  db: WorkspaceCache,
  input: BeginPassInput
): Promise<{ state: ResourceSyncState; partitions: PartitionSyncState[] }> {
  const { resource, mode, now } = input
  return db.transaction('rw', pageTables(db, resource), async () => {
    const previous = await getResourceState(db, resource)
    const generation = previous.generation + 1
    const startedEmpty = (await db.records(resource).count()) === 0
    const stale = await db.syncState.where('resource').equals(resource).toArray()
    await db.syncState.bulkDelete(stale.filter((r) => r.kind === 'partition').map((r) => r.id))

    const partitions: PartitionSyncState[] = []
    for (const plan of input.partitions) {
      let row = newPartitionRow(resource, generation, plan, now)
      const page = input.firstPages.get(plan.id)
      if (page !== undefined) {
        const stats = await writePageRecords(db, {
          resource,
          generation,
          mode,
          query: plan.query,
          page,
          collectValues: plan.collectValues === true
        })
        row = applyPage(row, stats, page.hasMore ? page.cursor : null, now)
      }
      partitions.push(row)
    }
    await db.syncState.bulkPut(partitions)

    const state: ResourceSyncState = {
      ...previous,
      generation,
      pass: {
        generation,
        mode,
        startedAt: now,
        partitionIds: input.partitions.map((p) => p.id),
        expectedRecords: input.expectedRecords,
        checked: input.checked,
        ...(startedEmpty ? { startedEmpty } : {}),
        ...(input.sampleUuids ? { sampleUuids: input.sampleUuids } : {})
      }
    }
    await db.syncState.put(state)
    return { state, partitions }
  })
}

/** A fetched page and the cursor that follows it (null: the partition's last page). */
export interface FetchedPageToCommit {
  page: ListPage<SyncRecord>
  nextCursor: string | null
}

export interface PageCommit {
  resource: SyncResource
  partition: PartitionSyncState
  /** The cursor the first page was fetched with (the checkpoint it continues). */
  cursor: string | null
  /** Consecutive pages of the partition, each fetched with the cursor of the one before. */
  pages: readonly FetchedPageToCommit[]
  mode: PassMode
  now: string
  /** Hears the rows as written, inside the transaction: publish them only once it resolves. */
  onRowsWritten?: (rows: readonly object[]) => void
}

/**
 * Commits pages' records together with the checkpoint that follows the last of them, in one
 * transaction: after a crash the partition resumes right after the last page committed, with
 * no gap and no duplicate. Pages that are already fetched when the writer gets to them go in
 * one transaction: IndexedDB writes a few larger transactions markedly faster than many small
 * ones, and writing is what limits a sync in Chromium.
 */
export async function commitPages(
  db: WorkspaceCache,
  commit: PageCommit
): Promise<PartitionSyncState> {
  const { resource, partition } = commit
  return db.transaction('rw', pageTables(db, resource), async () => {
    const stored = db.syncState.get(partition.id)
    const written: object[] = []
    const writes: Promise<unknown>[] = []
    let next = partition
    for (const { page, nextCursor } of commit.pages) {
      const input = {
        resource,
        generation: partition.generation,
        mode: commit.mode,
        query: partition.query,
        page,
        collectValues: partition.valuesSeen !== undefined
      }
      const stats = await preparePageRecords(db, input)
      next = applyPage(next, stats, nextCursor, commit.now)
      writes.push(writePreparedPage(db, input, stats))
      written.push(...stats.rows)
    }
    // Records and checkpoint are queued before the stored checkpoint is checked: if it has
    // moved on (another run, a restart), throwing aborts the transaction and undoes them all.
    writes.push(db.syncState.put(next))
    const all = Promise.all(writes)
    all.catch(() => undefined)
    const row = await stored
    if (!isSameCheckpoint(row, partition)) throw new StaleCheckpointError(partition.id)
    await all
    commit.onRowsWritten?.(written)
    return next
  })
}

/** Whether the stored checkpoint is the one the caller continues from (nothing moved it). */
function isSameCheckpoint(row: SyncStateRow | undefined, expected: PartitionSyncState): boolean {
  return (
    row?.kind === 'partition' &&
    row.generation === expected.generation &&
    !row.done &&
    row.cursor === expected.cursor &&
    row.pages === expected.pages &&
    row.updatedAt === expected.updatedAt
  )
}

/** Records why a partition stopped; its checkpoint stays where it was, for the next run. */
export async function markPartitionFailed(
  db: WorkspaceCache,
  partition: PartitionSyncState,
  error: SyncErrorInfo
): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const row = await db.syncState.get(partition.id)
    if (row?.kind === 'partition' && row.generation === partition.generation) {
      await db.syncState.put({ ...row, lastError: error, updatedAt: error.at })
    }
    const state = await getResourceState(db, partition.resource)
    await db.syncState.put({ ...state, lastError: error })
  })
}

export async function markResourceFailed(
  db: WorkspaceCache,
  resource: SyncResource,
  error: SyncErrorInfo
): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const state = await getResourceState(db, resource)
    await db.syncState.put({ ...state, lastError: error })
  })
}

/**
 * Starts a partition over from its first page (its saved cursor was refused). Rows it already
 * wrote carry this pass's generation, so re-listing them is harmless.
 */
export async function restartPartition(
  db: WorkspaceCache,
  partition: PartitionSyncState,
  now: string
): Promise<PartitionSyncState> {
  return db.transaction('rw', db.syncState, async () => {
    const row = await db.syncState.get(partition.id)
    if (row?.kind !== 'partition' || row.generation !== partition.generation || row.done) {
      throw new StaleCheckpointError(partition.id)
    }
    const next: PartitionSyncState = {
      ...row,
      cursor: null,
      pages: 0,
      records: 0,
      skipped: 0,
      outOfRange: 0,
      updatedAt: now
    }
    await db.syncState.put(next)
    return next
  })
}

/** Marks the completeness check done, adding the fallback partition if it failed. */
export async function recordCompletenessCheck(
  db: WorkspaceCache,
  resource: SyncResource,
  generation: number,
  fallback: PartitionPlan | null,
  now: string
): Promise<PartitionSyncState | null> {
  return db.transaction('rw', db.syncState, async () => {
    const state = await getResourceState(db, resource)
    if (state.pass?.generation !== generation) throw new StaleCheckpointError(resource)
    let added: PartitionSyncState | null = null
    const partitionIds = [...state.pass.partitionIds]
    if (fallback !== null && !partitionIds.includes(fallback.id)) {
      added = newPartitionRow(resource, generation, fallback, now)
      partitionIds.push(fallback.id)
      await db.syncState.put(added)
    }
    await db.syncState.put({
      ...state,
      pass: { ...state.pass, partitionIds, checked: true, fellBack: added !== null }
    })
    return added
  })
}

/**
 * Ends a pass whose partitions are all done. A full pass removes the rows it did not see (the
 * server no longer has them) — except opportunities with local edits still to push — in the
 * same transaction that marks the pass complete.
 */
export async function finishPass(
  db: WorkspaceCache,
  resource: SyncResource,
  generation: number,
  now: string
): Promise<PassSummary> {
  const table = db.records(resource)
  return db.transaction('rw', table, db.syncState, async () => {
    const state = await getResourceState(db, resource)
    const pass = state.pass
    if (pass?.generation !== generation) throw new StaleCheckpointError(resource)
    const partitions = await loadPartitions(db, state)
    if (partitions.some((p) => !p.done)) {
      throw new Error(`finishPass(${resource}): a partition is not done`)
    }

    let removed = 0
    if (pass.mode === 'full' && pass.startedEmpty !== true) {
      const staleRows = db.writtenBefore(resource, generation)
      const keys =
        resource === 'opportunities'
          ? await staleRows
              .filter((row) => !hasPendingEdits(row as CachedOpportunity))
              .primaryKeys()
          : await staleRows.primaryKeys()
      await deleteInChunks(table, keys)
      removed = keys.length
    }

    const sum = (pick: (p: PartitionSyncState) => number): number =>
      partitions.reduce((total, p) => total + pick(p), 0)
    const summary: PassSummary = {
      generation,
      mode: pass.mode,
      startedAt: pass.startedAt,
      completedAt: now,
      pages: sum((p) => p.pages),
      records: sum((p) => p.records),
      skipped: sum((p) => p.skipped),
      removed,
      fellBack: pass.fellBack === true
    }
    const maxDates = partitions.flatMap((p) => (p.maxDate === null ? [] : [p.maxDate]))
    const passMax = maxDates.length > 0 ? maxDates.reduce((a, b) => (a > b ? a : b)) : null
    const newestSeen =
      pass.mode === 'full'
        ? (passMax ?? null)
        : [state.highWaterDate, passMax].reduce<string | null>(
            (a, b) => (a === null ? b : b === null ? a : a > b ? a : b),
            null
          )
    const highWaterDate = boundedHighWater(newestSeen, pass.startedAt)

    await db.syncState.put({
      ...state,
      pass: null,
      lastPass: summary,
      lastCompletePassAt: now,
      lastFullPassAt: pass.mode === 'full' ? now : state.lastFullPassAt,
      lastError: null,
      highWaterDate
    })
    return summary
  })
}
