/**
 * The cache's IndexedDB schema, version by version. Indexes are what the grids filter and sort
 * on, plus `_gen` so a complete pass can find rows the server no longer has. A version gets an
 * `upgrade()` only when existing data has to move; index-only changes need none.
 */
import type { Transaction } from 'dexie'
import { hasPendingEdits, type CachedOpportunity } from './records'
import { upgradeIndexesToV6, V6_INDEX_STORES } from './schemaV6Indexes'
import { upgradeAggregatesToV6, V6_AGGREGATE_STORES } from './schemaV6Aggregates'

/** Version 1: the initial layout. Kept verbatim so upgrades from it can be tested. */
export const SCHEMA_V1 = {
  customers: 'uuid, name, email, status, country, mrrCents, customerSince, _gen',
  plans: 'uuid, name, dataSourceUuid, _gen',
  activities: 'uuid, date, customerUuid, type, [customerUuid+date], _gen',
  opportunities:
    'uuid, customerUuid, owner, [pipeline+pipelineStage], estimatedCloseDate, forecastCategory, _gen',
  syncState: 'id, kind, resource',
  outbox: '++id, opportunityUuid, status, createdAt',
  meta: 'key'
} as const

/**
 * Version 2: opportunities get `_dirty` (1 while local edits are pending), indexed so "rows
 * awaiting push" is a key range instead of a table scan. Existing rows are backfilled.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  opportunities: `${SCHEMA_V1.opportunities}, _dirty`
} as const

/**
 * Version 3: activities, by far the largest table and the one written most, keep only the
 * indexes something reads. `customerUuid` alone is answered by the `[customerUuid+date]`
 * compound index (Dexie uses its first part as a virtual index); `_gen` is read only when a
 * weekly full pass ends, where a scan is cheaper than maintaining an index on every write.
 * Measured: the two dropped indexes cost about a sixth of the table's write time.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  activities: 'uuid, date, type, [customerUuid+date]'
} as const

/**
 * Version 4: Monaco workspaces. Their accounts, contacts, users (deal owners) and tags get
 * tables of their own; their deals use `opportunities` (the provider-neutral deal), so the
 * outbox, editor and grids serve both providers. `monacoSync` holds one row per Monaco entity:
 * the pass's keyset position, generation and incremental high-water mark. A ChartMogul
 * workspace's database has these tables empty; nothing existing moves.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  accounts: 'id, name, status, domain, createdAt, _gen',
  contacts: 'id, accountId, email, lastName, createdAt, _gen',
  users: 'id',
  tags: 'id, name',
  monacoSync: 'entity'
} as const

/**
 * Version 5: saved views (a named set of columns, sort and filters per grid; see
 * savedViews.ts). `nameKey` is the name trimmed and lower-cased, unique per grid, so the
 * database itself refuses a second "Past due" beside "past due ". Nothing existing moves.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  savedViews: 'id, grid, &[grid+nameKey]'
} as const

/**
 * Version 6: large accounts. The grids' index queries (schemaV6Indexes.ts) and the
 * precomputed aggregates (schemaV6Aggregates.ts), each backfilled from the cached rows, so an
 * upgraded cache answers exactly as a freshly synced one.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  ...V6_INDEX_STORES,
  ...V6_AGGREGATE_STORES
} as const

export const CACHE_SCHEMA_VERSION = 6

export async function upgradeToV6(tx: Transaction): Promise<void> {
  await upgradeIndexesToV6(tx)
  await upgradeAggregatesToV6(tx)
}

export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<CachedOpportunity, string>('opportunities')
    .toCollection()
    .modify((row) => {
      row._dirty = hasPendingEdits(row) ? 1 : 0
    })
}
