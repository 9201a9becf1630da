/**
 * The deal reads and deletes the outbox needs, per provider: one row per provider here, so the
 * bridge handlers ask "this workspace's deal gateway" instead of branching on the provider.
 * Each row maps its provider's failures to the same bridge codes.
 */
import { isChartMogulError, listAll } from '../../chartmogul'
import type { ProviderId } from '../../../shared/providers/providerId'
import type { Account, Opportunity } from '../../../shared/domain'
import { monacoDeals } from '../monaco/monacoDeals'
import { withMonacoErrors } from '../monaco/monacoErrors'
import { monacoSessionFor } from '../monaco/monacoSessions'
import { withGatewayErrors } from '../sync/gatewayErrors'
import type { AnyProviderClient, GatewayPool, ProviderClients } from '../workspaces/gatewayPool'

export interface DealGateway {
  /** null when the server no longer has it. */
  getOpportunity(uuid: string): Promise<Opportunity | null>
  /** Done when the deal is gone (a 404 after a failed attempt counts as done). */
  deleteOpportunity(uuid: string): Promise<void>
  /** Every deal of a ChartMogul customer or a Monaco account, all pages. */
  listCustomerOpportunities(customerUuid: string): Promise<Opportunity[]>
  getAccount(): Promise<Account>
}

const DEAL_GATEWAYS: { [P in ProviderId]: (client: ProviderClients[P]) => DealGateway } = {
  chartmogul: (client) => ({
    getOpportunity: (uuid) =>
      withGatewayErrors(async () => {
        try {
          return await client.getOpportunity(uuid)
        } catch (error) {
          // Gone on the server is an answer, not a failure: the outbox decides what it means.
          if (isChartMogulError(error) && error.kind === 'NotFound') return null
          throw error
        }
      }),
    deleteOpportunity: (uuid) => withGatewayErrors(() => client.deleteOpportunity(uuid)),
    listCustomerOpportunities: (customerUuid) =>
      withGatewayErrors(async () => {
        const { items } = await listAll(
          (params, options) => client.listOpportunities(params, options),
          { customerUuid, perPage: 200 }
        )
        return items
      }),
    getAccount: () => withGatewayErrors(() => client.getAccount())
  }),

  monaco: (client) => {
    const deals = monacoDeals(monacoSessionFor(client))
    return {
      getOpportunity: (uuid) => withMonacoErrors(() => deals.get(uuid)),
      deleteOpportunity: (uuid) => withMonacoErrors(() => deals.delete(uuid)),
      listCustomerOpportunities: (accountId) =>
        withMonacoErrors(() => deals.listForAccount(accountId)),
      getAccount: () => withMonacoErrors(() => deals.account())
    }
  }
}

function gatewayOf({ provider, client }: AnyProviderClient): DealGateway {
  // The union pairs each provider with its own client type; the table is keyed the same way.
  return (DEAL_GATEWAYS[provider] as (client: AnyProviderClient['client']) => DealGateway)(client)
}

export async function dealGatewayFor(
  pool: Pick<GatewayPool, 'providerClientFor'>,
  workspaceId: string
): Promise<DealGateway> {
  return gatewayOf(await pool.providerClientFor(workspaceId))
}
