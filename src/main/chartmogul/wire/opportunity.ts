import { z } from 'zod'
import type { Opportunity, OpportunityDraft, OpportunityPatch } from '../../../shared/domain'
import { calendarDate, cents, id, optionalString, optionalTimestamp } from './fields'

/**
 * `custom` is an object map in responses but an array of `{key, value}` in requests. Accept
 * the array form on reads too, in case an endpoint echoes what it was sent.
 */
const wireCustomRead = z
  .union([
    z.record(z.string(), z.unknown()),
    z.array(z.object({ key: z.string(), value: z.unknown() }))
  ])
  .nullish()
  .transform((value): Record<string, unknown> => {
    if (value === null || value === undefined) return {}
    if (Array.isArray(value)) return Object.fromEntries(value.map((e) => [e.key, e.value]))
    return value
  })

/** `GET /v1/opportunities[/…]` record and the body of create/update responses. */
export const wireOpportunitySchema = z.object({
  uuid: id,
  customer_uuid: id,
  owner: optionalString,
  pipeline: z.string(),
  pipeline_stage: z.string(),
  estimated_close_date: calendarDate.nullish().transform((value) => value ?? null),
  currency: z.string().min(1),
  amount_in_cents: cents,
  type: optionalString,
  forecast_category: optionalString,
  win_likelihood: z
    .number()
    .nullish()
    .transform((value) => value ?? null),
  custom: wireCustomRead,
  created_at: optionalTimestamp,
  updated_at: optionalTimestamp
})

export type WireOpportunity = z.output<typeof wireOpportunitySchema>

export function mapOpportunity(wire: WireOpportunity): Opportunity {
  return {
    uuid: wire.uuid,
    customerUuid: wire.customer_uuid,
    owner: wire.owner,
    pipeline: wire.pipeline,
    pipelineStage: wire.pipeline_stage,
    estimatedCloseDate: wire.estimated_close_date,
    currency: wire.currency,
    amountCents: wire.amount_in_cents,
    type: wire.type,
    forecastCategory: wire.forecast_category,
    winLikelihood: wire.win_likelihood,
    custom: wire.custom,
    createdAt: wire.created_at,
    updatedAt: wire.updated_at
  }
}

// ---- writes --------------------------------------------------------------------------------

export interface WireCustomEntry {
  key: string
  value: unknown
}

export interface WireOpportunityUpdate {
  owner?: string
  pipeline?: string
  pipeline_stage?: string
  estimated_close_date?: string
  currency?: string
  amount_in_cents?: number
  type?: string
  forecast_category?: string
  win_likelihood?: number
  custom?: WireCustomEntry[]
}

export interface WireOpportunityCreate extends WireOpportunityUpdate {
  customer_uuid: string
  owner: string
  pipeline: string
  pipeline_stage: string
  estimated_close_date: string
  currency: string
  amount_in_cents: number
}

/** Domain field → wire field, also used to name server-side validation errors our way. */
export const OPPORTUNITY_WIRE_FIELDS = {
  customerUuid: 'customer_uuid',
  owner: 'owner',
  pipeline: 'pipeline',
  pipelineStage: 'pipeline_stage',
  estimatedCloseDate: 'estimated_close_date',
  currency: 'currency',
  amountCents: 'amount_in_cents',
  type: 'type',
  forecastCategory: 'forecast_category',
  winLikelihood: 'win_likelihood',
  custom: 'custom'
} as const satisfies Record<keyof OpportunityDraft, string>

export function toWireOpportunityUpdate(patch: OpportunityPatch): WireOpportunityUpdate {
  const wire: WireOpportunityUpdate = {}
  if (patch.owner !== undefined) wire.owner = patch.owner
  if (patch.pipeline !== undefined) wire.pipeline = patch.pipeline
  if (patch.pipelineStage !== undefined) wire.pipeline_stage = patch.pipelineStage
  if (patch.estimatedCloseDate !== undefined) wire.estimated_close_date = patch.estimatedCloseDate
  if (patch.currency !== undefined) wire.currency = patch.currency
  if (patch.amountCents !== undefined) wire.amount_in_cents = patch.amountCents
  if (patch.type !== undefined) wire.type = patch.type
  if (patch.forecastCategory !== undefined) wire.forecast_category = patch.forecastCategory
  if (patch.winLikelihood !== undefined) wire.win_likelihood = patch.winLikelihood
  if (patch.custom !== undefined) wire.custom = toWireCustom(patch.custom)
  return wire
}

export function toWireOpportunityCreate(draft: OpportunityDraft): WireOpportunityCreate {
  const { customerUuid, ...rest } = draft
  return {
    customer_uuid: customerUuid,
    ...toWireOpportunityUpdate(rest),
    // Required on create; restated so the type says so.
    owner: draft.owner,
    pipeline: draft.pipeline,
    pipeline_stage: draft.pipelineStage,
    estimated_close_date: draft.estimatedCloseDate,
    currency: draft.currency,
    amount_in_cents: draft.amountCents
  }
}

function toWireCustom(custom: Record<string, unknown>): WireCustomEntry[] {
  return Object.entries(custom).map(([key, value]) => ({ key, value }))
}
