import type { SkippedRecord } from '../../shared/domain'

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

/** A user as embedded in an account or opportunity (`OwnerInfo`). */
export interface MonacoOwner {
  id: string
  firstName: string | null
  lastName: string | null
}

/** `custom_field_<uuid>` → value, exactly as Monaco sent it (keys kept in wire form). */
export type MonacoCustomFields = Record<string, unknown>

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

export interface MonacoAccount {
  id: string
  name: string | null
  /** Suggested NEW, PROSPECTING, …; Monaco accepts any string, so any is kept. */
  status: string | null
  owner: MonacoOwner | null
  notes: string | null
  domain: string | null
  tags: string[]
  createdAt: string
  updatedAt: string
  customFields: MonacoCustomFields
}

export interface MonacoContact {
  id: string
  accountId: string | null
  firstName: string | null
  lastName: string | null
  email: string | null
  title: string | null
  phoneNumber: string | null
  doNotContact: boolean
  tags: string[]
  createdAt: string
  updatedAt: string
  lastActivityAt: string | null
  customFields: MonacoCustomFields
}

export interface MonacoUser {
  id: string
  firstName: string | null
  lastName: string | null
  email: string | null
}

export interface MonacoTag {
  id: string
  name: string
  color: string | null
}

/** `GET /v1/me`: who the key acts as, and for which organization. */
export interface MonacoMe {
  orgId: string
  orgName: string | null
  userId: string
  userEmail: string | null
  userFirstName: string | null
  userLastName: string | null
}

export type KnownFieldType =
  | 'string'
  | 'number'
  | 'time'
  | 'boolean'
  | 'enum'
  | 'array'
  | 'date'
  | 'datetime'
  | 'text'
  | 'uuid'
  | 'object'

export interface MonacoEnumOption {
  /** What requests and filters must carry. */
  key: string
  /** What a person reads. */
  label: string
}

export interface MonacoField {
  key: string
  label: string
  /** Unknown types are kept as sent. */
  type: KnownFieldType | (string & {})
  parent: string | null
  filterable: boolean
  sortable: boolean
  /** false: read-only (system-derived or create-only). */
  updatable: boolean
  allowedOperators: string[]
  /** Present for enum/select fields (and semantic periods for dates). */
  allowedValues: MonacoEnumOption[] | null
  /** Present for custom fields (`custom_field_<uuid>` keys). */
  custom: { id: string; aiAutoFilled: boolean } | null
}

/** `GET /v1/schemas/{entity}`, with what the deal editor needs picked out. */
export interface MonacoFieldSchema {
  fields: MonacoField[]
  /** The `stage` field's allowed values, in Monaco's order; null if it has none. */
  stages: MonacoEnumOption[] | null
  customFields: MonacoField[]
  /** Field entries that could not be read (reported, not fatal). */
  skipped: SkippedRecord[]
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
