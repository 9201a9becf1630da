/**
 * Which problems deserve a native notification, decided without any browser or Electron.
 *
 * - Only problems the user must act on: the key refused, access or the address refused, no room
 *   for the cache, queued changes the server would not accept (conflict or refused).
 * - Once per problem: a problem is "seen" from the first time it is observed until it clears, so
 *   the scheduler's retries never notify again; if it clears and comes back, that is new.
 * - Only while the user cannot see the window (hidden or not focused): a problem that first
 *   shows while the window is in front is read in the status bar, and stays "seen".
 */
import type { NoticeProblem } from '../../../shared/bridge/contract'
import { DISK_FULL_KIND } from '../cache/storage/quota'

/** A sync failure's error kind → the notice for it; null when retrying fixes it on its own. */
export function syncNoticeFor(errorKind: string | null): NoticeProblem | null {
  if (errorKind === null) return null
  if (errorKind === 'unauthorized' || errorKind === 'no_key') return 'key-refused'
  if (errorKind === 'forbidden' || errorKind === 'key_withheld') return 'access-refused'
  // A full disk: the sync's own kind, or the browser's QuotaExceededError however a layer names it.
  if (errorKind === DISK_FULL_KIND || /quota/i.test(errorKind)) return 'storage-full'
  return null
}

export interface ProblemState {
  workspaceId: string
  /** The last sync's error kind, null when it succeeded. */
  syncErrorKind: string | null
  /** Queued entries the server would not accept (conflict or failed), by id. */
  attentionEntryIds: readonly string[]
}

export interface Notification {
  problem: NoticeProblem
  workspaceId: string
  count?: number
}

export interface NoticeDecision {
  notify: Notification[]
  /** Pass back in next time. */
  seen: ReadonlySet<string>
}

export function decideNotices(
  state: ProblemState,
  seen: ReadonlySet<string>,
  windowHidden: boolean
): NoticeDecision {
  const syncProblem = syncNoticeFor(state.syncErrorKind)
  const current = new Set<string>()
  if (syncProblem) current.add(`${state.workspaceId}:sync:${syncProblem}`)
  for (const id of state.attentionEntryIds) current.add(`${state.workspaceId}:entry:${id}`)

  const fresh = [...current].filter((key) => !seen.has(key))
  const notify: Notification[] = []
  if (windowHidden) {
    if (syncProblem && fresh.some((key) => key.includes(':sync:'))) {
      notify.push({ problem: syncProblem, workspaceId: state.workspaceId })
    }
    const newEntries = fresh.filter((key) => key.includes(':entry:')).length
    // One notification for every change that newly needs attention, however many.
    if (newEntries > 0) {
      notify.push({
        problem: 'outbox-attention',
        workspaceId: state.workspaceId,
        count: newEntries
      })
    }
  }
  // Cleared problems are forgotten, so their return is news; another workspace's are kept.
  const kept = [...seen].filter((key) => !key.startsWith(`${state.workspaceId}:`))
  return { notify, seen: new Set([...kept, ...current]) }
}

/** The window is out of the user's sight: minimised/hidden, or another app is in front. */
export function windowIsHidden(doc: Pick<Document, 'visibilityState' | 'hasFocus'>): boolean {
  return doc.visibilityState === 'hidden' || !doc.hasFocus()
}
