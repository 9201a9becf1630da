/**
 * One ChartMogul client per workspace, built on demand from the workspace's settings and key,
 * with ONE rate limiter per workspace that every request of that workspace shares (sync pages,
 * edits, lookups), so the workspace as a whole stays inside its request budget.
 *
 * Defense in depth: the stored address is checked with the same rules the bridge applies, and
 * a key goes to a host nobody confirmed (a workspaces.json from before confirmations, or edited
 * by hand) only after the user said yes in a native dialog. A "no" is remembered until the
 * workspace's key or settings change, so a sync does not ask again every few minutes.
 */
import {
  createChartMogulClient,
  createRateLimiter,
  type ChartMogulClient,
  type FetchLike,
  type RateLimiter
} from '../../chartmogul'
import { AppError } from '../../ipc/appError'
import type { AskUser } from '../../platform/askUser'
import type { KeyVault } from '../../vault/keyVault'
import { isSendableApiKey } from '../../../shared/workspace/apiKeyText'
import type { Workspace } from '../../../shared/workspace/workspace'
import { ensureKeyMayGo } from './keyHostConsent'
import type { WorkspaceStore } from './workspaceStore'

/** The built-in simulator behind the demo workspace, started on first use. */
export interface DemoRuntime {
  ensure(): Promise<{ url: string; apiKey: string }>
  close(): Promise<void>
}

export interface GatewayPool {
  /** The workspace's client; throws AppError `unknown_workspace` or `no_key`. */
  clientFor(workspaceId: string): Promise<ChartMogulClient>
  /** Drop the cached client (after a key or settings change); the limiter is rebuilt if needed. */
  forget(workspaceId: string): void
  limiterFor(workspace: Workspace): RateLimiter
}

export interface GatewayPoolDeps {
  store: WorkspaceStore
  vault: KeyVault
  demo: DemoRuntime
  askUser: AskUser
  userAgent: string
  fetch?: FetchLike
}

export function createGatewayPool(deps: GatewayPoolDeps): GatewayPool {
  const clients = new Map<string, Promise<ChartMogulClient>>()
  const limiters = new Map<string, { rate: number; limiter: RateLimiter }>()
  /** The refusal the user gave per workspace, answered again without asking until `forget`. */
  const declined = new Map<string, AppError>()

  function limiterFor(workspace: Workspace): RateLimiter {
    const existing = limiters.get(workspace.id)
    if (existing && existing.rate === workspace.requestsPerSecond) return existing.limiter
    const limiter = createRateLimiter({ ratePerSecond: workspace.requestsPerSecond })
    limiters.set(workspace.id, { rate: workspace.requestsPerSecond, limiter })
    return limiter
  }

  /** The workspace's own address and key, once the key may go there. */
  async function storedEndpoint(workspace: Workspace): Promise<{ url: string; apiKey: string }> {
    const apiKey = await deps.vault.read(workspace.id)
    if (!apiKey) {
      throw new AppError(
        'no_key',
        `No API key is stored for “${workspace.name}”. Add it in Settings to sync this workspace.`
      )
    }
    if (!isSendableApiKey(apiKey)) {
      throw new AppError(
        'no_key',
        `The API key stored for “${workspace.name}” has characters an API key cannot have. Copy it from ChartMogul again and save it again in Settings.`
      )
    }
    const refusal = declined.get(workspace.id)
    if (refusal) throw refusal
    try {
      const consent = await ensureKeyMayGo(
        deps.askUser,
        workspace,
        workspace.baseUrl,
        'Nothing was sent. Change the API address in Settings, or save the key again to be asked again.'
      )
      if (consent.asked) await deps.store.confirmHost(workspace.id, consent.host)
    } catch (error) {
      if (error instanceof AppError) declined.set(workspace.id, error)
      throw error
    }
    return { url: workspace.baseUrl, apiKey }
  }

  async function build(workspaceId: string): Promise<ChartMogulClient> {
    const workspace = await deps.store.get(workspaceId)
    if (!workspace) {
      throw new AppError(
        'unknown_workspace',
        `There is no workspace "${workspaceId}". Pick one in Settings.`
      )
    }
    const endpoint =
      workspace.kind === 'demo' ? await deps.demo.ensure() : await storedEndpoint(workspace)
    return createChartMogulClient({
      apiKey: endpoint.apiKey,
      baseUrl: endpoint.url,
      limiter: limiterFor(workspace),
      userAgent: deps.userAgent,
      ...(deps.fetch ? { fetch: deps.fetch } : {})
    })
  }

  return {
    clientFor(workspaceId) {
      let client = clients.get(workspaceId)
      if (!client) {
        client = build(workspaceId)
        clients.set(workspaceId, client)
        // A failed build (no key yet) must not be cached: the user may add the key next.
        client.catch(() => clients.delete(workspaceId))
      }
      return client
    },
    forget(workspaceId) {
      clients.delete(workspaceId)
      declined.delete(workspaceId)
    },
    limiterFor
  }
}
