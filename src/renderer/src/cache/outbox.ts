/**
 * Local opportunity changes waiting to be pushed to ChartMogul. The outbox (src/renderer/src/outbox)
 * writes an entry in the same transaction as the edited row; this is the row as stored. Only
 * `opportunityUuid`, `status` and `createdAt` are indexed, so the push bookkeeping below needs no
 * schema version.
 */
import type { OpportunityDraft, OpportunityPatch } from '../../../shared/domain'

export type OutboxKind = 'create' | 'update' | 'delete'
/**
 * - `pending`: waiting to be sent (perhaps backing off until `nextAttemptAt`).
 * - `in_flight`: being sent (left so by a crash: treated as "may have been applied").
 * - `failed`: ChartMogul refused this exact change; the user fixes and retries, or discards.
 * - `conflict`: changed in ChartMogul too; the user picks mine or theirs per field.
 * - `done`: kept only transiently; pushed entries are removed.
 */
export type OutboxStatus = 'pending' | 'in_flight' | 'failed' | 'conflict' | 'done'

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

export interface OutboxEntry {
  /** Auto-incremented: also the push order. */
  id?: number
  opportunityUuid: string
  kind: OutboxKind
  payload: OpportunityDraft | OpportunityPatch | null
  /**
   * The server values the edit was made against, to detect conflicting remote changes. For a
   * delete: the whole row as it was, so discarding the delete can bring it back.
   */
  baseValues: Record<string, unknown> | null
  status: OutboxStatus
  createdAt: string
  attempts: number
  lastError: string | null
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
