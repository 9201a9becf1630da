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
import type { CachedOpportunity, CachedRecord } from '../cache/records'
import type { PassMode } from '../cache/syncState'
import {
  partitionValue,
  recordDate,
  recordMatchesQuery,
  type AnyPageQuery,
  type SyncRecord
} from './partitions'
import { mergePulledOpportunities } from './pulledOpportunities'
import { stampWords } from '../grid/query/tokens'

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
    rows = await mergePulledOpportunities(db, rows as CachedOpportunity[])
  }
  // Quick search's words (grid/query/tokens.ts), derived as the row is written.
  stats.rows = stampWords(resource, rows)
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
