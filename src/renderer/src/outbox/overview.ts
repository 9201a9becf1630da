/**
 * What the UI sees of the outbox: the queued entries, counts for the global indicator, whether
 * pushing is paused (and why), and the user's actions. The app's implementation lives with the
 * workspace session (app/outboxSession.svelte.ts); views depend only on this shape.
 */
import type { ConflictChoice } from './pusher'
import type { EntryId, PushEntry } from './types'

export interface OutboxPause {
  /** Normalised error kind, e.g. `unauthorized`. */
  kind: string
  /** A sentence for the user saying what to do. */
  reason: string
}

export interface OutboxOverview {
  /** Every queued entry, in push order (reactive in the app). */
  readonly entries: readonly PushEntry[]
  /** Entries waiting or being sent. */
  readonly pending: number
  /** Entries needing the user: refused (`failed`) or conflicting (`conflict`). */
  readonly failed: number
  readonly paused: OutboxPause | null
  readonly pushing: boolean
  /** Sends what is queued now (ignoring backoff); resumes a pause. */
  pushNow(): void
  retry(entryId: EntryId): Promise<void>
  discard(entryId: EntryId): Promise<void>
  resolveConflict(entryId: EntryId, choices: Record<string, ConflictChoice>): Promise<void>
}
