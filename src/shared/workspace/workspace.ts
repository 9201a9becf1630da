import type { ProviderId } from '../providers/providerId'

/** An account Revdesk is connected to (ChartMogul or Monaco), or one of the built-in demos. */
export interface Workspace {
  /** Stable id: the keychain account name and the cache database's suffix. */
  id: string
  name: string
  /** `demo` talks to a built-in simulator and needs no key. */
  kind: 'chartmogul' | 'demo'
  /**
   * Which system this workspace speaks to. Absent in files written before Monaco existed: read
   * as `chartmogul` (see `providerOf`). main always writes it for new workspaces.
   */
  provider?: ProviderId
  /** Default https://api.chartmogul.com or https://api.monaco.com; editable under advanced settings. */
  baseUrl: string
  /** The request budget shared by everything this workspace does (ChartMogul allows 40/s). */
  requestsPerSecond: number
  syncIntervalMinutes: number
  createdAt: string
  /**
   * Hosts other than the provider's own and this computer that the user allowed this
   * workspace's key to go to, in a native dialog main showed. Only main writes it; absent means
   * none (files from before it existed).
   */
  confirmedHosts?: string[]
  /** Who the key acts as, when the provider says (Monaco's `GET /v1/me`), as verified. */
  identity?: WorkspaceIdentity
}

export interface WorkspaceIdentity {
  orgName: string | null
  userEmail: string | null
}

/** The workspace's provider; files from before providers existed are ChartMogul. */
export function providerOf(workspace: Pick<Workspace, 'provider'>): ProviderId {
  return workspace.provider ?? 'chartmogul'
}

export const DEMO_WORKSPACE_ID = 'demo'
export const MONACO_DEMO_WORKSPACE_ID = 'demo-monaco'
export const DEFAULT_REQUESTS_PER_SECOND = 20
export const DEFAULT_SYNC_INTERVAL_MINUTES = 15
