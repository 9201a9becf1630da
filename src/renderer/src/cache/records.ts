/**
 * What the cache stores: the shared domain records plus the sync engine's bookkeeping. Every
 * bookkeeping field starts with `_`, so the domain view of a row is the row minus those.
 */
import type { Activity, Customer, Opportunity, Plan } from '../../../shared/domain'
import { DEAL_FIELDS, type DealField } from '../../../shared/providers/capabilities'
import type { SyncResource } from '../../../shared/sync/pageSource'
import type {
  MonacoAccount,
  MonacoContact,
  MonacoTag,
  MonacoUser
} from '../../../shared/domain/monaco'

export interface SyncStamp {
  /** Generation of the pass that last wrote the row; a complete pass removes older rows. */
  _gen: number
}

export type CachedCustomer = Customer & SyncStamp
export type CachedPlan = Plan & SyncStamp
export type CachedActivity = Activity & SyncStamp

/** Monaco records: written by the Monaco sync with the pass's generation, like the others. */
export type CachedAccount = MonacoAccount & SyncStamp
export type CachedContact = MonacoContact & SyncStamp
/** Users and tags are read whole every sync and replaced, so they carry no generation. */
export type CachedUser = MonacoUser
export type CachedTag = MonacoTag

/**
 * A deal field a user can edit locally, in the provider-neutral vocabulary (ChartMogul's patch
 * keys, Monaco's `name` and `tags`, `custom` for any custom field). The parent is set on create
 * only, so it is never an edit.
 */
export type EditableOpportunityField = Exclude<DealField, 'customerUuid'>

const EDITABLE_FIELDS: ReadonlySet<string> = new Set(
  DEAL_FIELDS.filter((field) => field !== 'customerUuid')
)

export function isEditableOpportunityField(field: string): field is EditableOpportunityField {
  return EDITABLE_FIELDS.has(field)
}

export interface CachedOpportunity extends Opportunity, SyncStamp {
  /**
   * Fields edited locally and not yet confirmed by the provider. A pull keeps their local values
   * and a pass never removes the row while any remain.
   */
  _pending?: EditableOpportunityField[]
  /** 1 while `_pending` is non-empty: IndexedDB cannot index booleans or array emptiness. */
  _dirty?: 0 | 1
}

export interface CachedRecordOf {
  customers: CachedCustomer
  plans: CachedPlan
  activities: CachedActivity
  opportunities: CachedOpportunity
}

export type CachedRecord = CachedRecordOf[SyncResource]

export function hasPendingEdits(row: { _pending?: readonly string[] }): boolean {
  return (row._pending?.length ?? 0) > 0
}

/** The domain record behind a cached row (bookkeeping fields removed). */
export function withoutBookkeeping<T extends object>(row: T): T {
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) if (!key.startsWith('_')) copy[key] = value
  return copy as T
}
