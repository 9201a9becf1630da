/** The account fields `GET /v1/schemas/accounts` publishes (standard ones; custom added by index.ts). */
import type { AccountRecord } from '../records'
import { ACCOUNT_STATUSES, HEAT_SCORES, INDUSTRIES, TIERS } from '../vocabulary'
import { field, fixedValues, tagValues, userValues } from './build'
import type { FieldDef } from './types'

type A = AccountRecord

export const ACCOUNT_FIELDS: readonly FieldDef<A>[] = [
  field<A>('name', 'Name', 'string', (r) => r.name, { updatable: true }),
  field<A>('status', 'Status', 'enum', (r) => r.status, {
    updatable: true,
    allowed: fixedValues(ACCOUNT_STATUSES)
  }),
  field<A>('owner', 'Owner', 'uuid', (r) => r.ownerId, { updatable: true, allowed: userValues }),
  field<A>('notes', 'Notes', 'text', (r) => r.notes, { updatable: true }),
  field<A>('domain', 'Domain', 'string', (r) => r.company?.domain ?? null, { parent: 'company' }),
  field<A>('employee_count', 'Employee Count', 'number', (r) => r.company?.employeeCount ?? null, {
    parent: 'company'
  }),
  field<A>('founded_year', 'Founded Year', 'number', (r) => r.company?.foundedYear ?? null, {
    parent: 'company'
  }),
  field<A>('industries', 'Industries', 'array', (r) => r.company?.industries ?? [], {
    parent: 'company',
    allowed: () => INDUSTRIES.map((i) => ({ key: i, label: i }))
  }),
  field<A>(
    'total_funding_usd',
    'Total Funding (USD)',
    'number',
    (r) => r.company?.totalFundingUsd ?? null,
    {
      parent: 'company'
    }
  ),
  field<A>(
    'last_funding_date',
    'Last Funding Date',
    'date',
    (r) => r.company?.lastFundingDate ?? null,
    {
      parent: 'company'
    }
  ),
  field<A>('tier', 'Tier', 'enum', (r) => r.tier, {
    parent: 'scoring',
    allowed: () => TIERS.map((t) => ({ key: t, label: t }))
  }),
  field<A>('heat_score', 'Heat Score', 'enum', (r) => r.heatScore, {
    parent: 'scoring',
    allowed: () => HEAT_SCORES.map((h) => ({ key: h, label: h }))
  }),
  field<A>('tags', 'Tags', 'array', (r) => r.tagIds, {
    updatable: true,
    allowed: tagValues('accounts')
  }),
  field<A>('created_at', 'Created At', 'datetime', (r) => r.createdAt),
  field<A>('updated_at', 'Updated At', 'datetime', (r) => r.updatedAt)
]
