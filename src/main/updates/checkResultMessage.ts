/**
 * What the menu's "Check for Updates…" tells the user once the check has an answer. Pure.
 */
import type { UpdateState } from '../../shared/bridge/contract'

export interface CheckResultMessage {
  type: 'info' | 'warning'
  message: string
  detail?: string
}

export function checkResultMessage(state: UpdateState, currentVersion: string): CheckResultMessage {
  switch (state.status) {
    case 'off':
      return { type: 'info', message: state.reason }
    case 'idle':
    case 'checking':
      return { type: 'info', message: 'Revdesk is checking for updates.' }
    case 'not-available':
      return { type: 'info', message: `Revdesk ${currentVersion} is the newest version.` }
    case 'downloading':
      return {
        type: 'info',
        message: state.version
          ? `Revdesk ${state.version} is downloading.`
          : 'An update is downloading.',
        detail: 'The status bar offers to restart when it is ready.'
      }
    case 'ready':
      return {
        type: 'info',
        message: `Revdesk ${state.version} is ready to install.`,
        detail: 'Choose “Restart to update” in the status bar.'
      }
    case 'error':
      return {
        type: 'warning',
        message: 'Revdesk could not check for updates.',
        detail: state.message
      }
  }
}

/**
 * The menu item's action: check, then show the answer. Never throws into Electron's menu code.
 */
export function menuCheckForUpdates(
  updates: { checkNow(): Promise<UpdateState> },
  currentVersion: string,
  show: (message: CheckResultMessage) => Promise<unknown>
): () => void {
  return () =>
    void updates
      .checkNow()
      .then((state) => show(checkResultMessage(state, currentVersion)))
      .catch((error: unknown) => console.error('Revdesk could not check for updates', error))
}
