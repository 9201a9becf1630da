/**
 * The outbox's `OpportunityWrites` for a Monaco workspace (placeholder until built in this
 * issue): creates carry the entry's idempotency key; get, delete and a customer's deals use the
 * provider-neutral bridge methods, which main routes to the workspace's gateway.
 */
import type { OpportunityWrites } from '../outbox/types'

export function createBridgeMonacoWrites(workspaceId: string): OpportunityWrites {
  void workspaceId
  throw new Error('Monaco writes are not built yet.')
}
