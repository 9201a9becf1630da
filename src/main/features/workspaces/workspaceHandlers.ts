/** Bridge handlers for workspaces: list them, and open the built-in demo. */
import type { BridgeHandlers } from '../../ipc/dispatcher'
import {
  DEFAULT_REQUESTS_PER_SECOND,
  DEFAULT_SYNC_INTERVAL_MINUTES,
  DEMO_WORKSPACE_ID
} from '../../../shared/workspace/workspace'
import type { WorkspaceStore } from './workspaceStore'

export function createWorkspaceHandlers(
  store: WorkspaceStore,
  now: () => Date = () => new Date()
): Pick<BridgeHandlers, 'listWorkspaces' | 'openDemoWorkspace'> {
  return {
    listWorkspaces: () => store.list(),
    openDemoWorkspace: async () =>
      (await store.get(DEMO_WORKSPACE_ID)) ??
      store.put({
        id: DEMO_WORKSPACE_ID,
        name: 'Demo workspace',
        kind: 'demo',
        // The simulator's address is chosen when it starts; this one is never dialled.
        baseUrl: 'http://127.0.0.1/',
        requestsPerSecond: DEFAULT_REQUESTS_PER_SECOND,
        syncIntervalMinutes: DEFAULT_SYNC_INTERVAL_MINUTES,
        createdAt: now().toISOString(),
        confirmedHosts: []
      })
  }
}
