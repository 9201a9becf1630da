/**
 * Schema version 6, part one: the indexes large-account grids query instead of scanning rows
 * (sort and column filters as index ranges, quick search over a token index). Owned by the
 * grid query layer; see grid/query/. Empty until that layer lands.
 */
import type { Transaction } from 'dexie'

/** Store specs that replace the v5 ones for the tables listed (full spec strings). */
export const V6_INDEX_STORES: Record<string, string> = {}

/** Backfills whatever the new indexes need from rows already cached. */
export async function upgradeIndexesToV6(tx: Transaction): Promise<void> {
  void tx
}
