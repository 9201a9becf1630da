/**
 * Bridge handlers the renderer's sync engine pulls pages through. Each fetch carries a request
 * id so the page can cancel it (the engine's AbortSignal ends here, in main's HTTP request).
 * `cancelRequest` reaches every cancellable call sharing `inFlight` (Monaco's list steps too).
 */
import type { BridgeHandlers } from '../../ipc/dispatcher'
import type { PageRequest } from '../../../shared/sync/pageSource'
import type { GatewayPool } from '../workspaces/gatewayPool'
import { createClientPageSource } from './clientPageSource'
import { withGatewayErrors } from './gatewayErrors'
import { createInFlightRequests, type InFlightRequests } from './inFlightRequests'

export function createPageHandlers(
  pool: Pick<GatewayPool, 'clientFor'>,
  inFlight: InFlightRequests = createInFlightRequests()
): Pick<BridgeHandlers, 'fetchPage' | 'cancelRequest'> {
  return {
    fetchPage: ({ workspaceId, requestId, ...request }) =>
      inFlight.run(requestId, async (signal) => {
        const client = await pool.clientFor(workspaceId)
        return withGatewayErrors(() =>
          createClientPageSource(client).fetchPage(request as PageRequest, signal)
        )
      }),
    cancelRequest: ({ requestId }) => ({ cancelled: inFlight.cancel(requestId) })
  }
}
