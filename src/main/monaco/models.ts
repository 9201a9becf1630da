import type { SkippedRecord } from '../../shared/domain'
import type {
  MonacoAccount,
  MonacoContact,
  MonacoCustomFields,
  MonacoOwner
} from '../../shared/domain/monaco'

export type * from '../../shared/domain/monaco'

/**
 * Provisional camelCase models of what Revdesk reads from Monaco. They live here, beside the
 * gateway, until the provider-neutral domain model exists (next session); nothing outside
 * `src/main/monaco` should depend on them yet.
 *
 * Money is integer minor units (cents for USD, yen for JPY) plus an ISO 4217 currency code, as
 * everywhere in Revdesk. Monaco's wire `amount` is a whole number of *major* units (see
 * `wire/money.ts`).
 */

/** Whole minor units of `currency`. */
export interface MonacoMoney {
  amountMinor: number
  currency: string
}

export interface MonacoOpportunity {
  id: string
  accountId: string
  name: string | null
  owner: MonacoOwner | null
  /** Stage key as Monaco reports it; labels come from the field schema. */
  stage: string | null
  estimatedValue: MonacoMoney | null
  /** `YYYY-MM-DD`. */
  estimatedCloseDate: string | null
  actualCloseDate: string | null
  summary: string | null
  risks: string[]
  notes: string | null
  /** Tag *names* (writes take tag ids). */
  tags: string[]
  lastActivityAt: string | null
  updatedAt: string | null
  createdAt: string
  customFields: MonacoCustomFields
}

export type MonacoListEntity = 'accounts' | 'contacts' | 'opportunities'

export interface MonacoEntityModels {
  accounts: MonacoAccount
  contacts: MonacoContact
  opportunities: MonacoOpportunity
}

/** One page of a page-numbered listing. */
export interface MonacoListPage<T> {
  items: T[]
  skipped: SkippedRecord[]
  /** 1-based, as Monaco echoed it. */
  page: number
  pageSize: number
  totalCount: number
  totalPages: number
  /** `page < totalPages`. */
  hasMore: boolean
}

/** The writable opportunity fields, camelCase. Money in minor units. */
export interface MonacoOpportunityDraft {
  name: string
  accountId: string
  ownerUserId?: string | null
  stage?: string | null
  estimatedValue?: MonacoMoney | null
  estimatedCloseDate?: string | null
  notes?: string | null
  /** Tag ids (not names). */
  tagIds?: string[] | null
  /** `custom_field_<uuid>` → value. */
  customFields?: MonacoCustomFields
}

export interface MonacoOpportunityPatch {
  name?: string | null
  ownerUserId?: string | null
  stage?: string | null
  estimatedValue?: MonacoMoney | null
  estimatedCloseDate?: string | null
  actualCloseDate?: string | null
  notes?: string | null
  /** Replaces every tag on the opportunity (Monaco's rule for PATCH `tags`). */
  tagIds?: string[] | null
  customFields?: MonacoCustomFields
}
