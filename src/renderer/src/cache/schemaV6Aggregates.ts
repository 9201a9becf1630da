/**
 * Schema version 6, part two: precomputed aggregates (per-month MRR movement, pipeline
 * totals) kept up to date in the same transactions that write the rows they summarise.
 * Owned by cache/aggregates/. Empty until that layer lands.
 */
import type { Transaction } from 'dexie'

/** New tables for the aggregates (store specs). */
export const V6_AGGREGATE_STORES: Record<string, string> = {}

/** Builds the aggregates from rows already cached. */
export async function upgradeAggregatesToV6(tx: Transaction): Promise<void> {
  void tx
}
