/**
 * The words of every native notification, written here and nowhere else: the page names only
 * the problem and the workspace, so no server text (an error message, a record's name) can reach
 * the desktop. The workspace's name is the user's own, read from main's store.
 */
import type { MenuCommand, NoticeProblem } from '../../shared/bridge/contract'

export interface Notice {
  title: string
  body: string
  /** Where a click takes the user: the place to fix it. */
  opens: MenuCommand
}

const SETTINGS: MenuCommand = { command: 'open-settings' }
const OUTBOX: MenuCommand = { command: 'go-to-section', section: 'outbox' }

export function noticeFor(problem: NoticeProblem, workspaceName: string, count = 1): Notice {
  switch (problem) {
    case 'key-refused':
      return {
        title: 'Revdesk stopped syncing',
        body: `${workspaceName}: the API key was refused. Open Settings to update it.`,
        opens: SETTINGS
      }
    case 'access-refused':
      return {
        title: 'Revdesk stopped syncing',
        body: `${workspaceName}: the API address refused access or needs your confirmation. Check it in Settings.`,
        opens: SETTINGS
      }
    case 'storage-full':
      return {
        title: 'Revdesk stopped syncing',
        body: `${workspaceName}: there is no more room for Revdesk's data on this computer. See Settings.`,
        opens: SETTINGS
      }
    case 'outbox-attention':
      return {
        title: 'Changes need your attention',
        body: `${workspaceName}: ${count === 1 ? '1 queued change was' : `${count} queued changes were`} not accepted. Open the Outbox to resolve.`,
        opens: OUTBOX
      }
  }
}
