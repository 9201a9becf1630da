/**
 * The bridge's `showNotification`: shown only when the user opted in (checked here too, so the
 * page cannot notify behind the setting), with main's words for the problem and the workspace's
 * own name from main's store.
 */
import type { BridgeHandlers } from '../ipc/dispatcher'
import type { PreferencesStore } from '../features/preferences/preferencesStore'
import type { WorkspaceStore } from '../features/workspaces/workspaceStore'
import type { ShowNotice } from './nativeNotifier'
import { noticeFor } from './noticeText'

export interface NotificationHandlerDeps {
  preferences: PreferencesStore
  workspaces: WorkspaceStore
  show: ShowNotice
}

export function createNotificationHandlers(
  deps: NotificationHandlerDeps
): Pick<BridgeHandlers, 'showNotification'> {
  return {
    showNotification: async ({ problem, workspaceId, count }) => {
      if (!(await deps.preferences.read()).notifications) return { shown: false }
      const workspace = await deps.workspaces.get(workspaceId)
      if (!workspace) return { shown: false }
      return { shown: deps.show(noticeFor(problem, workspace.name, count)) }
    }
  }
}
