/**
 * The outbox's vocabulary: what pushing needs from the provider, and the shape of a queued
 * entry as the outbox stores it.
 */
import type { FieldConflict, FieldIssue, OutboxEntry, OutboxStatus } from '../cache'
import type {
  MonacoDealDraft,
  MonacoDealPatch,
  Opportunity,
  OpportunityDraft,
  OpportunityPatch
} from '../../../shared/domain'

/** A new deal as any provider's rules accept it (see dealRules.ts for which applies). */
export type DealDraft = OpportunityDraft | MonacoDealDraft
/** A change to a deal as any provider's rules accept it. */
export type DealPatch = OpportunityPatch | MonacoDealPatch

export interface WriteOptions {
  signal?: AbortSignal
  /**
   * Creates only: names one queued create across attempts, reloads and restarts of the page.
   * The main process never has two sends of the same one in flight, and answers a repeat with
   * the first one's result (a page reload must not make a second deal while the first request
   * is still on its way).
   */
  clientRef?: string
  /**
   * Creates with idempotent writes only: the UUID stored with the outbox entry, the same on
   * every attempt of that create (the server makes one deal however often it is resent).
   */
  idempotencyKey?: string
}

/**
 * What pushing needs. In the app it is the bridge; in tests the gateway client. Errors carry a
 * CamelCase `kind` (gateway) or a snake_case `code` (bridge); see failures.ts.
 */
export interface OpportunityWrites<
  Draft extends DealDraft = OpportunityDraft,
  Patch extends DealPatch = OpportunityPatch
> {
  /**
   * The provider's capability (`idempotentCreates` in shared/providers/capabilities.ts): creates
   * take `idempotencyKey`, so an ambiguous create is resent with the same key instead of being
   * looked for first. Absent = false (ChartMogul).
   */
  readonly createsAreIdempotent?: boolean
  create(draft: Draft, options?: WriteOptions): Promise<Opportunity>
  update(uuid: string, patch: Patch, options?: WriteOptions): Promise<Opportunity>
  delete(uuid: string, options?: WriteOptions): Promise<void>
  /** null when the opportunity does not exist (any more). */
  get(uuid: string, options?: WriteOptions): Promise<Opportunity | null>
  /** Every opportunity of the customer (all pages). */
  listForCustomer(customerUuid: string, options?: WriteOptions): Promise<Opportunity[]>
}

/** Writes of either provider, as the pusher takes them. */
export type AnyOpportunityWrites = OpportunityWrites<DealDraft, DealPatch>

/** The outbox's entry is the cache's row: every push field is declared there. */
export type PushEntry = OutboxEntry
export type PushStatus = OutboxStatus
export type { FieldConflict, FieldIssue }

export type EntryId = number

export const LOCAL_ID_PREFIX = 'local_'

export function isLocalId(uuid: string): boolean {
  return uuid.startsWith(LOCAL_ID_PREFIX)
}
