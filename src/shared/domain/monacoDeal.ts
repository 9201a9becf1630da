/**
 * A Monaco deal as a user writes it, in the provider-neutral field names of `Opportunity`
 * (main turns it into Monaco's `OpportunityCreateRequest` / `OpportunityUpdateRequest`).
 * Checked locally so a bad field is heard about before anything is queued or sent; the
 * messages are shown as they are. Which fields are required follows the capability table.
 */
import { z } from 'zod'

const YMD = /^\d{4}-\d{2}-\d{2}$/

function isRealDate(value: string): boolean {
  const ms = Date.parse(`${value}T00:00:00Z`)
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value
}

const isoDate = z
  .string()
  .regex(YMD, 'Use a date like 2024-03-30.')
  .refine((value) => isRealDate(value), 'That date does not exist.')

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} is required.`)

/** Monaco ids are checked for presence and a sane size only (its examples are not uuids). */
const reference = (what: string) =>
  z.string().trim().min(1, `${what} is required.`).max(128, `That is not a ${what} id.`)

const CUSTOM_FIELD_KEY = /^custom_field_[A-Za-z0-9-]{1,64}$/

const dealFields = {
  name: nonEmpty('A name').max(255, 'Keep the name under 256 characters.'),
  /** A Monaco user id, or null for no owner. */
  owner: reference('user').nullable(),
  /** A stage key from the field schema. */
  pipelineStage: reference('stage').nullable(),
  estimatedCloseDate: isoDate.nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code like USD.'),
  /** Minor units; null clears the estimated value. */
  amountCents: z
    .number()
    .int('The amount must be a whole number of cents.')
    .min(0, 'The amount cannot be negative.')
    .max(Number.MAX_SAFE_INTEGER, 'That amount is too large.')
    .nullable(),
  /** Tag ids. On update the list replaces every tag the deal had (Monaco's rule). */
  tagIds: z.array(reference('tag')).max(100, 'At most 100 tags.'),
  /** `custom_field_<id>` → value. */
  custom: z.record(
    z.string().regex(CUSTOM_FIELD_KEY, 'Custom field keys look like custom_field_<id>.'),
    z.union([z.string().max(10_000), z.number(), z.boolean(), z.null(), z.array(z.string())])
  )
}

export const monacoDealDraftSchema = z
  .strictObject({
    customerUuid: reference('account'),
    name: dealFields.name,
    owner: dealFields.owner.optional(),
    pipelineStage: dealFields.pipelineStage.optional(),
    estimatedCloseDate: dealFields.estimatedCloseDate.optional(),
    currency: dealFields.currency.optional(),
    amountCents: dealFields.amountCents.optional(),
    tagIds: dealFields.tagIds.optional(),
    custom: dealFields.custom.optional()
  })
  .refine(
    (draft) =>
      draft.amountCents === undefined || draft.amountCents === null || draft.currency !== undefined,
    { message: 'An amount needs a currency.', path: ['currency'] }
  )

export type MonacoDealDraft = z.infer<typeof monacoDealDraftSchema>

export const monacoDealPatchSchema = z
  .strictObject({
    name: dealFields.name.optional(),
    owner: dealFields.owner.optional(),
    pipelineStage: dealFields.pipelineStage.optional(),
    estimatedCloseDate: dealFields.estimatedCloseDate.optional(),
    currency: dealFields.currency.optional(),
    amountCents: dealFields.amountCents.optional(),
    tagIds: dealFields.tagIds.optional(),
    custom: dealFields.custom.optional()
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'Nothing to change.'
  })

export type MonacoDealPatch = z.infer<typeof monacoDealPatchSchema>
