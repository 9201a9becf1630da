/**
 * Opportunity writes and the reads the outbox needs to push them safely (current server copy
 * for conflict checks, a customer's opportunities to reconcile a create whose outcome is
 * unknown). Errors reach the page typed, `outcome_unknown` included. The writes here are
 * ChartMogul's (Monaco's are `monacoCreateOpportunity` / `monacoUpdateOpportunity`); the reads
 * and the delete go to the workspace's provider through its deal gateway.
 */
import type { BridgeHandlers } from '../../ipc/dispatcher'
import { withGatewayErrors } from '../sync/gatewayErrors'
import type { GatewayPool } from '../workspaces/gatewayPool'
import type { Opportunity } from '../../../shared/domain'
import { createOnce } from './createOnce'
import { dealGatewayFor } from './dealGateways'

export function createOpportunityHandlers(
  pool: Pick<GatewayPool, 'clientFor' | 'providerClientFor'>
): Pick<
  BridgeHandlers,
  | 'createOpportunity'
  | 'updateOpportunity'
  | 'deleteOpportunity'
  | 'getOpportunity'
  | 'listCustomerOpportunities'
  | 'getAccount'
> {
  const creates = createOnce<Opportunity>()
  return {
    createOpportunity: async ({ workspaceId, draft, clientRef }) => {
      const client = await pool.clientFor(workspaceId)
      const send = () => withGatewayErrors(() => client.createOpportunity(draft))
      return clientRef === undefined
        ? send()
        : creates.run(`${workspaceId}\u0000${clientRef}`, send)
    },
    updateOpportunity: async ({ workspaceId, uuid, patch }) => {
      const client = await pool.clientFor(workspaceId)
      return withGatewayErrors(() => client.updateOpportunity(uuid, patch))
    },
    deleteOpportunity: async ({ workspaceId, uuid }) => {
      await (await dealGatewayFor(pool, workspaceId)).deleteOpportunity(uuid)
      return { deleted: true }
    },
    getOpportunity: async ({ workspaceId, uuid }) =>
      (await dealGatewayFor(pool, workspaceId)).getOpportunity(uuid),
    getAccount: async ({ workspaceId }) => (await dealGatewayFor(pool, workspaceId)).getAccount(),
    listCustomerOpportunities: async ({ workspaceId, customerUuid }) =>
      (await dealGatewayFor(pool, workspaceId)).listCustomerOpportunities(customerUuid)
  }
}
