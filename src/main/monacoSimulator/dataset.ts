/** What a generated (or hand-built) Monaco org consists of, and the knobs that shape it. */
import type {
  AccountRecord,
  ContactRecord,
  CustomFieldDef,
  OpportunityRecord,
  OrgRecord,
  TagRecord,
  UserRecord
} from './records'

export interface MonacoDataset {
  org: OrgRecord
  users: UserRecord[]
  tags: TagRecord[]
  customFields: CustomFieldDef[]
  accounts: AccountRecord[]
  contacts: ContactRecord[]
  opportunities: OpportunityRecord[]
}

export interface MonacoDatasetOptions {
  seed: number
  /** Default 500. */
  accounts?: number
  /** Default 2 per account. */
  contacts?: number
  /** Default 3 per 5 accounts. */
  opportunities?: number
  /** Users in the org (owners); default 8, at least 1. */
  users?: number
  /** The org's "today" (ISO date or Date); default 2026-01-01. Generation never reads the clock. */
  now?: string | Date
}
