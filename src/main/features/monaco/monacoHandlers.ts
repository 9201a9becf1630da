/**
 * Bridge handlers for Monaco workspaces: keyset list steps, listing bounds and lookups (each
 * cancellable with `cancelRequest`, through the registry the page handlers share), and deal
 * writes — creates carrying the outbox's idempotency key, updates as PATCH.
 */
import type { BridgeHandlers } from '../../ipc/dispatcher'
import type { GatewayPool } from '../workspaces/gatewayPool'
import type { InFlightRequests } from '../sync/inFlightRequests'
import { monacoDeals } from './monacoDeals'
import { withMonacoErrors } from './monacoErrors'
import { monacoSessionFor, type MonacoSession } from './monacoSessions'

type MonacoMethods =
  | 'monacoListStep'
  | 'monacoListBounds'
  | 'monacoLookups'
  | 'monacoCreateOpportunity'
  | 'monacoUpdateOpportunity'

/** Leaves out keys whose value is undefined (the source treats "absent" and "undefined" alike). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

export function createMonacoHandlers(
  pool: Pick<GatewayPool, 'monacoClientFor'>,
  inFlight: InFlightRequests
): Pick<BridgeHandlers, MonacoMethods> {
  const sessionFor = async (workspaceId: string): Promise<MonacoSession> =>
    monacoSessionFor(await pool.monacoClientFor(workspaceId))

  return {
    monacoListStep: ({ workspaceId, requestId, ...request }) =>
      inFlight.run(requestId, async (signal) => {
        const { source } = await sessionFor(workspaceId)
        return withMonacoErrors(() => source.listStep(defined(request), signal))
      }),
    monacoListBounds: ({ workspaceId, requestId, ...request }) =>
      inFlight.run(requestId, async (signal) => {
        const { source } = await sessionFor(workspaceId)
        return withMonacoErrors(() => source.bounds(defined(request), signal))
      }),
    monacoLookups: ({ workspaceId, requestId }) =>
      inFlight.run(requestId, async (signal) => {
        const { source } = await sessionFor(workspaceId)
        return withMonacoErrors(() => source.lookups(signal))
      }),
    monacoCreateOpportunity: async ({ workspaceId, draft, idempotencyKey }) => {
      const deals = monacoDeals(await sessionFor(workspaceId))
      return withMonacoErrors(() => deals.create(draft, idempotencyKey))
    },
    monacoUpdateOpportunity: async ({ workspaceId, uuid, patch }) => {
      const deals = monacoDeals(await sessionFor(workspaceId))
      return withMonacoErrors(() => deals.update(uuid, patch))
    }
  }
}
