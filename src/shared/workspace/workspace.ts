/** A ChartMogul account Revdesk is connected to (or the built-in demo). */
export interface Workspace {
  /** Stable id: the keychain account name and the cache database's suffix. */
  id: string
  name: string
  /** `demo` talks to the built-in simulator and needs no key. */
  kind: 'chartmogul' | 'demo'
  /** Default https://api.chartmogul.com; editable under advanced settings. */
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
}

export const DEMO_WORKSPACE_ID = 'demo'
export const DEFAULT_REQUESTS_PER_SECOND = 20
export const DEFAULT_SYNC_INTERVAL_MINUTES = 15
