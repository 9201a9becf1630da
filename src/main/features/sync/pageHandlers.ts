/**
 * Bridge handlers the renderer's sync engine pulls pages through. Each fetch carries a request
 * id so the page can cancel it (the engine's AbortSignal ends here, in main's HTTP request).
 */
import type { BridgeHandlers } from '../../ipc/dispatcher'
import type { PageRequest } from '../../../shared/sync/pageSource'
import type { GatewayPool } from '../workspaces/gatewayPool'
import { createClientPageSource } from './clientPageSource'
import { withGatewayErrors } from './gatewayErrors'

export function createPageHandlers(
  pool: GatewayPool
): Pick<BridgeHandlers, 'fetchPage' | 'cancelRequest'> {
  const inFlight = new Map<string, AbortController>()

  return {
    fetchPage: async ({ workspaceId, requestId, ...request }) => {
      const controller = new AbortController()
      inFlight.get(requestId)?.abort()
      inFlight.set(requestId, controller)
      try {
        const client = await pool.clientFor(workspaceId)
        return await withGatewayErrors(() =>
          createClientPageSource(client).fetchPage(request as PageRequest, controller.signal)
        )
      } finally {
        if (inFlight.get(requestId) === controller) inFlight.delete(requestId)
      }
    },
    cancelRequest: ({ requestId }) => {
      const controller = inFlight.get(requestId)
      controller?.abort()
      return { cancelled: controller !== undefined }
    }
  }
}
