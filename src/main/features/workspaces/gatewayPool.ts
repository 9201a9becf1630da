/**
 * One ChartMogul client per workspace, built on demand from the workspace's settings and key,
 * with ONE rate limiter per workspace that every request of that workspace shares (sync pages,
 * edits, lookups), so the workspace as a whole stays inside its request budget.
 */
import {
  createChartMogulClient,
  createRateLimiter,
  type ChartMogulClient,
  type FetchLike,
  type RateLimiter
} from '../../chartmogul'
import { AppError } from '../../ipc/appError'
import type { KeyVault } from '../../vault/keyVault'
import type { Workspace } from '../../../shared/workspace/workspace'
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
  userAgent: string
  fetch?: FetchLike
}

export function createGatewayPool(deps: GatewayPoolDeps): GatewayPool {
  const clients = new Map<string, Promise<ChartMogulClient>>()
  const limiters = new Map<string, { rate: number; limiter: RateLimiter }>()

  function limiterFor(workspace: Workspace): RateLimiter {
    const existing = limiters.get(workspace.id)
    if (existing && existing.rate === workspace.requestsPerSecond) return existing.limiter
    const limiter = createRateLimiter({ ratePerSecond: workspace.requestsPerSecond })
    limiters.set(workspace.id, { rate: workspace.requestsPerSecond, limiter })
    return limiter
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
      workspace.kind === 'demo'
        ? await deps.demo.ensure()
        : { url: workspace.baseUrl, apiKey: await deps.vault.read(workspace.id) }
    if (!endpoint.apiKey) {
      throw new AppError(
        'no_key',
        `No API key is stored for “${workspace.name}”. Add it in Settings to sync this workspace.`
      )
    }
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
    },
    limiterFor
  }
}
