/**
 * The aggregates computed from scratch: the reference the incremental maintenance is tested
 * against, the schema upgrade's backfill, and a repair (`rebuildAggregates`) should one ever be
 * needed. Streams the rows (no table is held in memory; the buckets are few).
 */
import type { Table, Transaction } from 'dexie'
import type { WorkspaceCache } from '../db'
import {
  AGGREGATE_OF_SOURCE,
  addDelta,
  contributionOf,
  type AggregateTableName,
  type AggregatedSource,
  type AnyBucket,
  type BucketDeltas
} from './buckets'

export type AggregateRows = Record<AggregateTableName, AnyBucket[]>

const SOURCES = Object.keys(AGGREGATE_OF_SOURCE) as AggregatedSource[]

type TableOf = (name: string) => Table

async function computeWith(table: TableOf): Promise<AggregateRows> {
  const result = {} as AggregateRows
  for (const source of SOURCES) {
    const deltas: BucketDeltas = new Map()
    await table(source).each((row: unknown) => {
      addDelta(deltas, contributionOf(source, row), 1)
    })
    result[AGGREGATE_OF_SOURCE[source]] = sortById(
      [...deltas.values()].filter((b) => b.count !== 0)
    )
  }
  return result
}

function sortById(rows: AnyBucket[]): AnyBucket[] {
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** What the aggregate tables should hold, computed from the rows (writes nothing). */
export function computeAggregates(db: WorkspaceCache): Promise<AggregateRows> {
  const sources = SOURCES.map((source) => db.table(source))
  return db.transaction('r', sources, () => computeWith((name) => db.table(name)))
}

/** The aggregate tables as stored, by id. */
export function readStoredAggregates(db: WorkspaceCache): Promise<AggregateRows> {
  const names = Object.values(AGGREGATE_OF_SOURCE)
  return db.transaction('r', names, async () => {
    const result = {} as AggregateRows
    for (const name of names) result[name] = await db.table<AnyBucket, string>(name).toArray()
    return result
  })
}

async function replaceWith(table: TableOf, rows: AggregateRows): Promise<void> {
  for (const [name, buckets] of Object.entries(rows)) {
    await table(name).clear()
    await table(name).bulkAdd(buckets)
  }
}

/** Recomputes every aggregate from the cached rows, in one transaction with them. */
export function rebuildAggregates(db: WorkspaceCache): Promise<void> {
  const tables = [...SOURCES, ...Object.values(AGGREGATE_OF_SOURCE)].map((n) => db.table(n))
  return db.transaction('rw', tables, async () => {
    const table: TableOf = (name) => db.table(name)
    await replaceWith(table, await computeWith(table))
  })
}

/** The schema upgrade's backfill, inside the version-change transaction. */
export async function buildAggregatesIn(tx: Transaction): Promise<void> {
  const table: TableOf = (name) => tx.table(name)
  await replaceWith(table, await computeWith(table))
}
