/**
 * What a workspace session needs from its provider, in one place per provider (`chartmogul.ts`,
 * `monaco.ts`, chosen once by `adapterFor`). The session and the views never ask which provider
 * a workspace has: behaviour comes from here, labels and field rules from the capability table
 * (`shared/providers/capabilities.ts`).
 */
import type { ProviderId } from '../../../shared/providers/providerId'
import type { Workspace } from '../../../shared/workspace/workspace'
import type { CachedOpportunity, WorkspaceCache } from '../cache'
import type { FeedResource } from '../app/recordFeed'
import type { AnyOpportunityWrites, DealGeneration, PushEntry } from '../outbox'
import type { QuickJumpSource } from '../shell/quickJumpSource'
import type { SyncEngine } from '../sync'

export interface SessionEngineInput {
  workspace: Workspace
  cache: WorkspaceCache
  /** Records of each committed page/step, for the grids that show them live. */
  onRecords: (resource: FeedResource, records: readonly object[]) => void
}

/** The fields a grid quick edit may change (a subset every provider's patch accepts). */
export interface QuickEditPatch {
  pipelineStage?: string
  forecastCategory?: string
  amountCents?: number
  currency?: string
  estimatedCloseDate?: string
  /** ChartMogul: a user's email; Monaco: a user id (the command palette's "Assign owner…"). */
  owner?: string
}

export interface ProviderAdapter {
  readonly id: ProviderId
  /** The sync engine that fills this workspace's cache. */
  createSyncEngine(input: SessionEngineInput): SyncEngine
  /** What the outbox pushes with. */
  createWrites(workspaceId: string): AnyOpportunityWrites
  /** Where this provider's sync keeps its deals' generation (the outbox stamps confirmed creates). */
  readonly dealGeneration: DealGeneration
  /**
   * After a complete sync: the account's settings (its `currency` is a new deal's default), or
   * null when the provider has none to read (the last known currency, or USD, stays).
   */
  refreshAccount(workspaceId: string): Promise<{ account: unknown } | null>
  /** What Ctrl/Cmd+K searches; a hit opens a deal parent (Customer 360 / Account 360). */
  readonly quickJump: QuickJumpSource
  /** Queues a grid quick edit through the outbox with this provider's rules. */
  queueQuickEdit(db: WorkspaceCache, uuid: string, patch: QuickEditPatch): Promise<PushEntry | null>
}

export type { CachedOpportunity }
