/**
 * Reading and writing outbox entries and the opportunity rows they shadow. Every function here
 * runs inside the caller's transaction (it uses the table handles given).
 */
import { stampWords } from '../grid/query/tokens'
import type { Table } from 'dexie'
import type { CachedOpportunity, EditableOpportunityField, WorkspaceCache } from '../cache'
// From records itself: the cache's index loads Dexie, which the outbox must not load first.
import { isEditableOpportunityField } from '../cache/records'
import { rowMapOf, setAt, topFieldOf } from './rowPaths'
import type { PushEntry } from './types'

export function outboxTable(db: WorkspaceCache): Table<PushEntry, number> {
  return db.outbox as Table<PushEntry, number>
}

/** The tables a write to the outbox touches, for `db.transaction('rw', …)`. */
export function outboxTables(db: WorkspaceCache): [Table, Table, Table] {
  return [db.opportunities, db.outbox, db.meta]
}

export async function entriesFor(db: WorkspaceCache, uuid: string): Promise<PushEntry[]> {
  return outboxTable(db).where('opportunityUuid').equals(uuid).sortBy('id')
}

/** Every entry, in push order. */
export async function allEntries(db: WorkspaceCache): Promise<PushEntry[]> {
  return outboxTable(db).orderBy('id').toArray()
}

/** Fields with local values still waiting to be pushed, over the given entries. */
export function pendingFieldsOf(entries: readonly PushEntry[]): EditableOpportunityField[] {
  const fields = new Set<EditableOpportunityField>()
  for (const entry of entries)
    for (const path of Object.keys(rowMapOf(entry))) {
      // Every path a checked payload yields is a deal field; anything else is not a deal's.
      const field = topFieldOf(path)
      if (isEditableOpportunityField(field)) fields.add(field)
    }
  return [...fields].sort()
}

/** Lays the entries' local values over `row` (in order), returning a copy. */
export function overlayEntries<T extends object>(row: T, entries: readonly PushEntry[]): T {
  const copy = { ...row } as Record<string, unknown>
  for (const entry of entries) {
    for (const [path, value] of Object.entries(rowMapOf(entry))) setAt(copy, path, value)
  }
  return copy as T
}

export function withPending(
  row: CachedOpportunity,
  entries: readonly PushEntry[]
): CachedOpportunity {
  const pending = pendingFieldsOf(entries)
  const next: CachedOpportunity = { ...row, _dirty: pending.length > 0 ? 1 : 0 }
  if (pending.length > 0) next._pending = pending
  else delete next._pending
  // A local edit may change what quick search finds the deal by (grid/query/tokens.ts).
  return stampWords('opportunities', [next])[0]!
}

/** Recomputes a row's `_pending`/`_dirty` from its remaining entries. */
export async function refreshPending(db: WorkspaceCache, uuid: string): Promise<void> {
  const row = await db.opportunities.get(uuid)
  if (row === undefined) return
  await db.opportunities.put(withPending(row, await entriesFor(db, uuid)))
}

// ---- uuids that creates have claimed -----------------------------------------------------
// Reconciliation must not adopt an opportunity another lost create already adopted (two
// identical drafts). The claims live in `meta`, bounded.

const CLAIMED_KEY = 'outbox.claimedUuids'
const MAX_CLAIMS = 2_000

export async function claimedUuids(db: WorkspaceCache): Promise<Set<string>> {
  const entry = await db.meta.get(CLAIMED_KEY)
  return new Set(Array.isArray(entry?.value) ? (entry.value as string[]) : [])
}

export async function addClaim(db: WorkspaceCache, uuid: string): Promise<void> {
  const claims = [...(await claimedUuids(db)), uuid].slice(-MAX_CLAIMS)
  await db.meta.put({ key: CLAIMED_KEY, value: claims })
}
