/**
 * The outbox's vocabulary: what pushing needs from ChartMogul, and the shape of a queued
 * entry as the outbox stores it.
 */
import type { FieldConflict, FieldIssue, OutboxEntry, OutboxStatus } from '../cache'
import type { Opportunity, OpportunityDraft, OpportunityPatch } from '../../../shared/domain'

export interface WriteOptions {
  signal?: AbortSignal
  /**
   * Creates only: names one queued create across attempts, reloads and restarts of the page.
   * The main process never has two sends of the same one in flight, and answers a repeat with
   * the first one's result (a page reload must not make a second deal while the first request
   * is still on its way).
   */
  clientRef?: string
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

/** The outbox's entry is the cache's row: every push field is declared there. */
export type PushEntry = OutboxEntry
export type PushStatus = OutboxStatus
export type { FieldConflict, FieldIssue }

export type EntryId = number

export const LOCAL_ID_PREFIX = 'local_'

export function isLocalId(uuid: string): boolean {
  return uuid.startsWith(LOCAL_ID_PREFIX)
}
