import { z } from 'zod'
import type { FieldError } from '../../chartmogul/errors'
import type { MonacoOpportunityDraft, MonacoOpportunityPatch } from '../models'
import { CUSTOM_FIELD_KEY } from './customFields'
import { toWireEstimatedValue } from './money'

/**
 * Opportunity writes: the camelCase draft/patch checked locally, then turned into
 * `OpportunityCreateRequest` / `OpportunityUpdateRequest`. Custom fields go beside the named
 * fields as `custom_field_<uuid>` keys (both request schemas allow extra properties).
 *
 * Ids are checked for presence only: the OpenAPI declares uuid, but its own examples use ids
 * like `usr_abc123`, so a stricter check could refuse real ids.
 */

const YMD = /^\d{4}-\d{2}-\d{2}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} is required.`)
const date = z
  .string()
  .regex(YMD, 'Use a YYYY-MM-DD date.')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'Not a real date.')
const money = z.object({
  amountMinor: z.number().int('The amount must be whole minor units.'),
  currency: z.string()
})
const customFields = z.record(
  z.string().regex(CUSTOM_FIELD_KEY, 'Custom field keys look like custom_field_<id>.'),
  z.unknown()
)

const patchFields = {
  name: nonEmpty('A name').nullish(),
  ownerUserId: nonEmpty('The owner').nullish(),
  stage: nonEmpty('The stage').nullish(),
  estimatedValue: money.nullish(),
  estimatedCloseDate: date.nullish(),
  notes: z.string().nullish(),
  tagIds: z.array(nonEmpty('A tag id')).nullish(),
  customFields: customFields.optional()
}

export const opportunityDraftSchema = z.object({
  ...patchFields,
  name: nonEmpty('A name'),
  accountId: nonEmpty('The account')
})

export const opportunityPatchSchema = z.object({
  ...patchFields,
  actualCloseDate: date.nullish()
})

export const idempotencyKeySchema = z.string().regex(UUID, 'The idempotency key must be a UUID.')

/** Domain field → wire field; also renames server-side field errors to domain names. */
export const OPPORTUNITY_WIRE_FIELDS = {
  name: 'name',
  accountId: 'account_id',
  ownerUserId: 'owner_user_id',
  stage: 'stage',
  estimatedValue: 'estimated_value',
  estimatedCloseDate: 'estimated_close_date',
  actualCloseDate: 'actual_close_date',
  notes: 'notes',
  tagIds: 'tags',
  idempotencyKey: 'idempotency_key'
} as const

/** A request body: named wire fields plus `custom_field_<uuid>` keys. */
export type WireOpportunityWrite = Record<string, unknown>

export type WriteResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldError[] }

type PatchInput = z.output<typeof opportunityPatchSchema>

function toWireFields(input: PatchInput): WriteResult<WireOpportunityWrite> {
  // Custom fields first, so a named field can never be overwritten through them.
  const wire: WireOpportunityWrite = { ...(input.customFields ?? {}) }
  const set = (key: keyof typeof OPPORTUNITY_WIRE_FIELDS, value: unknown) => {
    if (value !== undefined) wire[OPPORTUNITY_WIRE_FIELDS[key]] = value
  }
  set('name', input.name)
  set('ownerUserId', input.ownerUserId)
  set('stage', input.stage)
  set('estimatedCloseDate', input.estimatedCloseDate)
  set('actualCloseDate', input.actualCloseDate)
  set('notes', input.notes)
  set('tagIds', input.tagIds)
  if (input.estimatedValue === null) wire.estimated_value = null
  else if (input.estimatedValue !== undefined) {
    const converted = toWireEstimatedValue(input.estimatedValue)
    if (!converted.ok) {
      return { ok: false, fieldErrors: [{ field: 'estimatedValue', message: converted.message }] }
    }
    wire.estimated_value = converted.value
  }
  return { ok: true, value: wire }
}

function issuesOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : 'request',
    message: issue.message
  }))
}

/** `OpportunityCreateRequest`, carrying the caller's idempotency key unchanged. */
export function toWireOpportunityCreate(
  draft: MonacoOpportunityDraft,
  idempotencyKey: string
): WriteResult<WireOpportunityWrite> {
  const parsed = opportunityDraftSchema.safeParse(draft)
  const key = idempotencyKeySchema.safeParse(idempotencyKey)
  const problems = [
    ...(parsed.success ? [] : issuesOf(parsed.error)),
    ...(key.success
      ? []
      : [{ field: 'idempotencyKey', message: key.error.issues[0]?.message ?? 'Invalid.' }])
  ]
  if (!parsed.success || !key.success) return { ok: false, fieldErrors: problems }
  const fields = toWireFields(parsed.data)
  if (!fields.ok) return fields
  return {
    ok: true,
    value: {
      ...fields.value,
      account_id: parsed.data.accountId,
      idempotency_key: key.data
    }
  }
}

/** `OpportunityUpdateRequest`: only the fields given. A `tagIds` list replaces every tag. */
export function toWireOpportunityUpdate(
  patch: MonacoOpportunityPatch
): WriteResult<WireOpportunityWrite> {
  const parsed = opportunityPatchSchema.safeParse(patch)
  if (!parsed.success) return { ok: false, fieldErrors: issuesOf(parsed.error) }
  return toWireFields(parsed.data)
}

const DOMAIN_FIELD_BY_WIRE: ReadonlyMap<string, string> = new Map(
  Object.entries(OPPORTUNITY_WIRE_FIELDS).map(([domain, wire]) => [wire, domain])
)

/** `estimated_value.amount` → `estimatedValue.amount`; unknown names are kept. */
export function domainFieldName(wireField: string): string {
  const [head = '', ...rest] = wireField.split('.')
  const domain = DOMAIN_FIELD_BY_WIRE.get(head)
  return domain === undefined ? wireField : [domain, ...rest].join('.')
}
