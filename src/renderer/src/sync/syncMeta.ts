/** What the engine learns across passes, kept in the cache's key/value `meta` table. */
import type { WorkspaceCache } from '../cache/db'

export interface SyncMeta {
  /** Until then (epoch ms), customers are listed unfiltered: some status no filter reaches. */
  'sync.customers.unfilteredUntil': number
  /** Customer uuids that activities or opportunities name but no customer listing returns. */
  'sync.customers.danglingRefs': string[]
}

export async function readMeta<K extends keyof SyncMeta>(
  db: WorkspaceCache,
  key: K
): Promise<SyncMeta[K] | undefined> {
  const entry = await db.meta.get(key)
  return entry?.value as SyncMeta[K] | undefined
}

export async function writeMeta<K extends keyof SyncMeta>(
  db: WorkspaceCache,
  key: K,
  value: SyncMeta[K]
): Promise<void> {
  await db.meta.put({ key, value })
}
