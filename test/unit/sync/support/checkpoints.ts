/** Reads the engine's committed checkpoints, to prove a resumed run fetches only what is left. */
import type { WorkspaceCache } from '../../../../src/renderer/src/cache/db'
import type {
  PartitionSyncState,
  ResourceSyncState
} from '../../../../src/renderer/src/cache/syncState'
import { SYNC_RESOURCES, type SyncResource } from '../../../../src/shared/sync/pageSource'
import type { CountingSource } from './countingSource'

export interface Checkpoints {
  /** Generation of each resource's pass in progress. */
  generation: Partial<Record<SyncResource, number>>
  /** Pages committed so far in that pass. */
  pages: Partial<Record<SyncResource, number>>
}

export async function readCheckpoints(db: WorkspaceCache): Promise<Checkpoints> {
  const rows = await db.syncState.toArray()
  const result: Checkpoints = { generation: {}, pages: {} }
  for (const row of rows.filter((r): r is ResourceSyncState => r.kind === 'resource')) {
    if (row.pass !== null) result.generation[row.resource] = row.pass.generation
  }
  for (const row of rows.filter((r): r is PartitionSyncState => r.kind === 'partition')) {
    if (result.generation[row.resource] !== row.generation) continue
    result.pages[row.resource] = (result.pages[row.resource] ?? 0) + row.pages
  }
  return result
}

export async function pagesOfGeneration(
  db: WorkspaceCache,
  resource: SyncResource,
  generation: number
): Promise<number> {
  const rows = await db.syncState.where('resource').equals(resource).toArray()
  return rows
    .filter((r): r is PartitionSyncState => r.kind === 'partition' && r.generation === generation)
    .reduce((sum, r) => sum + r.pages, 0)
}

/**
 * For every resource whose pass was under way at `before`, the resumed run's requests for it
 * versus the pages its pass needed beyond those already committed: equal when nothing
 * committed is fetched again and nothing uncommitted is skipped.
 */
export async function resumeCost(
  db: WorkspaceCache,
  before: Checkpoints,
  resumed: CountingSource
): Promise<Array<{ resource: SyncResource; requests: number; uncommittedPages: number }>> {
  const rows = []
  for (const resource of SYNC_RESOURCES) {
    const generation = before.generation[resource]
    if (generation === undefined) continue
    const total = await pagesOfGeneration(db, resource, generation)
    rows.push({
      resource,
      requests: resumed.requestsFor(resource),
      uncommittedPages: total - (before.pages[resource] ?? 0)
    })
  }
  return rows
}
