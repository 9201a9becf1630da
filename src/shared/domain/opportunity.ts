import { z } from 'zod'
import type { Cents } from './money'

export const OPPORTUNITY_TYPES = ['recurring', 'one-time'] as const
export type KnownOpportunityType = (typeof OPPORTUNITY_TYPES)[number]

export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'committed', 'lost', 'won'] as const
export type KnownForecastCategory = (typeof FORECAST_CATEGORIES)[number]

/**
 * The provider-neutral deal: a ChartMogul opportunity or a Monaco opportunity. Which fields a
 * provider has, requires and lets people edit is in `shared/providers/capabilities.ts`.
 */
export interface Opportunity {
  /** The provider's id (ChartMogul uuid, Monaco id). */
  uuid: string
  /** What the deal belongs to: a ChartMogul customer's uuid, a Monaco account's id. */
  customerUuid: string
  /**
   * Owner reference: ChartMogul, the email of a user with a CRM seat; Monaco, a user id (names
   * come from the cached users).
   */
  owner: string | null
  /** ChartMogul's pipeline *name*, e.g. `New Business`; empty where the provider has none. */
  pipeline: string
  /**
   * The stage *key*: ChartMogul's stage name (its own key and label, e.g. `Discovery`); a
   * Monaco stage key, whose label comes from the cached field schema.
   */
  pipelineStage: string
  /** The deal's title (Monaco); ChartMogul deals have none. */
  name?: string | null
  /** Tag names (Monaco). */
  tags?: string[]
  /** Calendar date `YYYY-MM-DD`. */
  estimatedCloseDate: string | null
  currency: string
  amountCents: Cents
  // Values outside the known lists are kept: ChartMogul's own clients disagree on them.
  type: KnownOpportunityType | (string & {}) | null
  forecastCategory: KnownForecastCategory | (string & {}) | null
  /** 0–100. */
  winLikelihood: number | null
  /** The account's custom opportunity attributes, by key. */
  custom: Record<string, unknown>
  /** ISO-8601 UTC timestamps; null when the API leaves them out. */
  createdAt: string | null
  updatedAt: string | null
}

function isRealDate(value: string): boolean {
  const ms = Date.parse(`${value}T00:00:00Z`)
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value
}

// ---- write inputs ------------------------------------------------------------------------
// Validated locally so a user hears about a bad field before anything is queued or sent; the
// messages are shown as they are.

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2024-03-30.')
  // Date.parse rolls 2024-02-30 over to March, so check the date survives a round trip.
  .refine((value) => isRealDate(value), 'That date does not exist.')

const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code like USD.')

const amountCents = z
  .number()
  .int('The amount must be a whole number of cents.')
  .min(0, 'The amount cannot be negative.')
  .max(Number.MAX_SAFE_INTEGER, 'That amount is too large.')

const ownerEmail = z.email('The owner must be the email address of a ChartMogul user.')

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} is required.`)

/**
 * What one write may carry in `custom`. ChartMogul documents String values of up to 255
 * characters (help.chartmogul.com, "Custom attributes": "Sequence of letters, numbers, or
 * symbols up to 255 characters in length") and no limit on how many attributes there are.
 * UNCONFIRMED, chosen conservatively here: 100 attributes per deal, keys up to 255 characters,
 * and 1,024 characters of JSON for a structured value (kept so a value the server sent survives
 * an edit of something else).
 */
export const CUSTOM_ATTRIBUTE_LIMITS = {
  maxAttributes: 100,
  maxKeyLength: 255,
  maxStringLength: 255,
  maxStructuredLength: 1024
} as const

function customValueProblem(value: unknown): string | null {
  const limits = CUSTOM_ATTRIBUTE_LIMITS
  if (value === null || typeof value === 'boolean') return null
  if (typeof value === 'number') {
    return Number.isFinite(value) ? null : 'A number attribute must be a finite number.'
  }
  if (typeof value === 'string') {
    return value.length <= limits.maxStringLength
      ? null
      : `A text attribute holds at most ${limits.maxStringLength} characters.`
  }
  if (typeof value === 'object') {
    let json: string | undefined
    try {
      json = JSON.stringify(value)
    } catch {
      json = undefined
    }
    if (json === undefined) return 'That attribute value is not plain data.'
    return json.length <= limits.maxStructuredLength
      ? null
      : `A structured attribute holds at most ${limits.maxStructuredLength} characters of JSON.`
  }
  return 'An attribute value is text, a number, true/false or empty.'
}

function customAttributesSchema() {
  const limits = CUSTOM_ATTRIBUTE_LIMITS
  return z
    .record(
      z.string(),
      z.unknown().superRefine((value, context) => {
        const problem = customValueProblem(value)
        if (problem) context.addIssue({ code: 'custom', message: problem })
      })
    )
    .superRefine((custom, context) => {
      const keys = Object.keys(custom)
      if (keys.length > limits.maxAttributes) {
        context.addIssue({
          code: 'custom',
          message: `A deal has at most ${limits.maxAttributes} custom attributes; this has ${keys.length}.`
        })
      }
      // Checked here rather than as the record's key schema, whose own message would hide these.
      for (const key of keys) {
        if (key.length === 0) {
          context.addIssue({
            code: 'custom',
            path: [key],
            message: 'A custom attribute needs a key.'
          })
        } else if (key.length > limits.maxKeyLength) {
          context.addIssue({
            code: 'custom',
            path: [key],
            message: `A custom attribute key is at most ${limits.maxKeyLength} characters.`
          })
        }
      }
    })
}

const opportunityFields = {
  owner: ownerEmail,
  pipeline: nonEmpty('A pipeline'),
  pipelineStage: nonEmpty('A pipeline stage'),
  estimatedCloseDate: isoDate,
  currency: currencyCode,
  amountCents,
  type: z.enum(OPPORTUNITY_TYPES, 'The type is either recurring or one-time.'),
  forecastCategory: z.enum(
    FORECAST_CATEGORIES,
    'The forecast category is one of pipeline, best_case, committed, lost or won.'
  ),
  winLikelihood: z
    .number()
    .int('The win likelihood is a whole percentage.')
    .min(0, 'The win likelihood is between 0 and 100.')
    .max(100, 'The win likelihood is between 0 and 100.'),
  custom: customAttributesSchema()
}

/** What a user fills in to create an opportunity. */
export const opportunityDraftSchema = z.strictObject({
  customerUuid: nonEmpty('A customer'),
  owner: opportunityFields.owner,
  pipeline: opportunityFields.pipeline,
  pipelineStage: opportunityFields.pipelineStage,
  estimatedCloseDate: opportunityFields.estimatedCloseDate,
  currency: opportunityFields.currency,
  amountCents: opportunityFields.amountCents,
  type: opportunityFields.type.optional(),
  forecastCategory: opportunityFields.forecastCategory.optional(),
  winLikelihood: opportunityFields.winLikelihood.optional(),
  custom: opportunityFields.custom.optional()
})

export type OpportunityDraft = z.infer<typeof opportunityDraftSchema>

/**
 * A partial update. The customer cannot be changed (no ChartMogul client sends it on update).
 * Whether ChartMogul merges or replaces `custom` on update is undocumented: send every key
 * the opportunity should keep.
 */
export const opportunityPatchSchema = z
  .strictObject({
    owner: opportunityFields.owner.optional(),
    pipeline: opportunityFields.pipeline.optional(),
    pipelineStage: opportunityFields.pipelineStage.optional(),
    estimatedCloseDate: opportunityFields.estimatedCloseDate.optional(),
    currency: opportunityFields.currency.optional(),
    amountCents: opportunityFields.amountCents.optional(),
    type: opportunityFields.type.optional(),
    forecastCategory: opportunityFields.forecastCategory.optional(),
    winLikelihood: opportunityFields.winLikelihood.optional(),
    custom: opportunityFields.custom.optional()
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'Nothing to change.'
  })

export type OpportunityPatch = z.infer<typeof opportunityPatchSchema>
