/**
 * Opportunity writes and the reads the outbox needs to push them safely (current server copy
 * for conflict checks, a customer's opportunities to reconcile a create whose outcome is
 * unknown). Errors reach the page typed, `outcome_unknown` included.
 */
import { isChartMogulError, listAll } from '../../chartmogul'
import type { BridgeHandlers } from '../../ipc/dispatcher'
import { withGatewayErrors } from '../sync/gatewayErrors'
import type { GatewayPool } from '../workspaces/gatewayPool'
import type { Opportunity } from '../../../shared/domain'
import { createOnce } from './createOnce'

export function createOpportunityHandlers(
  pool: Pick<GatewayPool, 'clientFor'>
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
      const client = await pool.clientFor(workspaceId)
      await withGatewayErrors(() => client.deleteOpportunity(uuid))
      return { deleted: true }
    },
    getOpportunity: async ({ workspaceId, uuid }) => {
      const client = await pool.clientFor(workspaceId)
      return withGatewayErrors(async () => {
        try {
          return await client.getOpportunity(uuid)
        } catch (error) {
          // Gone on the server is an answer, not a failure: the outbox decides what it means.
          if (isChartMogulError(error) && error.kind === 'NotFound') return null
          throw error
        }
      })
    },
    getAccount: async ({ workspaceId }) => {
      const client = await pool.clientFor(workspaceId)
      return withGatewayErrors(() => client.getAccount())
    },
    listCustomerOpportunities: async ({ workspaceId, customerUuid }) => {
      const client = await pool.clientFor(workspaceId)
      return withGatewayErrors(async () => {
        const { items } = await listAll(
          (params, options) => client.listOpportunities(params, options),
          { customerUuid, perPage: 200 }
        )
        return items
      })
    }
  }
}
