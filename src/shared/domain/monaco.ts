import type { SkippedRecord } from './listPage'

/**
 * Monaco's own records (the provider-neutral deal is `Opportunity`): accounts (a Monaco
 * workspace's "customers"), contacts, users (deal owners), tags and the opportunity field
 * schema. camelCase, read from the wire in `src/main/monaco/wire/`.
 */

/** A user as embedded in an account or opportunity (`OwnerInfo`). */
export interface MonacoOwner {
  id: string
  firstName: string | null
  lastName: string | null
}

/** `custom_field_<uuid>` → value, exactly as Monaco sent it (keys kept in wire form). */
export type MonacoCustomFields = Record<string, unknown>

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
