/**
 * What a pull may write over the cached deals, for every provider: a pull never overwrites
 * fields the user changed locally and has not pushed yet, and never brings back a deal whose
 * delete waits in the outbox. Runs inside the caller's `rw` transaction, which must include
 * `opportunities` and `outbox`.
 */
import type { WorkspaceCache } from '../cache/db'
import { hasPendingEdits, type CachedOpportunity } from '../cache/records'

export async function mergePulledOpportunities(
  db: WorkspaceCache,
  incoming: CachedOpportunity[]
): Promise<CachedOpportunity[]> {
  return keepPendingEdits(db, await withoutLocallyDeleted(db, incoming))
}

/** A row the user deleted here stays deleted while its delete waits in the outbox. */
async function withoutLocallyDeleted(
  db: WorkspaceCache,
  incoming: CachedOpportunity[]
): Promise<CachedOpportunity[]> {
  if (incoming.length === 0) return incoming
  const queued = await db.outbox
    .where('opportunityUuid')
    .anyOf(incoming.map((row) => row.uuid))
    .filter((entry) => entry.kind === 'delete')
    .toArray()
  if (queued.length === 0) return incoming
  const deleted = new Set(queued.map((entry) => entry.opportunityUuid))
  return incoming.filter((row) => !deleted.has(row.uuid))
}

/** Pending fields keep their local values; the row stays marked dirty. */
async function keepPendingEdits(
  db: WorkspaceCache,
  incoming: CachedOpportunity[]
): Promise<CachedOpportunity[]> {
  const existing = await db.opportunities.bulkGet(incoming.map((row) => row.uuid))
  return incoming.map((row, i) => {
    const local = existing[i]
    if (local === undefined || !hasPendingEdits(local)) return { ...row, _dirty: 0 }
    const merged: CachedOpportunity = { ...row, _pending: local._pending, _dirty: 1 }
    for (const field of local._pending ?? []) {
      ;(merged as unknown as Record<string, unknown>)[field] = local[field]
    }
    return merged
  })
}
