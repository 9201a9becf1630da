/**
 * The open workspace's outbox as the UI sees it (`OutboxOverview`), and when it pushes: at once
 * when a change is queued, after every sync, when the machine comes back online, when a new key
 * is saved, and when the earliest backoff ends — except while the connectivity model says the
 * server is out of reach (or the machine offline): then the scheduler's next attempt finds out
 * first and a push follows it, so rows do not spend their time "Sending…" into a void. Every
 * write's outcome is reported to that model. The entries are a live query over the outbox
 * table, so every view (grid badges, indicator, outbox view) follows the same truth.
 */
import { liveQuery, type Subscription } from 'dexie'
import type { WorkspaceCache } from '../cache'
import type { ProviderId } from '../../../shared/providers/providerId'
import { capabilitiesOf } from '../../../shared/providers/capabilities'
import type { ConnectivitySource } from '../sync'
import { errorKind } from '../lib/errorKinds'
import { reachOfFailure, type ServerReach } from '../lib/connectivityModel'
import { describeSyncProblem } from './syncProblem'
import {
  createOutboxPusher,
  listOutboxEntries,
  type ConflictChoice,
  type EntryId,
  type AnyOpportunityWrites,
  type DealGeneration,
  type OutboxOverview,
  type OutboxPause,
  type OutboxPusher,
  type PushEntry,
  type PushSummary
} from '../outbox'

export interface OutboxSessionOptions {
  cache: WorkspaceCache
  writes: AnyOpportunityWrites
  connectivity: ConnectivitySource
  /** After a push changed cached rows (ids swapped, server values in). */
  onRowsChanged?: () => void
  /** The workspace's provider (default ChartMogul): its deal rules and its name in messages. */
  provider?: ProviderId
  /** Where the workspace's sync keeps its deals' generation (default: the paged engine's). */
  generation?: DealGeneration
  /** Longest wait before pushing again while entries back off (default 5 min). */
  maxRetryDelayMs?: number
  /** True while pushing on the outbox's own triggers would only fail (server out of reach). */
  holdPushes?: () => boolean
  /** Hears what each write learnt about the server (the connectivity model). */
  onReach?: (reach: ServerReach) => void
}

/** The writes, reporting every answer (or its absence) to `onReach`. */
function reportingWrites(
  writes: AnyOpportunityWrites,
  onReach: ((reach: ServerReach) => void) | undefined
): AnyOpportunityWrites {
  if (onReach === undefined) return writes
  const report = async <T>(attempt: () => Promise<T>): Promise<T> => {
    try {
      const result = await attempt()
      onReach('reachable')
      return result
    } catch (error) {
      const reach = reachOfFailure(errorKind(error))
      if (reach !== null) onReach(reach)
      throw error
    }
  }
  return {
    createsAreIdempotent: writes.createsAreIdempotent,
    create: (draft, options) => report(() => writes.create(draft, options)),
    update: (uuid, patch, options) => report(() => writes.update(uuid, patch, options)),
    delete: (uuid, options) => report(() => writes.delete(uuid, options)),
    get: (uuid, options) => report(() => writes.get(uuid, options)),
    listForCustomer: (uuid, options) => report(() => writes.listForCustomer(uuid, options))
  }
}

/** What a pause means for the user: the sync's wording for the same cause, plus the reassurance. */
export function describePause(kind: string, message: string, provider?: string): string {
  return `${describeSyncProblem(kind, message, provider)} Your changes are kept and will be sent once it works.`
}

export class OutboxSession implements OutboxOverview {
  entries = $state.raw<readonly PushEntry[]>([])
  pending = $derived(
    this.entries.filter((e) => e.status === 'pending' || e.status === 'in_flight').length
  )
  failed = $derived(
    this.entries.filter((e) => e.status === 'failed' || e.status === 'conflict').length
  )
  paused = $state<OutboxPause | null>(null)
  pushing = $state(false)
  /** The last push's summary, for tests and diagnostics. */
  lastSummary = $state.raw<PushSummary | null>(null)

  private readonly pusher: OutboxPusher
  private readonly subscription: Subscription
  private readonly offConnectivity: () => void
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private again = false
  private againNow = false
  private closed = false

  constructor(private readonly options: OutboxSessionOptions) {
    this.pusher = createOutboxPusher({
      db: options.cache,
      writes: reportingWrites(options.writes, options.onReach),
      provider: options.provider,
      generation: options.generation,
      onStateChange: (state) => {
        this.pushing = state.status === 'pushing'
        this.paused =
          state.status === 'paused'
            ? {
                kind: state.kind,
                reason: describePause(
                  state.kind,
                  state.reason,
                  capabilitiesOf(options.provider ?? 'chartmogul').displayName
                )
              }
            : null
      }
    })
    this.subscription = liveQuery(() => listOutboxEntries(options.cache)).subscribe({
      next: (entries) => (this.entries = entries),
      error: (error: unknown) => console.error('Reading the outbox failed', error)
    })
    this.offConnectivity = options.connectivity.subscribe((online) => {
      if (online) this.requestPush()
    })
  }

  /**
   * Pushes what is due, unless offline, paused or held (the server is known to be out of reach;
   * `evenIfHeld` is the user asking to try anyway). Calls while a push runs are folded into one
   * more run after it, so a change queued mid-push is not left waiting for the next trigger.
   */
  requestPush(push: { ignoreBackoff?: boolean; evenIfHeld?: boolean } = {}): void {
    if (this.closed || this.paused !== null) return
    if (!this.options.connectivity.isOnline()) return
    if (push.evenIfHeld !== true && this.options.holdPushes?.() === true) return
    if (this.pushing) {
      this.again = true
      // "Now" asked mid-push still means now for the run that follows.
      this.againNow ||= push.ignoreBackoff === true
      return
    }
    void this.run(push)
  }

  /** A new key was saved: clear a pause and send at once. */
  keyChanged(): void {
    this.pusher.resume()
    this.requestPush({ ignoreBackoff: true, evenIfHeld: true })
  }

  pushNow(): void {
    this.pusher.resume()
    this.requestPush({ ignoreBackoff: true, evenIfHeld: true })
  }

  /** "Sync now": what waits goes at once, not when its backoff ends (a pause stays a pause). */
  sendWaitingNow(): void {
    this.requestPush({ ignoreBackoff: true, evenIfHeld: true })
  }

  async retry(entryId: EntryId): Promise<void> {
    await this.pusher.retry(entryId)
    this.requestPush({ ignoreBackoff: true, evenIfHeld: true })
  }

  async discard(entryId: EntryId): Promise<void> {
    await this.pusher.discard(entryId)
    this.options.onRowsChanged?.()
  }

  async resolveConflict(entryId: EntryId, choices: Record<string, ConflictChoice>): Promise<void> {
    await this.pusher.resolveConflict(entryId, choices)
    this.options.onRowsChanged?.()
    this.requestPush({ ignoreBackoff: true, evenIfHeld: true })
  }

  close(): void {
    this.closed = true
    this.subscription.unsubscribe()
    this.offConnectivity()
    if (this.retryTimer !== null) clearTimeout(this.retryTimer)
  }

  private async run(push: { ignoreBackoff?: boolean }): Promise<void> {
    this.again = false
    let summary: PushSummary
    try {
      summary = await this.pusher.pushAll(push)
    } catch (error) {
      // A database failure, not a push failure: entries stay queued; try again later.
      console.error('Sending queued changes failed', error)
      this.scheduleRetry(60_000)
      return
    }
    this.lastSummary = summary
    if (summary.pushed + summary.reconciled + summary.conflicts + summary.failed > 0) {
      this.options.onRowsChanged?.()
    }
    if (this.closed) return
    if (this.again) {
      const now = this.againNow
      this.againNow = false
      // A "now" asked during this run was answered by it: if it found the server out of reach,
      // trying again at once would only show "Sending…" for another round of main's retries.
      // The next sync (or the user pressing again) sends when the server is back.
      this.requestPush({ ignoreBackoff: now })
      return
    }
    await this.scheduleNextBackoff()
  }

  /** Wakes up when the earliest backing-off entry is due. */
  private async scheduleNextBackoff(): Promise<void> {
    const entries = await listOutboxEntries(this.options.cache)
    const due = entries
      .filter((e) => e.status === 'pending' && e.nextAttemptAt != null)
      .map((e) => Date.parse(e.nextAttemptAt as string))
      .filter((t) => Number.isFinite(t))
    if (due.length === 0) return
    this.scheduleRetry(Math.min(...due) - Date.now())
  }

  private scheduleRetry(delayMs: number): void {
    if (this.closed) return
    if (this.retryTimer !== null) clearTimeout(this.retryTimer)
    const max = this.options.maxRetryDelayMs ?? 300_000
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null
        this.requestPush()
      },
      Math.min(max, Math.max(250, delayMs))
    )
  }
}
