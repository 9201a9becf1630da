/**
 * Adding, changing and removing ChartMogul workspaces. A new key is checked with ChartMogul
 * (ping) before anything is stored: a wrong key gets a clear message and leaves no trace.
 * Before a key is sent to a host that is not ChartMogul's own (nor this computer, nor confirmed
 * before), main asks the user natively; a "no" sends nothing and changes nothing.
 */
import { createChartMogulClient, type FetchLike } from '../../chartmogul'
import { AppError } from '../../ipc/appError'
import type { BridgeHandlers } from '../../ipc/dispatcher'
import type { EmitEvent } from '../../ipc/registerBridge'
import type { AskUser } from '../../platform/askUser'
import type { KeyVault } from '../../vault/keyVault'
import {
  DEFAULT_REQUESTS_PER_SECOND,
  DEFAULT_SYNC_INTERVAL_MINUTES,
  DEMO_WORKSPACE_ID
} from '../../../shared/workspace/workspace'
import { withGatewayErrors } from '../sync/gatewayErrors'
import type { GatewayPool } from './gatewayPool'
import { ensureKeyMayGo } from './keyHostConsent'
import { newWorkspaceId } from './workspaceIds'
import type { WorkspaceStore } from './workspaceStore'

export interface WorkspaceSettingsDeps {
  store: WorkspaceStore
  vault: KeyVault
  gateways: Pick<GatewayPool, 'forget'>
  emit: EmitEvent
  askUser: AskUser
  userAgent: string
  fetch?: FetchLike
  now?: () => Date
}

export const DEFAULT_BASE_URL = 'https://api.chartmogul.com'

export function createWorkspaceSettingsHandlers(
  deps: WorkspaceSettingsDeps
): Pick<BridgeHandlers, 'addWorkspace' | 'updateWorkspace' | 'removeWorkspace'> {
  const now = deps.now ?? (() => new Date())

  async function checkKey(apiKey: string, baseUrl: string): Promise<void> {
    const client = createChartMogulClient({
      apiKey,
      baseUrl,
      userAgent: deps.userAgent,
      timeoutMs: 15_000,
      ...(deps.fetch ? { fetch: deps.fetch } : {})
    })
    await withGatewayErrors(() => client.ping())
  }

  return {
    addWorkspace: async ({ name, apiKey, baseUrl }) => {
      // The schema has already normalised the address (or refused it).
      const url = baseUrl ?? DEFAULT_BASE_URL
      const consent = await ensureKeyMayGo(
        deps.askUser,
        { name, kind: 'chartmogul' },
        url,
        'Nothing was sent and nothing was saved.'
      )
      await checkKey(apiKey, url)
      const workspace = {
        id: newWorkspaceId(name),
        name,
        kind: 'chartmogul' as const,
        baseUrl: url,
        requestsPerSecond: DEFAULT_REQUESTS_PER_SECOND,
        syncIntervalMinutes: DEFAULT_SYNC_INTERVAL_MINUTES,
        createdAt: now().toISOString(),
        confirmedHosts: consent.asked ? [consent.host] : []
      }
      // Key first: a workspace never exists without its key.
      await deps.vault.save(workspace.id, apiKey)
      try {
        await deps.store.put(workspace)
      } catch (error) {
        await deps.vault.delete(workspace.id)
        throw error
      }
      return workspace
    },

    updateWorkspace: async ({ workspaceId, ...changes }) => {
      const current = await deps.store.get(workspaceId)
      if (!current)
        throw new AppError('unknown_workspace', `There is no workspace "${workspaceId}".`)
      if (changes.baseUrl !== undefined && current.kind === 'demo') {
        throw new AppError(
          'forbidden',
          'The demo workspace always talks to the built-in simulator.'
        )
      }
      let confirmedHosts = current.confirmedHosts ?? []
      if (changes.baseUrl !== undefined && changes.baseUrl !== current.baseUrl) {
        // The stored key must work against the new address before it is switched, and may go
        // there only with the user's say. Without a stored key nothing is sent now; the key
        // saved later is asked about before its first request (gatewayPool).
        const key = await deps.vault.read(workspaceId)
        if (key) {
          const consent = await ensureKeyMayGo(
            deps.askUser,
            current,
            changes.baseUrl,
            'The API address was not changed and nothing was sent.'
          )
          await checkKey(key, changes.baseUrl)
          if (consent.asked) confirmedHosts = [...confirmedHosts, consent.host]
        }
      }
      const updated = { ...current, ...changes, confirmedHosts }
      await deps.store.put(updated)
      deps.gateways.forget(workspaceId)
      return updated
    },

    removeWorkspace: async ({ workspaceId }) => {
      // The key goes first: if anything fails after, no secret is left behind for a workspace
      // that no longer exists (a workspace without a key just asks for one).
      if (workspaceId !== DEMO_WORKSPACE_ID) {
        await deps.vault.delete(workspaceId)
        deps.emit('keyChanged', { workspaceId, present: false, last4: null })
      }
      deps.gateways.forget(workspaceId)
      return { removed: await deps.store.remove(workspaceId) }
    }
  }
}
