/**
 * What the renderer's Monaco sync needs from the outside world, the Monaco counterpart of
 * `PageSource`: one keyset step of one entity at a time, plus the small lookups (users, tags,
 * the opportunity field schema) read whole. In the app it is the bridge (main holds the key and
 * the organization's rate limiter); in Node tests and benchmarks it is the Monaco client
 * talking to the simulator directly.
 */
import type { Opportunity, SkippedRecord } from '../domain'
import type {
  MonacoAccount,
  MonacoContact,
  MonacoFieldSchema,
  MonacoTag,
  MonacoUser
} from '../domain/monaco'
import type { KeysetPosition } from './keysetPosition'

export const MONACO_SYNC_ENTITIES = ['accounts', 'contacts', 'opportunities'] as const
export type MonacoSyncEntity = (typeof MONACO_SYNC_ENTITIES)[number]

/** What each entity is cached as. Opportunities are the provider-neutral deal. */
export interface MonacoEntityRecord {
  accounts: MonacoAccount
  contacts: MonacoContact
  opportunities: Opportunity
}

export interface MonacoStepRequest<E extends MonacoSyncEntity = MonacoSyncEntity> {
  entity: E
  /** Where the walk stands; absent = the start. */
  position?: KeysetPosition
  /**
   * Incremental passes: only records with `updated_at` strictly after this ISO instant. A
   * server that refuses the filter answers a validation error (HTTP 422); the caller then falls
   * back to full passes.
   */
  updatedAfter?: string
  /**
   * A window of `created_at` (ISO instants; `from` inclusive, `before` exclusive) the walk stays
   * in, so one entity can be read by several walks in parallel. Absent = the whole listing.
   */
  createdRange?: CreatedRange
  /** 1–500 (Monaco's cap); default 500. */
  pageSize?: number
}

export interface CreatedRange {
  from?: string
  before?: string
}

export interface MonacoBoundsRequest {
  entity: MonacoSyncEntity
  updatedAfter?: string
  /**
   * Only `totalCount` is wanted (the drift check after a full pass): one one-record request,
   * and both instants come back null.
   */
  countOnly?: boolean
}

/**
 * How big a listing is and which `created_at` instants it spans (two one-record requests; one
 * when only the count was asked for).
 */
export interface MonacoBounds {
  totalCount: number
  /** null when the listing is empty (or only the count was asked for). */
  oldestCreatedAt: string | null
  newestCreatedAt: string | null
  requests: number
}

export interface MonacoStep<T> {
  /** Records read for the first time in this step, in `created_at` order. */
  items: T[]
  skipped: SkippedRecord[]
  /** Where to resume once `items` are stored. Store both in one transaction. */
  position: KeysetPosition
  /** The walk reached the end: every record present throughout the pass was read. */
  done: boolean
  /**
   * The `total_count` of the step's last request: records from the sent position on, with the
   * same filters and window. On a walk's first step that is the window's (or, for a one-record
   * step from the start without a window, the whole listing's) size. No step spends a request
   * on a count alone. null when the step did not read one.
   */
  totalCount: number | null
  /** HTTP requests this step made (retries included). */
  requests: number
}

export interface MonacoLookups {
  users: MonacoUser[]
  tags: MonacoTag[]
  opportunitySchema: MonacoFieldSchema
}

export interface MonacoSource {
  listStep<E extends MonacoSyncEntity>(
    request: MonacoStepRequest<E>,
    signal?: AbortSignal
  ): Promise<MonacoStep<MonacoEntityRecord[E]>>
  /** What a pass will read, to plan partitions and estimate progress. */
  bounds(request: MonacoBoundsRequest, signal?: AbortSignal): Promise<MonacoBounds>
  lookups(signal?: AbortSignal): Promise<MonacoLookups>
}
