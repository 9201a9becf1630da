/**
 * Writes one page of records into the cache. Runs inside the caller's `rw` transaction (the
 * one that also advances the partition's checkpoint) and awaits nothing but the database.
 * Under load, what limits a sync in Chromium is IndexedDB's one writer, and page transactions
 * take turns on it: each round trip a transaction waits for while holding its stores is time no
 * other page can be written, so a page's writes are queued together rather than one by one.
 */
import type { ListPage, SkippedRecord } from '../../../shared/domain'
import type { SyncResource } from '../../../shared/sync/pageSource'
import { putInChunks } from '../cache/bulk'
import type { WorkspaceCache } from '../cache/db'
import { hasPendingEdits, type CachedOpportunity, type CachedRecord } from '../cache/records'
import type { PassMode } from '../cache/syncState'
import {
  partitionValue,
  recordDate,
  recordMatchesQuery,
  type AnyPageQuery,
  type SyncRecord
} from './partitions'

export interface PageWriteStats {
  written: number
  skipped: number
  /** Skipped records, as reported plus any without a usable uuid. */
  skippedRecords: SkippedRecord[]
  outOfRange: number
  maxDate: string | null
  values: Set<string | null>
  /** The rows as written (for opportunities: local edits laid over, local deletes left out). */
  rows: readonly CachedRecord[]
}

export interface PageWriteInput {
  resource: SyncResource
  generation: number
  mode: PassMode
  query: AnyPageQuery
  page: ListPage<SyncRecord>
  collectValues: boolean
}

/**
 * Works out what a page writes: its rows (for opportunities, reading the outbox and the cached
 * rows, inside the caller's transaction) and its statistics. Writes nothing.
 */
export async function preparePageRecords(
  db: WorkspaceCache,
  input: PageWriteInput
): Promise<PageWriteStats> {
  const { resource, generation, page } = input
  const skippedRecords = [...page.skipped]
  const valid: SyncRecord[] = []
  page.items.forEach((item, index) => {
    // A row without a key would fail the whole transaction; report it like any bad record.
    if (typeof item.uuid === 'string' && item.uuid !== '') valid.push(item)
    else skippedRecords.push({ index, issues: [{ path: 'uuid', message: 'missing uuid' }] })
  })

  const stats: PageWriteStats = {
    written: valid.length,
    skipped: skippedRecords.length,
    skippedRecords,
    outOfRange: 0,
    maxDate: null,
    values: new Set(),
    rows: []
  }
  for (const record of valid) {
    if (!recordMatchesQuery(resource, input.query, record)) stats.outOfRange += 1
    const date = recordDate(resource, record)
    if (date !== null && (stats.maxDate === null || date > stats.maxDate)) stats.maxDate = date
    if (input.collectValues) stats.values.add(partitionValue(resource, record))
  }

  let rows: CachedRecord[] = valid.map((record) => ({ ...record, _gen: generation }))
  if (resource === 'opportunities') {
    rows = await keepPendingEdits(db, await withoutLocallyDeleted(db, rows as CachedOpportunity[]))
  }
  stats.rows = rows
  return stats
}

/**
 * Writes a prepared page. Returns once every write is queued in the caller's transaction: the
 * caller may queue more (its checkpoint) before awaiting, so the transaction makes one round
 * trip to the database instead of one per step.
 */
export function writePreparedPage(
  db: WorkspaceCache,
  input: Pick<PageWriteInput, 'resource' | 'generation' | 'mode'>,
  stats: PageWriteStats
): Promise<unknown> {
  const table = db.records(input.resource)
  const writes: Promise<unknown>[] = [putInChunks(table, stats.rows)]
  // A full pass removes rows it did not write. A record that arrived malformed still exists on
  // the server, so its last good copy is kept: stamp it as seen.
  const skippedIds = stats.skippedRecords.flatMap((s) => (s.id === undefined ? [] : [s.id]))
  if (input.mode === 'full' && skippedIds.length > 0) {
    writes.push(table.where(':id').anyOf(skippedIds).modify({ _gen: input.generation }))
  }
  return Promise.all(writes)
}

export async function writePageRecords(
  db: WorkspaceCache,
  input: PageWriteInput
): Promise<PageWriteStats> {
  const stats = await preparePageRecords(db, input)
  await writePreparedPage(db, input, stats)
  return stats
}

/**
 * A row the user deleted here stays deleted while its delete waits in the outbox (the caller's
 * transaction includes the outbox table for opportunities).
 */
async function withoutLocallyDeleted(
  db: WorkspaceCache,
  incoming: CachedOpportunity[]
): Promise<CachedOpportunity[]> {
  if (incoming.length === 0) return incoming
  const queued = await db.outbox
    .where('opportunityUuid')
    .anyOf(incoming.map((row) => row.uuid))
    .filter((entry) => entry.kind === 'delete')
    .toArray()
  if (queued.length === 0) return incoming
  const deleted = new Set(queued.map((entry) => entry.opportunityUuid))
  return incoming.filter((row) => !deleted.has(row.uuid))
}

/** A pull never overwrites fields the user changed locally and that are not pushed yet. */
async function keepPendingEdits(
  db: WorkspaceCache,
  incoming: CachedOpportunity[]
): Promise<CachedOpportunity[]> {
  const existing = await db.opportunities.bulkGet(incoming.map((row) => row.uuid))
  return incoming.map((row, i) => {
    const local = existing[i]
    if (local === undefined || !hasPendingEdits(local)) return { ...row, _dirty: 0 }
    const merged: CachedOpportunity = { ...row, _pending: local._pending, _dirty: 1 }
    for (const field of local._pending ?? []) {
      ;(merged as unknown as Record<string, unknown>)[field] = local[field]
    }
    return merged
  })
}
