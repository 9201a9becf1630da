/**
 * Local opportunity edits waiting to be pushed to ChartMogul. Only the schema exists for now:
 * the push side arrives later and writes entries in the same transaction as the edited row.
 */
import type { OpportunityDraft, OpportunityPatch } from '../../../shared/domain'

export type OutboxKind = 'create' | 'update' | 'delete'
export type OutboxStatus = 'pending' | 'in_flight' | 'failed' | 'done'

export interface OutboxEntry {
  /** Auto-incremented: also the push order. */
  id?: number
  opportunityUuid: string
  kind: OutboxKind
  payload: OpportunityDraft | OpportunityPatch | null
  /** The server values the edit was made against, to detect conflicting remote changes. */
  baseValues: Record<string, unknown> | null
  status: OutboxStatus
  createdAt: string
  attempts: number
  lastError: string | null
}
