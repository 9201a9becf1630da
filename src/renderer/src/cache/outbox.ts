/**
 * Local opportunity changes waiting to be pushed to ChartMogul. The outbox (src/renderer/src/outbox)
 * writes an entry in the same transaction as the edited row; this is the row as stored. Only
 * `opportunityUuid`, `status` and `createdAt` are indexed, so the push bookkeeping below needs no
 * schema version.
 */
import type {
  MonacoDealDraft,
  MonacoDealPatch,
  OpportunityDraft,
  OpportunityPatch
} from '../../../shared/domain'

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
  /** What is sent, in the workspace provider's terms (Monaco: tag ids, `custom_field_*`). */
  payload: OpportunityDraft | OpportunityPatch | MonacoDealDraft | MonacoDealPatch | null
  /**
   * The payload as the cached row shows it, by row path, when that differs from the payload
   * (Monaco: tag names for the ids sent; each custom field as `custom.<key>`). Absent: the
   * payload is in the row's terms (ChartMogul).
   */
  rowValues?: Record<string, unknown> | null
  /**
   * The server values the edit was made against (by row path), to detect conflicting remote
   * changes. For a delete: the whole row as it was, so discarding the delete can bring it back.
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
  /**
   * Creates: a UUID made when the create was queued and sent on every attempt, so a provider
   * with idempotent creates (Monaco) makes one deal however often it is resent. Stored in the
   * entry (IndexedDB), so it survives reloads; replaced only after the server refused a resend
   * of it and the deal was looked for and not found. Not indexed, so no schema version.
   */
  idempotencyKey?: string
  /** When the current `idempotencyKey` was first sent: where a search for its deal starts. */
  keySentAt?: string | null
  /**
   * An idempotent create whose resend was answered with an error instead of the original
   * result: the deal is looked for among the parent's deals before a fresh create is sent.
   */
  keyRefused?: boolean
  /** Per field, for status `conflict`. */
  conflicts?: Record<string, FieldConflict> | null
}
