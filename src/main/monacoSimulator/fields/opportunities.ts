/**
 * The opportunity fields `GET /v1/schemas/opportunities` publishes. `stage` is an enum whose
 * keys are what writes and filters take; it sorts in pipeline order.
 */
import type { OpportunityRecord } from '../records'
import { CURRENCIES, STAGES } from '../vocabulary'
import { field, tagValues, userValues } from './build'
import type { FieldDef } from './types'

type O = OpportunityRecord

export const OPPORTUNITY_FIELDS: readonly FieldDef<O>[] = [
  field<O>('name', 'Name', 'string', (r) => r.name, { updatable: true }),
  field<O>('account_id', 'Account', 'uuid', (r) => r.accountId),
  field<O>('owner', 'Owner', 'uuid', (r) => r.ownerId, { updatable: true, allowed: userValues }),
  field<O>('stage', 'Stage', 'enum', (r) => r.stage, {
    updatable: true,
    allowed: () => STAGES.map((s) => ({ key: s.key, label: s.label })),
    sortValue: (r) => (r.stage === null ? null : STAGES.findIndex((s) => s.key === r.stage))
  }),
  field<O>('amount', 'Amount', 'number', (r) => r.estimatedValue?.amount ?? null, {
    parent: 'estimated_value',
    updatable: true
  }),
  field<O>('currency_code', 'Currency', 'enum', (r) => r.estimatedValue?.currencyCode ?? null, {
    parent: 'estimated_value',
    updatable: true,
    allowed: () => CURRENCIES.map((c) => ({ key: c, label: c }))
  }),
  field<O>('estimated_close_date', 'Estimated Close Date', 'date', (r) => r.estimatedCloseDate, {
    updatable: true
  }),
  field<O>('actual_close_date', 'Actual Close Date', 'date', (r) => r.actualCloseDate, {
    updatable: true
  }),
  field<O>('summary', 'Summary', 'text', (r) => r.summary),
  field<O>('notes', 'Notes', 'text', (r) => r.notes, { updatable: true }),
  field<O>('tags', 'Tags', 'array', (r) => r.tagIds, {
    updatable: true,
    allowed: tagValues('opportunities')
  }),
  field<O>('last_activity_at', 'Last Activity At', 'datetime', (r) => r.lastActivityAt),
  field<O>('created_at', 'Created At', 'datetime', (r) => r.createdAt),
  field<O>('updated_at', 'Updated At', 'datetime', (r) => r.updatedAt)
]
