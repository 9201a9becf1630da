/** Reads the precomputed aggregates: a few hundred buckets, whatever the account's size. */
import type { Table } from 'dexie'
import type { WorkspaceCache } from '../db'
import {
  AGGREGATE_OF_SOURCE,
  isAggregatedSource,
  type CustomerBucket,
  type DealBucket,
  type MovementBucket
} from './buckets'

export interface StoredBuckets {
  movements: MovementBucket[]
  customers: CustomerBucket[]
  deals: DealBucket[]
}

export function readAggregateBuckets(db: WorkspaceCache): Promise<StoredBuckets> {
  const movements = db.table<MovementBucket, string>('aggMovements')
  const customers = db.table<CustomerBucket, string>('aggCustomers')
  const deals = db.table<DealBucket, string>('aggDeals')
  return db.transaction('r', [movements, customers, deals], async () => {
    const [m, c, d] = await Promise.all([movements.toArray(), customers.toArray(), deals.toArray()])
    return { movements: m, customers: c, deals: d }
  })
}

/** Only the deal buckets (the pipeline dashboard of providers without MRR data). */
export function readDealBuckets(db: WorkspaceCache): Promise<DealBucket[]> {
  return db.table<DealBucket, string>('aggDeals').toArray()
}

/**
 * Rows in `table`: the sum of its aggregate buckets' counts when it has aggregates (every row
 * is in exactly one bucket, buckets.ts), else IndexedDB's own count. Chromium counts by walking
 * the rows (over a second for a million), a few hundred buckets read in milliseconds: this is
 * the "M" of every "N of M" and what picks a grid's row model.
 */
export async function countRows(table: Table): Promise<number> {
  const name = table.name
  const aggregate = isAggregatedSource(name) ? AGGREGATE_OF_SOURCE[name] : null
  if (aggregate === null || !table.db.tables.some((t) => t.name === aggregate)) {
    return table.count()
  }
  const buckets = await table.db.table<{ count: number }, string>(aggregate).toArray()
  return buckets.reduce((sum, bucket) => sum + bucket.count, 0)
}
