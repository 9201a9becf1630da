/**
 * One step's records as cache rows: keyed, stamped with the pass's generation, and for deals
 * merged with local edits the outbox has not pushed (the same merge the ChartMogul pull uses).
 * A record without a usable key would fail the whole transaction, so it is reported as skipped.
 */
import { stampWords } from '../grid/query/tokens'
import type { SkippedRecord } from '../../../shared/domain'
import type { MonacoSyncEntity } from '../../../shared/sync/monacoSource'
import type { WorkspaceCache } from '../cache/db'
import type { CachedAccount, CachedContact, CachedOpportunity } from '../cache/records'
import { mergePulledOpportunities } from '../sync/pulledOpportunities'
import type { Table } from 'dexie'

export type MonacoCachedRow = CachedAccount | CachedContact | CachedOpportunity

/** The cached table of one entity, typed loosely for code generic over entities. */
export function entityTable(
  db: WorkspaceCache,
  entity: MonacoSyncEntity
): Table<MonacoCachedRow, string> {
  return db.table(entity)
}

/** The tables a step of `entity` writes in one transaction. */
export function stepTables(db: WorkspaceCache, entity: MonacoSyncEntity): Table[] {
  const tables: Table[] = [entityTable(db, entity), db.monacoSync]
  // Deals: the merge reads the outbox (queued deletes) in the same transaction.
  if (entity === 'opportunities') tables.push(db.outbox)
  return tables
}

export function keyOf(entity: MonacoSyncEntity, record: object): unknown {
  return (record as Record<string, unknown>)[entity === 'opportunities' ? 'uuid' : 'id']
}

export interface PreparedRows {
  rows: MonacoCachedRow[]
  /** Records that could not be kept (reported by main, plus any without a key). */
  skipped: SkippedRecord[]
}

/** Runs inside the step's transaction (deals read the outbox and their cached rows). */
export async function prepareRows(
  db: WorkspaceCache,
  entity: MonacoSyncEntity,
  items: readonly object[],
  skipped: readonly SkippedRecord[],
  generation: number
): Promise<PreparedRows> {
  const allSkipped = [...skipped]
  const rows: MonacoCachedRow[] = []
  items.forEach((item, index) => {
    const key = keyOf(entity, item)
    if (typeof key === 'string' && key !== '') {
      rows.push({ ...item, _gen: generation } as MonacoCachedRow)
    } else {
      allSkipped.push({
        index,
        issues: [{ path: entity === 'opportunities' ? 'uuid' : 'id', message: 'missing id' }]
      })
    }
  })
  // Quick search's words (grid/query/tokens.ts), derived as the row is written.
  if (entity !== 'opportunities') return { rows: stampWords(entity, rows), skipped: allSkipped }
  return {
    rows: stampWords(entity, await mergePulledOpportunities(db, rows as CachedOpportunity[])),
    skipped: allSkipped
  }
}
