/**
 * The outbox's `OpportunityWrites` in the app: every write goes through the bridge to the main
 * process, which holds the key and the workspace's request budget. Errors arrive as
 * `BridgeCallError` with a snake_case `code` (see outbox/failures.ts).
 */
import type { OpportunityWrites, WriteOptions } from '../outbox/types'
import { call } from './bridge'

/** The bridge call used (the app's `call`; a test may route it elsewhere). */
export type BridgeInvoke = typeof call

export function checkAbort(options?: WriteOptions): void {
  if (options?.signal?.aborted === true) {
    throw new DOMException('Sending changes was cancelled.', 'AbortError')
  }
}

/**
 * Delete, read and list a customer's (account's) deals: the provider-neutral bridge methods,
 * which main routes to the workspace's gateway. Shared by every provider's writes.
 */
export function bridgeDealReads(
  workspaceId: string,
  invoke: BridgeInvoke
): Pick<OpportunityWrites, 'delete' | 'get' | 'listForCustomer'> {
  return {
    async delete(uuid, options) {
      checkAbort(options)
      await invoke('deleteOpportunity', { workspaceId, uuid })
    },
    async get(uuid, options) {
      checkAbort(options)
      return invoke('getOpportunity', { workspaceId, uuid })
    },
    async listForCustomer(customerUuid, options) {
      checkAbort(options)
      return invoke('listCustomerOpportunities', { workspaceId, customerUuid })
    }
  }
}

export function createBridgeOpportunityWrites(
  workspaceId: string,
  invoke: BridgeInvoke = call
): OpportunityWrites {
  return {
    async create(draft, options) {
      checkAbort(options)
      const clientRef = options?.clientRef
      return invoke('createOpportunity', {
        workspaceId,
        draft,
        ...(clientRef ? { clientRef } : {})
      })
    },
    async update(uuid, patch, options) {
      checkAbort(options)
      return invoke('updateOpportunity', { workspaceId, uuid, patch })
    },
    ...bridgeDealReads(workspaceId, invoke)
  }
}
