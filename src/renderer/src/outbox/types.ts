/**
 * The outbox's vocabulary: what pushing needs from ChartMogul, and the shape of a queued
 * entry as the outbox stores it.
 */
import type { OutboxEntry, OutboxStatus } from '../cache'
import type { Opportunity, OpportunityDraft, OpportunityPatch } from '../../../shared/domain'

export interface WriteOptions {
  signal?: AbortSignal
}

/**
 * What pushing needs. In the app it is the bridge; in tests the gateway client. Errors carry a
 * CamelCase `kind` (gateway) or a snake_case `code` (bridge); see failures.ts.
 */
export interface OpportunityWrites {
  create(draft: OpportunityDraft, options?: WriteOptions): Promise<Opportunity>
  update(uuid: string, patch: OpportunityPatch, options?: WriteOptions): Promise<Opportunity>
  delete(uuid: string, options?: WriteOptions): Promise<void>
  /** null when the opportunity does not exist (any more). */
  get(uuid: string, options?: WriteOptions): Promise<Opportunity | null>
  /** Every opportunity of the customer (all pages). */
  listForCustomer(customerUuid: string, options?: WriteOptions): Promise<Opportunity[]>
}

/** One field changed here and on the server since the edit was made. */
export interface FieldConflict {
  mine: unknown
  theirs: unknown
  base: unknown
}

export interface FieldIssue {
  field: string
  message: string
}

/** `conflict` extends the cache's statuses (see the report: the cache type should list it). */
export type PushStatus = OutboxStatus | 'conflict'

/**
 * An outbox row as the outbox writes it: the cache's `OutboxEntry` plus push bookkeeping. The
 * extra fields are not indexed, so they need no schema version.
 */
export interface PushEntry extends Omit<OutboxEntry, 'status'> {
  status: PushStatus
  /** ISO time before which a retry is not attempted (backoff). */
  nextAttemptAt?: string | null
  /** Normalised kind of the last error (`rate_limited`, `validation`, …). */
  lastErrorKind?: string | null
  /** Field complaints from the last refusal, when the server gave them. */
  fieldIssues?: FieldIssue[] | null
  /** When the latest attempt began (ISO); for a create, where reconciliation starts looking. */
  attemptedAt?: string | null
  /**
   * A create that may have reached ChartMogul without our learning the outcome: it must be
   * reconciled (looked for) before it is ever sent again.
   */
  outcomeUnknown?: boolean
  /** Per field, for status `conflict`. */
  conflicts?: Record<string, FieldConflict> | null
}

export type EntryId = number

export const LOCAL_ID_PREFIX = 'local_'

export function isLocalId(uuid: string): boolean {
  return uuid.startsWith(LOCAL_ID_PREFIX)
}
