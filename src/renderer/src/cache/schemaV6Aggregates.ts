/**
 * Schema version 6, part two: precomputed aggregates (per-month MRR movement, customers per
 * status and currency, deal totals per stage) kept up to date in the same transactions that
 * write the rows they summarise (cache/aggregates/). One aggregate table per summarised table,
 * so page transactions of different resources keep disjoint scopes (IndexedDB runs read-write
 * transactions with overlapping scopes one after another).
 */
import type { Transaction } from 'dexie'
import { buildAggregatesIn } from './aggregates/rebuild'

/** New tables for the aggregates (store specs): buckets keyed by their grouping. */
export const V6_AGGREGATE_STORES = {
  aggMovements: 'id',
  aggCustomers: 'id',
  aggDeals: 'id'
} as const

/** Builds the aggregates from rows already cached. */
export async function upgradeAggregatesToV6(tx: Transaction): Promise<void> {
  await buildAggregatesIn(tx)
}
