/** ChartMogul workspaces: the paged sync engine, the bridge writes, the account's currency. */
import type { OpportunityPatch } from '../../../shared/domain'
import { call } from '../lib/bridge'
import { createBridgeOpportunityWrites } from '../lib/bridgeOpportunityWrites'
import { createBridgePageSource } from '../lib/bridgePageSource'
import { editOpportunity, pagedSyncDealGeneration } from '../outbox'
import { createSyncEngine } from '../sync'
import { customerJump } from '../shell/customerJump'
import type { ProviderAdapter } from './types'

export const chartmogulAdapter: ProviderAdapter = {
  id: 'chartmogul',
  createSyncEngine: ({ workspace, cache, onRecords }) =>
    createSyncEngine({
      db: cache,
      source: createBridgePageSource(workspace.id),
      options: { onRecordsCommitted: onRecords }
    }),
  createWrites: (workspaceId) => createBridgeOpportunityWrites(workspaceId),
  dealGeneration: pagedSyncDealGeneration,
  quickJump: customerJump,
  async refreshAccount(workspaceId) {
    return { account: await call('getAccount', { workspaceId }) }
  },
  // The outbox validates the patch with ChartMogul's schema (unchanged fields are dropped).
  queueQuickEdit: (db, uuid, patch) => editOpportunity(db, uuid, patch as OpportunityPatch)
}
