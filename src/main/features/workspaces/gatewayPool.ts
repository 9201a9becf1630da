/**
 * One gateway client per workspace, of the workspace's provider, built on demand from the
 * workspace's settings and key, with ONE rate limiter per workspace that every request of that
 * workspace shares (sync pages, edits, lookups), so the workspace as a whole stays inside its
 * request budget (ChartMogul: the workspace's requests per second; Monaco: 80 % of the
 * documented 100/min and 1,000/h, which the whole organization shares).
 *
 * Defense in depth: the stored address is checked with the same rules the bridge applies, and
 * a key goes to a host nobody confirmed (a workspaces.json from before confirmations, or edited
 * by hand) only after the user said yes in a native dialog. A "no" is remembered until the
 * workspace's key or settings change, so a sync does not ask again every few minutes.
 *
 * What differs per provider is one row of `PROVIDER_GATEWAYS` (how a client and its limiter
 * are made); asking for one provider's client of another provider's workspace is a typed
 * `invalid_argument`, never a crash.
 */
import {
  createChartMogulClient,
  createRateLimiter,
  type ChartMogulClient,
  type FetchLike,
  type RateLimiter
} from '../../chartmogul'
import { AppError } from '../../ipc/appError'
import {
  createMonacoClient,
  createMonacoRateLimiter,
  type MonacoClient,
  type MonacoRateLimiter
} from '../../monaco'
import type { AskUser } from '../../platform/askUser'
import type { KeyVault } from '../../vault/keyVault'
import { capabilitiesOf } from '../../../shared/providers/capabilities'
import type { ProviderId } from '../../../shared/providers/providerId'
import { isSendableApiKey } from '../../../shared/workspace/apiKeyText'
import { providerOf, type Workspace } from '../../../shared/workspace/workspace'
import { ensureKeyMayGo } from './keyHostConsent'
import type { WorkspaceStore } from './workspaceStore'

/** A provider's built-in simulator behind its demo workspace, started on first use. */
export interface DemoRuntime {
  ensure(): Promise<{ url: string; apiKey: string }>
  close(): Promise<void>
}

/** Each provider's client type. */
export interface ProviderClients {
  chartmogul: ChartMogulClient
  monaco: MonacoClient
}

/** A workspace's client together with its provider, for code that serves both. */
export type AnyProviderClient = {
  [P in ProviderId]: { provider: P; client: ProviderClients[P] }
}[ProviderId]

export interface GatewayPool {
  /** The ChartMogul workspace's client; throws AppError `unknown_workspace`, `no_key`, … */
  clientFor(workspaceId: string): Promise<ChartMogulClient>
  /** The Monaco workspace's client; same errors. */
  monacoClientFor(workspaceId: string): Promise<MonacoClient>
  /** The workspace's client, whichever its provider. */
  providerClientFor(workspaceId: string): Promise<AnyProviderClient>
  /** Drop the cached client (after a key or settings change); the limiter is rebuilt if needed. */
  forget(workspaceId: string): void
  limiterFor(workspace: Workspace): RateLimiter
  /** The Monaco workspace's one limiter (its organization's budget). */
  monacoLimiterFor(workspace: Workspace): MonacoRateLimiter
}

export interface GatewayPoolDeps {
  store: WorkspaceStore
  vault: KeyVault
  /** Each provider's demo backend. */
  demos: Readonly<Record<ProviderId, DemoRuntime>>
  askUser: AskUser
  userAgent: string
  fetch?: FetchLike
}

interface Endpoint {
  url: string
  apiKey: string
}

export function createGatewayPool(deps: GatewayPoolDeps): GatewayPool {
  const clients = new Map<string, Promise<AnyProviderClient>>()
  const limiters = new Map<string, { rate: number; limiter: RateLimiter }>()
  const monacoLimiters = new Map<string, MonacoRateLimiter>()
  /** The refusal the user gave per workspace, answered again without asking until `forget`. */
  const declined = new Map<string, AppError>()
  const transport = { userAgent: deps.userAgent, ...(deps.fetch ? { fetch: deps.fetch } : {}) }

  function limiterFor(workspace: Workspace): RateLimiter {
    const existing = limiters.get(workspace.id)
    if (existing && existing.rate === workspace.requestsPerSecond) return existing.limiter
    const limiter = createRateLimiter({ ratePerSecond: workspace.requestsPerSecond })
    limiters.set(workspace.id, { rate: workspace.requestsPerSecond, limiter })
    return limiter
  }

  /** Kept across key and settings changes: the organization's budget does not reset with them. */
  function monacoLimiterFor(workspace: Workspace): MonacoRateLimiter {
    let limiter = monacoLimiters.get(workspace.id)
    if (!limiter) {
      limiter = createMonacoRateLimiter()
      monacoLimiters.set(workspace.id, limiter)
    }
    return limiter
  }

  /** How each provider's client is made from an endpoint the key may go to. */
  const PROVIDER_GATEWAYS: {
    [P in ProviderId]: (workspace: Workspace, endpoint: Endpoint) => ProviderClients[P]
  } = {
    chartmogul: (workspace, { url, apiKey }) =>
      createChartMogulClient({
        apiKey,
        baseUrl: url,
        limiter: limiterFor(workspace),
        ...transport
      }),
    monaco: (workspace, { url, apiKey }) =>
      createMonacoClient({
        apiKey,
        baseUrl: url,
        limiter: monacoLimiterFor(workspace),
        ...transport
      })
  }

  /** The workspace's own address and key, once the key may go there. */
  async function storedEndpoint(workspace: Workspace): Promise<Endpoint> {
    const apiKey = await deps.vault.read(workspace.id)
    if (!apiKey) {
      throw new AppError(
        'no_key',
        `No API key is stored for “${workspace.name}”. Add it in Settings to sync this workspace.`
      )
    }
    if (!isSendableApiKey(apiKey)) {
      const { displayName } = capabilitiesOf(providerOf(workspace))
      throw new AppError(
        'no_key',
        `The API key stored for “${workspace.name}” has characters an API key cannot have. Copy it from ${displayName} again and save it again in Settings.`
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

  function clientOf<P extends ProviderId>(
    provider: P,
    workspace: Workspace,
    endpoint: Endpoint
  ): { provider: P; client: ProviderClients[P] } {
    return { provider, client: PROVIDER_GATEWAYS[provider](workspace, endpoint) }
  }

  async function build(workspaceId: string): Promise<AnyProviderClient> {
    const workspace = await deps.store.get(workspaceId)
    if (!workspace) {
      throw new AppError(
        'unknown_workspace',
        `There is no workspace "${workspaceId}". Pick one in Settings.`
      )
    }
    const provider = providerOf(workspace)
    const endpoint =
      workspace.kind === 'demo'
        ? await deps.demos[provider].ensure()
        : await storedEndpoint(workspace)
    return clientOf(provider, workspace, endpoint) as AnyProviderClient
  }

  function providerClientFor(workspaceId: string): Promise<AnyProviderClient> {
    let client = clients.get(workspaceId)
    if (!client) {
      client = build(workspaceId)
      clients.set(workspaceId, client)
      // A failed build (no key yet) must not be cached: the user may add the key next.
      client.catch(() => {
        if (clients.get(workspaceId) === client) clients.delete(workspaceId)
      })
    }
    return client
  }

  async function expect<P extends ProviderId>(
    provider: P,
    workspaceId: string
  ): Promise<ProviderClients[P]> {
    const found = await providerClientFor(workspaceId)
    if (found.provider !== provider) {
      const asked = capabilitiesOf(provider).displayName
      const actual = capabilitiesOf(found.provider).displayName
      throw new AppError(
        'invalid_argument',
        `“${workspaceId}” is a ${actual} workspace; this is a ${asked} request, so nothing was sent.`,
        [{ path: 'workspaceId', message: `A ${asked} workspace is needed here.` }]
      )
    }
    return found.client as ProviderClients[P]
  }

  return {
    clientFor: (workspaceId) => expect('chartmogul', workspaceId),
    monacoClientFor: (workspaceId) => expect('monaco', workspaceId),
    providerClientFor,
    forget(workspaceId) {
      clients.delete(workspaceId)
      declined.delete(workspaceId)
    },
    limiterFor,
    monacoLimiterFor
  }
}
