/**
 * The page's side of native notifications: watches the open workspace's sync problem and its
 * outbox, asks `notifyDecision` whether anything is new while the window is out of sight, and
 * asks main to show it (main writes the words and checks the opt-in again).
 */
import { call } from '../lib/bridge'
import { decideNotices, windowIsHidden } from './notifyDecision'
import { session } from './workspaceSession.svelte'

/** The Settings choice, mirrored here so a change takes effect without a reload. */
export const notificationPreference = $state({ enabled: false })

let seen: ReadonlySet<string> = new Set()

export function loadNotificationPreference(): void {
  void call('getPreferences')
    .then((preferences) => (notificationPreference.enabled = preferences.notifications))
    .catch(() => undefined)
}

/** Run inside an $effect: re-runs whenever the problem or the outbox changes. */
export function checkNotifications(): void {
  const workspace = session.workspace
  if (!workspace) return
  const entries = session.outbox?.entries ?? []
  const decision = decideNotices(
    {
      workspaceId: workspace.id,
      syncErrorKind: session.problemKind,
      attentionEntryIds: entries
        .filter((entry) => entry.status === 'conflict' || entry.status === 'failed')
        .map((entry) => String(entry.id))
    },
    seen,
    // Opted out: every problem is marked seen, so opting in later does not replay old ones.
    notificationPreference.enabled && windowIsHidden(document)
  )
  seen = decision.seen
  for (const notice of decision.notify) {
    // A notification that cannot be shown has nowhere better to go: the status bar says it too.
    void call('showNotification', notice).catch(() => undefined)
  }
}
