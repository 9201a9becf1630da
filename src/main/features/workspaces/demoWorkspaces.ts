/**
 * The built-in demo workspaces, one per provider: which id and name each has. Each is backed by
 * that provider's simulator (see demoRuntime.ts), started on first use.
 */
import type { ProviderId } from '../../../shared/providers/providerId'
import {
  DEFAULT_REQUESTS_PER_SECOND,
  DEFAULT_SYNC_INTERVAL_MINUTES,
  DEMO_WORKSPACE_ID,
  MONACO_DEMO_WORKSPACE_ID,
  type Workspace
} from '../../../shared/workspace/workspace'

const DEMOS: Readonly<Record<ProviderId, { id: string; name: string }>> = {
  chartmogul: { id: DEMO_WORKSPACE_ID, name: 'Demo workspace' },
  monaco: { id: MONACO_DEMO_WORKSPACE_ID, name: 'Monaco demo' }
}

export function isDemoWorkspaceId(id: string): boolean {
  return Object.values(DEMOS).some((demo) => demo.id === id)
}

export function demoWorkspaceId(provider: ProviderId): string {
  return DEMOS[provider].id
}

/** A fresh record for the provider's demo workspace. */
export function newDemoWorkspace(provider: ProviderId, createdAt: Date): Workspace {
  return {
    ...DEMOS[provider],
    kind: 'demo',
    provider,
    // The simulator's address is chosen when it starts; this one is never dialled.
    baseUrl: 'http://127.0.0.1/',
    requestsPerSecond: DEFAULT_REQUESTS_PER_SECOND,
    syncIntervalMinutes: DEFAULT_SYNC_INTERVAL_MINUTES,
    createdAt: createdAt.toISOString(),
    confirmedHosts: []
  }
}
