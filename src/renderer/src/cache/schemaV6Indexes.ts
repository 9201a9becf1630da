/**
 * Schema version 6, part one: the indexes large-account grids query instead of scanning rows
 * (sort and column filters as index ranges, quick search over a token index; see grid/query/).
 * Every grid table gets `*_words`, a multiEntry index of its rows' search words (tokens.ts);
 * customers also get `company`, a column shown by default and so sorted often. The other sort
 * columns already have indexes; a column without one is sorted by a scan (queryPlan.ts).
 */
import type { Transaction } from 'dexie'
import { rowWords, SEARCH_FIELDS, WORDS_FIELD } from '../grid/query/tokens'

const words = `*${WORDS_FIELD}`

/**
 * Store specs that replace the v5 ones for the tables listed (full spec strings: the v5 ones
 * spelled out, since schema.ts imports this file).
 */
export const V6_INDEX_STORES: Record<string, string> = {
  customers: `uuid, name, email, status, country, mrrCents, customerSince, _gen, company, ${words}`,
  plans: `uuid, name, dataSourceUuid, _gen, ${words}`,
  activities: `uuid, date, type, [customerUuid+date], ${words}`,
  opportunities: `uuid, customerUuid, owner, [pipeline+pipelineStage], estimatedCloseDate, forecastCategory, _gen, _dirty, ${words}`,
  accounts: `id, name, status, domain, createdAt, _gen, ${words}`,
  contacts: `id, accountId, email, lastName, createdAt, _gen, ${words}`
}

/** Backfills `_words` on the rows already cached, so an upgraded cache searches like a new one. */
export async function upgradeIndexesToV6(tx: Transaction): Promise<void> {
  for (const table of Object.keys(SEARCH_FIELDS)) {
    await tx
      .table<Record<string, unknown>, string>(table)
      .toCollection()
      .modify((row) => {
        row[WORDS_FIELD] = rowWords(table, row)
      })
  }
}
