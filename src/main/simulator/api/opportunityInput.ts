/**
 * Validation of opportunity writes, in the two layers the real API has: a schema layer (missing
 * required field or wrong JSON type → 400 `Parameter "x" is missing/invalid`) and a model layer
 * (values that are well-typed but unacceptable → Rails-style 422 with `error_details`).
 */
import { z } from 'zod'
import { parseIsoParam, parseYmd, ymd } from '../formats'
import type { NewOpportunity, OpportunityPatch, SimulatorStore } from '../store'
import {
  FORECAST_CATEGORIES,
  KNOWN_CURRENCIES,
  OPPORTUNITY_TYPES,
  PIPELINES,
  findStage
} from '../vocabulary'
import type {
  ErrorDetailWire,
  ForecastCategory,
  JsonValue,
  OpportunityType,
  OpportunityWire
} from '../wire'
import {
  humanize,
  invalidJsonBody,
  invalidParameter,
  missingParameter,
  unprocessable
} from './errors'

/** Required on create, in the order the API reports them. */
const REQUIRED = [
  'customer_uuid',
  'owner',
  'pipeline',
  'pipeline_stage',
  'estimated_close_date',
  'currency',
  'amount_in_cents'
] as const

// Null is let through the type layer: on create it counts as missing, on PATCH as "blank".
const nullableString = z.string().nullable().optional()
const nullableNumber = z.number().nullable().optional()

/** Request `custom` is an array of `{key, value}`; responses turn it into a map. */
const customEntries = z.array(z.object({ key: z.string().min(1), value: z.json() }))

const bodySchema = z.object({
  customer_uuid: nullableString,
  owner: nullableString,
  pipeline: nullableString,
  pipeline_stage: nullableString,
  estimated_close_date: nullableString,
  currency: nullableString,
  amount_in_cents: nullableNumber,
  type: nullableString,
  forecast_category: nullableString,
  win_likelihood: nullableNumber,
  custom: customEntries.nullable().optional()
})

type Body = z.infer<typeof bodySchema>

/** Parses the raw body into a JSON object, or throws the API's 400. */
export function parseJsonObject(rawBody: string): Record<string, unknown> {
  if (rawBody.trim() === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(rawBody)
  } catch {
    throw invalidJsonBody()
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalidJsonBody()
  }
  return parsed as Record<string, unknown>
}

function typed(body: Record<string, unknown>): Body {
  const result = bodySchema.safeParse(body)
  if (result.success) return result.data
  const param = String(result.error.issues[0]?.path[0] ?? 'body')
  throw invalidParameter(param)
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

class Details {
  readonly list: ErrorDetailWire[] = []
  add(param: string, code: string, message: string): void {
    this.list.push({ param, code, message: `${humanize(param)} ${message}` })
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw unprocessable(this.list)
  }
}

/** Accepts `YYYY-MM-DD` or an ISO datetime (the docs say "ISO 8601-formatted date"). */
function closeDate(value: string): string | null {
  if (parseYmd(value) !== null) return value
  const ms = parseIsoParam(value)
  return ms === null ? null : ymd(ms)
}

function customMap(
  entries: readonly { key: string; value: JsonValue }[]
): Record<string, JsonValue> {
  const map: Record<string, JsonValue> = {}
  for (const { key, value } of entries) map[key] = value
  return map
}

/** Checks shared by create and PATCH; `blank` is how a PATCH null/'' is reported. */
function checkValues(body: Body, details: Details, effectivePipeline: string | undefined): void {
  const blank = (param: keyof Body): boolean => {
    const v = body[param]
    if (v === null || v === '') {
      details.add(param, 'blank', "can't be blank")
      return true
    }
    return false
  }
  if (body.owner !== undefined && !blank('owner') && !EMAIL.test(body.owner ?? '')) {
    details.add('owner', 'invalid', 'is invalid')
  }
  if (body.pipeline !== undefined && !blank('pipeline') && !PIPELINES[body.pipeline ?? '']) {
    details.add('pipeline', 'inclusion', 'is not included in the list')
  }
  if (body.pipeline_stage !== undefined && !blank('pipeline_stage')) {
    // A stage is only judged against a pipeline that exists (otherwise that is the error).
    const pipeline = effectivePipeline
    if (pipeline && PIPELINES[pipeline] && !findStage(pipeline, body.pipeline_stage ?? '')) {
      details.add('pipeline_stage', 'inclusion', 'is not included in the list')
    }
  }
  if (body.estimated_close_date !== undefined && !blank('estimated_close_date')) {
    if (closeDate(body.estimated_close_date ?? '') === null) {
      details.add('estimated_close_date', 'invalid', 'is invalid')
    }
  }
  if (body.currency !== undefined && !blank('currency')) {
    if (!KNOWN_CURRENCIES.includes(body.currency ?? '')) {
      details.add('currency', 'inclusion', 'is not included in the list')
    }
  }
  if (body.amount_in_cents !== undefined && !blank('amount_in_cents')) {
    const amount = body.amount_in_cents ?? 0
    if (!Number.isInteger(amount))
      details.add('amount_in_cents', 'not_an_integer', 'must be an integer')
    else if (amount < 0) {
      details.add(
        'amount_in_cents',
        'greater_than_or_equal_to',
        'must be greater than or equal to 0'
      )
    }
  }
  if (typeof body.type === 'string' && !OPPORTUNITY_TYPES.includes(body.type as OpportunityType)) {
    details.add('type', 'inclusion', 'is not included in the list')
  }
  if (
    typeof body.forecast_category === 'string' &&
    !FORECAST_CATEGORIES.includes(body.forecast_category as ForecastCategory)
  ) {
    details.add('forecast_category', 'inclusion', 'is not included in the list')
  }
  if (typeof body.win_likelihood === 'number') {
    const w = body.win_likelihood
    if (!Number.isInteger(w)) details.add('win_likelihood', 'not_an_integer', 'must be an integer')
    else if (w < 0) {
      details.add(
        'win_likelihood',
        'greater_than_or_equal_to',
        'must be greater than or equal to 0'
      )
    } else if (w > 100) {
      details.add('win_likelihood', 'less_than_or_equal_to', 'must be less than or equal to 100')
    }
  }
}

/** Validates a POST body; returns the record to create with API defaults filled in. */
export function validateCreate(
  raw: Record<string, unknown>,
  store: SimulatorStore
): NewOpportunity {
  // Presence first, in field order: the 400 names the first missing parameter.
  for (const param of REQUIRED) {
    const v = raw[param]
    if (v === undefined || v === null || v === '') throw missingParameter(param)
  }
  const body = typed(raw)
  const details = new Details()
  if (!store.getCustomer(body.customer_uuid ?? '')) {
    details.add('customer_uuid', 'invalid', 'is invalid')
  }
  checkValues(body, details, body.pipeline ?? undefined)
  details.throwIfAny()

  const stage = findStage(body.pipeline as string, body.pipeline_stage as string)
  return {
    customer_uuid: body.customer_uuid as string,
    owner: body.owner as string,
    pipeline: body.pipeline as string,
    pipeline_stage: body.pipeline_stage as string,
    estimated_close_date: closeDate(body.estimated_close_date as string) as string,
    currency: body.currency as string,
    amount_in_cents: body.amount_in_cents as number,
    // Defaults for omitted optional fields: the stage's likelihood (documented) and forecast.
    type: (body.type ?? 'recurring') as OpportunityType,
    forecast_category: (body.forecast_category ??
      stage?.forecastCategories[0] ??
      'pipeline') as ForecastCategory,
    win_likelihood: body.win_likelihood ?? stage?.defaultWinLikelihood ?? 0,
    custom: customMap(body.custom ?? [])
  }
}

/**
 * Validates a PATCH body against the current record. Unknown keys and `customer_uuid` are
 * ignored (no SDK sends it on update; whether the API would re-parent is unconfirmed).
 */
export function validatePatch(
  raw: Record<string, unknown>,
  current: OpportunityWire
): OpportunityPatch {
  const body = typed(raw)
  const details = new Details()
  const pipeline = body.pipeline ?? current.pipeline
  checkValues(body, details, pipeline)
  // Moving to another pipeline without naming a stage must still leave a valid stage.
  if (body.pipeline && body.pipeline_stage === undefined && PIPELINES[body.pipeline]) {
    if (!findStage(body.pipeline, current.pipeline_stage)) {
      details.add('pipeline_stage', 'inclusion', 'is not included in the list')
    }
  }
  if (body.type === null) details.add('type', 'blank', "can't be blank")
  if (body.forecast_category === null) details.add('forecast_category', 'blank', "can't be blank")
  if (body.win_likelihood === null) details.add('win_likelihood', 'blank', "can't be blank")
  details.throwIfAny()

  const patch: OpportunityPatch = {}
  if (body.owner) patch.owner = body.owner
  if (body.pipeline) patch.pipeline = body.pipeline
  if (body.pipeline_stage) patch.pipeline_stage = body.pipeline_stage
  if (body.estimated_close_date) {
    patch.estimated_close_date = closeDate(body.estimated_close_date) as string
  }
  if (body.currency) patch.currency = body.currency
  if (typeof body.amount_in_cents === 'number') patch.amount_in_cents = body.amount_in_cents
  if (body.type) patch.type = body.type as OpportunityType
  if (body.forecast_category) patch.forecast_category = body.forecast_category as ForecastCategory
  if (typeof body.win_likelihood === 'number') patch.win_likelihood = body.win_likelihood
  if (body.custom) patch.custom = customMap(body.custom)
  return patch
}
