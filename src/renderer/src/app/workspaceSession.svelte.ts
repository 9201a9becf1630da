/**
 * The open workspace as the UI sees it: which one, its cache, its sync engine and scheduler, and
 * reactive status for the status bar and the sections. Opening a workspace starts syncing it;
 * everything shown comes from the cache, so it all works offline.
 */
import { providerOf, type Workspace } from '../../../shared/workspace/workspace'
import type { ProviderId } from '../../../shared/providers/providerId'
import { capabilitiesOf, type ProviderCapabilities } from '../../../shared/providers/capabilities'
import { deleteWorkspaceCache, openWorkspaceCache, type WorkspaceCache } from '../cache'
import { call, onBridgeEvent } from '../lib/bridge'
import { connectivity as connection } from '../lib/connectivity.svelte'
import { holdsPushes, reachOfFailure, type ServerReach } from '../lib/connectivityModel'
import { adapterFor, type ProviderAdapter } from '../providers'
import { RecordFeed, type FeedResource, type RecordsListener } from './recordFeed'
import { OutboxSession } from './outboxSession.svelte'
import { describeSyncProblem } from './syncProblem'
import {
  browserConnectivity,
  createSyncScheduler,
  type EngineStatus,
  type RateLimitWait,
  type RunOutcome,
  type ProgressResource,
  type ResourceProgress,
  type SyncEngine,
  type SyncScheduler
} from '../sync'

const LAST_WORKSPACE_KEY = 'revdesk.lastWorkspaceId'
const LAST_SYNCED_META_KEY = 'session.lastCompleteSyncAt'
const ACCOUNT_META_KEY = 'session.account'
/** When the account's currency is not known yet (never fetched, offline since). */
const FALLBACK_CURRENCY = 'USD'

export class WorkspaceSession {
  /** Every workspace on this computer. */
  workspaces = $state<Workspace[]>([])
  workspace = $state<Workspace | null>(null)
  status = $state<EngineStatus>('idle')
  /** The pause ChartMogul asked for that the running sync is waiting out, else null. */
  serverWait = $state<RateLimitWait | null>(null)
  /** The last sync was stopped by the user (cleared when the next one starts). */
  syncCancelled = $state(false)
  progress = $state<Partial<Record<ProgressResource, ResourceProgress>>>({})
  /** Epoch ms of the last complete sync. */
  lastSyncedAt = $state<number | null>(null)
  /** A sentence for the user when the last run could not finish, else null. */
  problem = $state<string | null>(null)
  /** The error kind behind `problem` (for notifications: is it one the user must act on?). */
  problemKind = $state<string | null>(null)
  /** Bumps whenever the cache changed, so sections re-read it. */
  revision = $state(0)
  /** Bumps when local edits or their pushes changed opportunity rows (deals views re-read). */
  dealsRevision = $state(0)
  /** The open workspace's outbox: queued changes, counts, pause, actions. */
  outbox = $state.raw<OutboxSession | null>(null)
  /** The account's currency (a new deal's default), remembered in the cache for offline use. */
  accountCurrency = $state(FALLBACK_CURRENCY)

  /** What the open workspace's provider can do (ChartMogul's when none is open). */
  capabilities = $derived<ProviderCapabilities>(
    capabilitiesOf(this.workspace ? providerOf(this.workspace) : 'chartmogul')
  )
  /** The open workspace's provider behaviour (sync engine, writes, quick edits). */
  adapter = $derived<ProviderAdapter>(adapterFor(this.workspace ?? {}))

  cache: WorkspaceCache | null = null
  private engine: SyncEngine | null = null
  private readonly feed = new RecordFeed()
  private scheduler: SyncScheduler | null = null
  private unsubscribers: (() => void)[] = []

  /** Reopens the workspace used last time, if it still exists. */
  async restore(): Promise<void> {
    const workspaces = await this.refreshWorkspaces()
    const lastId = localStorage.getItem(LAST_WORKSPACE_KEY)
    const workspace = workspaces.find((w) => w.id === lastId)
    if (workspace) await this.open(workspace)
  }

  async refreshWorkspaces(): Promise<Workspace[]> {
    this.workspaces = await call('listWorkspaces')
    return this.workspaces
  }

  /** Opens a provider's built-in demo workspace (ChartMogul's unless told otherwise). */
  async openDemo(provider?: ProviderId): Promise<void> {
    await this.open(await call('openDemoWorkspace', provider ? { provider } : undefined))
    await this.refreshWorkspaces()
  }

  /** Checks the key with the provider, stores it, and opens the new workspace. */
  async add(input: {
    name: string
    apiKey: string
    baseUrl?: string
    provider?: ProviderId
  }): Promise<void> {
    const workspace = await call('addWorkspace', input)
    await this.refreshWorkspaces()
    await this.open(workspace)
  }

  async update(
    changes: Omit<Parameters<typeof window.revdesk.updateWorkspace>[0], 'workspaceId'>
  ): Promise<void> {
    const current = this.workspace
    if (!current) return
    const updated = await call('updateWorkspace', { workspaceId: current.id, ...changes })
    await this.refreshWorkspaces()
    // Interval and budget take effect in a fresh engine/scheduler; the cache stays as it is.
    if (
      updated.syncIntervalMinutes !== current.syncIntervalMinutes ||
      updated.baseUrl !== current.baseUrl
    ) {
      await this.open(updated)
    } else {
      this.workspace = updated
    }
  }

  /** Signs out of the open workspace: its key is deleted; the cache only if asked to. */
  async signOut(options: { deleteCache: boolean }): Promise<void> {
    const current = this.workspace
    if (!current) return
    await call('removeWorkspace', { workspaceId: current.id })
    this.close()
    this.workspace = null
    localStorage.removeItem(LAST_WORKSPACE_KEY)
    if (options.deleteCache) {
      await deleteWorkspaceCache(current.id)
      // Saved grid layouts belong to the cache's workspace; they go with it.
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith(`revdesk.grid.${current.id}.`)) localStorage.removeItem(key)
      }
    }
    const remaining = await this.refreshWorkspaces()
    this.revision++
    if (remaining[0]) await this.open(remaining[0])
  }

  async open(workspace: Workspace): Promise<void> {
    this.close()
    this.workspace = workspace
    localStorage.setItem(LAST_WORKSPACE_KEY, workspace.id)
    const cache = await openWorkspaceCache(workspace.id)
    this.cache = cache
    const stored = await cache.meta.get(LAST_SYNCED_META_KEY)
    this.lastSyncedAt = typeof stored?.value === 'string' ? Date.parse(stored.value) : null
    const account = await cache.meta.get(ACCOUNT_META_KEY)
    this.accountCurrency = currencyOf(account?.value) ?? FALLBACK_CURRENCY
    this.revision++
    const connectivity = browserConnectivity()
    connection.reset(capabilitiesOf(providerOf(workspace)).displayName)
    const adapter = adapterFor(workspace)
    const outbox = new OutboxSession({
      cache,
      writes: adapter.createWrites(workspace.id),
      provider: providerOf(workspace),
      generation: adapter.dealGeneration,
      connectivity,
      onRowsChanged: () => this.dealsRevision++,
      holdPushes: () => holdsPushes(connection.state),
      onReach: (reach) => connection.learnt(reach)
    })
    this.outbox = outbox

    const engine = adapter.createSyncEngine({
      workspace,
      cache,
      onRecords: (resource, records) => {
        // A committed page is an answer: the server is reachable.
        connection.learnt('reachable')
        this.feed.publish(resource, records)
      }
    })
    this.engine = engine
    this.unsubscribers.push(
      // A new key for this workspace: try again at once instead of waiting for the interval.
      onBridgeEvent('keyChanged', (presence) => {
        if (presence.workspaceId === workspace.id && presence.present) {
          this.problem = null
          this.problemKind = null
          outbox.keyChanged()
          this.syncNow()
        }
      }),
      engine.onStatus((status) => {
        if (status === 'syncing') {
          this.status = status
          this.syncCancelled = false
        } else if (this.status !== 'syncing') {
          this.status = status
        }
        // A run's end is shown once its result is in (below): no view, nor the announcement
        // of the end, sees the run over with the previous run's words ("Never synced").
      }),
      engine.onServerWait((wait) => {
        this.serverWait = wait
        connection.serverWait = wait
      }),
      engine.onProgress((progress) => {
        this.progress = { ...this.progress, [progress.resource]: progress }
      })
    )
    const scheduler = createSyncScheduler({
      engine,
      connectivity,
      intervalMs: workspace.syncIntervalMinutes * 60_000,
      onNextRun: (at) => (connection.nextAttemptAt = at),
      onRun: (trigger, result) => {
        if (!result) return
        // What the run learnt about the server, before the push below asks the model.
        connection.learnt(reachOfRun(result.outcome, result.error?.kind, connectivity.isOnline()))
        this.revision++
        this.syncCancelled = result.outcome === 'cancelled'
        // Every sync is followed by a push (a pull may have unblocked or conflicted edits). The
        // user's "Sync now" and a network coming back mean "now", not after the backoff.
        outbox.requestPush({ ignoreBackoff: trigger === 'manual' || trigger === 'online' })
        if (result.outcome === 'complete') void this.refreshAccount(adapter, workspace.id, cache)
        if (result.outcome === 'complete') {
          this.problem = null
          this.problemKind = null
          this.lastSyncedAt = Date.parse(result.finishedAt)
          void cache.meta.put({ key: LAST_SYNCED_META_KEY, value: result.finishedAt })
        } else if (result.outcome === 'failed' || result.outcome === 'partial') {
          const why = result.error
            ? describeSyncProblem(
                result.error.kind,
                result.error.message,
                capabilitiesOf(providerOf(workspace)).displayName
              )
            : null
          this.problemKind = result.error?.kind ?? null
          // A partial run still cached everything else: say so, and why the rest is missing.
          this.problem =
            result.outcome === 'partial'
              ? `Some data could not be synced; the next sync tries again.${why ? ` ${why}` : ''}`
              : why
        }
        this.status = engine.status
      }
    })
    this.scheduler = scheduler
    scheduler.start()
    // Changes queued in an earlier session go out now (the pusher waits for nothing else).
    outbox.requestPush()
  }

  /** A change was queued locally: show it everywhere and send it soon. */
  changeQueued(): void {
    this.dealsRevision++
    this.outbox?.requestPush()
  }

  /** Refreshes the remembered account (currency) after a sync; offline keeps the last one. */
  private async refreshAccount(
    adapter: ProviderAdapter,
    workspaceId: string,
    cache: WorkspaceCache
  ): Promise<void> {
    try {
      const refreshed = await adapter.refreshAccount(workspaceId)
      if (refreshed === null || this.cache !== cache) return
      await cache.meta.put({ key: ACCOUNT_META_KEY, value: refreshed.account })
      this.accountCurrency = currencyOf(refreshed.account) ?? this.accountCurrency
    } catch {
      // Not worth a message: the default stays until the next sync tries again.
    }
  }

  /** Hears records of one resource as sync pages are committed; returns the unsubscribe. */
  onRecords(resource: FeedResource, listener: RecordsListener): () => void {
    return this.feed.subscribe(resource, listener)
  }

  /**
   * "Sync now" (the status bar's button, and any command that means the same): pulls now and
   * sends the outbox's waiting changes at once, not when their backoff ends.
   */
  syncNow(): void {
    this.outbox?.sendWaitingNow()
    void this.scheduler?.syncNow()
  }

  cancelSync(): void {
    this.engine?.cancel()
  }

  close(): void {
    this.scheduler?.stop()
    this.engine?.cancel()
    for (const off of this.unsubscribers.splice(0)) off()
    this.outbox?.close()
    this.outbox = null
    this.cache?.close()
    this.cache = null
    this.engine = null
    this.scheduler = null
    this.progress = {}
    this.status = 'idle'
    this.serverWait = null
    connection.reset(this.capabilities.displayName)
  }
}

/** What a finished sync says about the server (null: nothing new). */
function reachOfRun(
  outcome: RunOutcome,
  errorKind: string | undefined,
  osOnline: boolean
): ServerReach | null {
  switch (outcome) {
    case 'complete':
    case 'partial':
      return 'reachable'
    case 'offline':
      // With the machine offline the run never reached the server: that says nothing about it.
      return osOnline ? 'unreachable' : null
    case 'failed':
      return errorKind === undefined ? null : reachOfFailure(errorKind)
    case 'cancelled':
      return null
  }
}

function currencyOf(account: unknown): string | null {
  const currency = (account as { currency?: unknown } | null | undefined)?.currency
  return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : null
}

export const session = new WorkspaceSession()
