/**
 * The simulated org's records as the store keeps them: references by id (owner, tags, account),
 * stage by key, custom field values by field id. `render.ts` turns them into wire shapes.
 * Timestamps are ISO strings with seconds and `Z`, as in every OpenAPI example.
 */
import type { TagObject } from './vocabulary'

export type EntityName = 'accounts' | 'contacts' | 'opportunities'

export interface UserRecord {
  id: string
  firstName: string | null
  lastName: string | null
  email: string | null
}

export interface OrgRecord {
  id: string
  name: string
  /** The user the API key acts as (`GET /v1/me`). */
  userId: string
}

export interface TagRecord {
  id: string
  object: TagObject
  name: string
  color: string | null
}

export type CustomFieldType = 'enum' | 'string' | 'date' | 'number'

export interface CustomFieldDef {
  /** A uuid; the wire key is `custom_field_<id>`. */
  id: string
  entity: EntityName
  name: string
  type: CustomFieldType
  /** Enum fields only: accepted keys and their display values. */
  options?: readonly { key: string; label: string }[]
  aiAutoFilled: boolean
}

/** Custom field values by field id; a missing key means "no value". */
export type CustomValues = Record<string, string | number>

export interface CompanyRecord {
  domain: string | null
  linkedinUrl: string | null
  description: string | null
  employeeCount: number | null
  foundedYear: number | null
  industries: string[]
  totalFundingUsd: number | null
  lastFundingDate: string | null
}

export interface AccountRecord {
  id: string
  name: string | null
  status: string | null
  ownerId: string | null
  notes: string | null
  company: CompanyRecord | null
  tier: string | null
  heatScore: string | null
  tagIds: string[]
  createdAt: string
  updatedAt: string
  custom: CustomValues
}

export interface ContactRecord {
  id: string
  accountId: string | null
  firstName: string | null
  lastName: string | null
  email: string | null
  title: string | null
  phoneNumber: string | null
  linkedinUrl: string | null
  location: string | null
  source: string | null
  doNotContact: boolean
  notes: string | null
  heatScore: string | null
  tagIds: string[]
  createdAt: string
  updatedAt: string
  lastActivityAt: string | null
  custom: CustomValues
}

export interface MoneyRecord {
  currencyCode: string | null
  /** Integer "unit quantity of the specified currency" (major vs minor units UNCONFIRMED). */
  amount: number | null
}

export interface ExplanationRecord {
  title: string
  body: string
  confidence: string | null
  citations: { url: string | null; title: string | null; excerpts: string[] | null }[] | null
}

export interface OpportunityRecord {
  id: string
  accountId: string
  name: string | null
  ownerId: string | null
  /** A stage key from `vocabulary.STAGES`. */
  stage: string | null
  estimatedValue: MoneyRecord | null
  estimatedCloseDate: string | null
  actualCloseDate: string | null
  summary: string | null
  risks: string[]
  notes: string | null
  tagIds: string[]
  lastActivityAt: string | null
  updatedAt: string
  createdAt: string
  custom: CustomValues
  /** AI reasoning per custom field id (detail responses only). */
  explanations: Record<string, ExplanationRecord>
}

export interface RecordOf {
  accounts: AccountRecord
  contacts: ContactRecord
  opportunities: OpportunityRecord
}

export type AnyRecord = RecordOf[EntityName]

/** `2025-06-01T09:00:00Z`: seconds and `Z`, the spelling of every OpenAPI example. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z'
}
