/** Bridge handlers for workspaces: list them, and open a provider's built-in demo. */
import type { BridgeHandlers } from '../../ipc/dispatcher'
import { demoWorkspaceId, newDemoWorkspace } from './demoWorkspaces'
import type { WorkspaceStore } from './workspaceStore'

export function createWorkspaceHandlers(
  store: WorkspaceStore,
  now: () => Date = () => new Date()
): Pick<BridgeHandlers, 'listWorkspaces' | 'openDemoWorkspace'> {
  return {
    listWorkspaces: () => store.list(),
    // No provider named: ChartMogul's demo, as before providers existed.
    openDemoWorkspace: async ({ provider } = { provider: 'chartmogul' }) =>
      (await store.get(demoWorkspaceId(provider))) ?? store.put(newDemoWorkspace(provider, now()))
  }
}
