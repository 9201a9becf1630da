import { z } from 'zod'
import {
  id,
  optionalString,
  optionalTimestamp,
  stringList,
  timestamp
} from '../../chartmogul/wire/fields'
import type { MonacoOpportunity } from '../models'
import { pickCustomFields } from './customFields'
import { lenientCalendarDate } from './fields'
import { wireEstimatedValueSchema } from './money'
import { wireOwnerSchema } from './owner'

/**
 * `OpportunityResponse` / `OpportunityDetailResponse` (list records, get, create and update
 * answers). Required by the OpenAPI: `id`, `account_id`, `created_at`; everything else may be
 * absent (the create example omits several) and means null or empty. Extra keys are kept so
 * `custom_field_<uuid>` values survive; any other unknown key is ignored.
 */
export const wireOpportunitySchema = z.looseObject({
  id,
  account_id: id,
  name: optionalString,
  owner: wireOwnerSchema,
  stage: optionalString,
  estimated_value: wireEstimatedValueSchema,
  estimated_close_date: lenientCalendarDate,
  actual_close_date: lenientCalendarDate,
  summary: optionalString,
  risks: stringList,
  notes: optionalString,
  tags: stringList,
  last_activity_at: optionalTimestamp,
  updated_at: optionalTimestamp,
  created_at: timestamp
})

export type WireOpportunity = z.output<typeof wireOpportunitySchema>

export function mapOpportunity(wire: WireOpportunity): MonacoOpportunity {
  return {
    id: wire.id,
    accountId: wire.account_id,
    name: wire.name,
    owner: wire.owner,
    stage: wire.stage,
    estimatedValue: wire.estimated_value,
    estimatedCloseDate: wire.estimated_close_date,
    actualCloseDate: wire.actual_close_date,
    summary: wire.summary,
    risks: wire.risks,
    notes: wire.notes,
    tags: wire.tags,
    lastActivityAt: wire.last_activity_at,
    updatedAt: wire.updated_at,
    createdAt: wire.created_at,
    customFields: pickCustomFields(wire)
  }
}
