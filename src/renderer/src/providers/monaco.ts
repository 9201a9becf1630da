/**
 * Monaco workspaces: the keyset sync engine over the bridge, writes with idempotency keys, and
 * no account currency to fetch (Monaco has no such setting; a deal names its own currency).
 */
import type { MonacoDealPatch } from '../../../shared/domain'
import { createBridgeMonacoSource } from '../lib/bridgeMonacoSource'
import { createBridgeMonacoWrites } from '../lib/bridgeMonacoWrites'
import { createMonacoSyncEngine, loadMonacoSyncRow } from '../monacoSync'
import { queueMonacoDealEdit } from './monacoDealQueue'
import { accountJump } from '../shell/accountJump'
import type { ProviderAdapter } from './types'

export const monacoAdapter: ProviderAdapter = {
  id: 'monaco',
  createSyncEngine: ({ workspace, cache, onRecords }) =>
    createMonacoSyncEngine({
      db: cache,
      source: createBridgeMonacoSource(workspace.id),
      options: { onRecordsCommitted: onRecords }
    }),
  createWrites: (workspaceId) => createBridgeMonacoWrites(workspaceId),
  // The Monaco sync keeps one row per entity in `monacoSync`, its generation included.
  dealGeneration: {
    tables: (db) => [db.monacoSync],
    read: async (db) => (await loadMonacoSyncRow(db, 'opportunities')).generation
  },
  quickJump: accountJump,
  refreshAccount: () => Promise.resolve(null),
  // Checked with Monaco's patch rules there: a field Monaco lacks is refused with a message.
  queueQuickEdit: (db, uuid, patch) => queueMonacoDealEdit(db, uuid, patch as MonacoDealPatch)
}
