/** Fresh workspace caches over fake-indexeddb, one database name per test. */
import 'fake-indexeddb/auto'
import { openWorkspaceCache, type WorkspaceCache } from '../../../../src/renderer/src/cache/db'

let counter = 0

export function uniqueWorkspaceId(label = 'test'): string {
  counter += 1
  return `${label}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`
}

export async function freshCache(label?: string): Promise<WorkspaceCache> {
  return openWorkspaceCache(uniqueWorkspaceId(label))
}
