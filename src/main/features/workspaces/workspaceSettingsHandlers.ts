/**
 * Adding, changing and removing ChartMogul and Monaco workspaces. A new key is checked with its
 * provider (ChartMogul: ping; Monaco: `GET /v1/me`, which also says who the key acts as) before
 * anything is stored: a wrong key gets a clear message and leaves no trace. Before a key is
 * sent to a host that is not its provider's own (nor this computer, nor confirmed before), main
 * asks the user natively; a "no" sends nothing and changes nothing.
 */
import type { FetchLike } from '../../chartmogul'
import { AppError } from '../../ipc/appError'
import type { BridgeHandlers } from '../../ipc/dispatcher'
import type { EmitEvent } from '../../ipc/registerBridge'
import type { AskUser } from '../../platform/askUser'
import type { KeyVault } from '../../vault/keyVault'
import type { ProviderId } from '../../../shared/providers/providerId'
import {
  DEFAULT_REQUESTS_PER_SECOND,
  DEFAULT_SYNC_INTERVAL_MINUTES,
  providerOf,
  type Workspace
} from '../../../shared/workspace/workspace'
import type { GatewayPool } from './gatewayPool'
import { isDemoWorkspaceId } from './demoWorkspaces'
import { ensureKeyMayGo } from './keyHostConsent'
import { DEFAULT_BASE_URLS, verifyKey, type VerifiedKey } from './keyVerification'
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

/** ChartMogul's address (kept for callers from before providers; see DEFAULT_BASE_URLS). */
export const DEFAULT_BASE_URL = DEFAULT_BASE_URLS.chartmogul

export function createWorkspaceSettingsHandlers(
  deps: WorkspaceSettingsDeps
): Pick<BridgeHandlers, 'addWorkspace' | 'updateWorkspace' | 'removeWorkspace'> {
  const now = deps.now ?? (() => new Date())

  function checkKey(provider: ProviderId, apiKey: string, baseUrl: string): Promise<VerifiedKey> {
    return verifyKey(provider, {
      apiKey,
      baseUrl,
      userAgent: deps.userAgent,
      ...(deps.fetch ? { fetch: deps.fetch } : {})
    })
  }

  return {
    addWorkspace: async ({ name, apiKey, baseUrl, provider }) => {
      // The schema has already normalised the address (or refused it).
      const url = baseUrl ?? DEFAULT_BASE_URLS[provider]
      // `kind` says "a real account" (as opposed to a demo); `provider` says whose.
      const consent = await ensureKeyMayGo(
        deps.askUser,
        { name, kind: 'chartmogul', provider },
        url,
        'Nothing was sent and nothing was saved.'
      )
      const verified = await checkKey(provider, apiKey, url)
      const workspace: Workspace = {
        id: newWorkspaceId(name),
        name,
        kind: 'chartmogul',
        provider,
        baseUrl: url,
        requestsPerSecond: DEFAULT_REQUESTS_PER_SECOND,
        syncIntervalMinutes: DEFAULT_SYNC_INTERVAL_MINUTES,
        createdAt: now().toISOString(),
        confirmedHosts: consent.asked ? [consent.host] : [],
        ...(verified.identity ? { identity: verified.identity } : {})
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
      let identity = current.identity
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
          const verified = await checkKey(providerOf(current), key, changes.baseUrl)
          identity = verified.identity ?? identity
          if (consent.asked) confirmedHosts = [...confirmedHosts, consent.host]
        }
      }
      const updated: Workspace = {
        ...current,
        ...changes,
        confirmedHosts,
        ...(identity ? { identity } : {})
      }
      await deps.store.put(updated)
      deps.gateways.forget(workspaceId)
      return updated
    },

    removeWorkspace: async ({ workspaceId }) => {
      // The key goes first: if anything fails after, no secret is left behind for a workspace
      // that no longer exists (a workspace without a key just asks for one).
      // A demo has no key of the user's to delete.
      if (!isDemoWorkspaceId(workspaceId)) {
        await deps.vault.delete(workspaceId)
        deps.emit('keyChanged', { workspaceId, present: false, last4: null })
      }
      deps.gateways.forget(workspaceId)
      return { removed: await deps.store.remove(workspaceId) }
    }
  }
}
