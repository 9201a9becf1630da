/**
 * The outbox's `OpportunityWrites` in the app: every write goes through the bridge to the main
 * process, which holds the key and the workspace's request budget. Errors arrive as
 * `BridgeCallError` with a snake_case `code` (see outbox/failures.ts).
 */
import type { OpportunityWrites, WriteOptions } from '../outbox/types'
import { call } from './bridge'

/** The bridge call used (the app's `call`; a test may route it elsewhere). */
export type BridgeInvoke = typeof call

function checkAbort(options?: WriteOptions): void {
  if (options?.signal?.aborted === true) {
    throw new DOMException('Sending changes was cancelled.', 'AbortError')
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
