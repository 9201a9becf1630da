/**
 * The opportunity editor's form model: what the user typed (strings), how it becomes a draft or
 * a patch for the outbox, and which message belongs under which input. No Svelte here, so every
 * rule is unit-tested. The shared zod schemas have the last word, so a message for a field the
 * friendly checks let through is the same one the outbox (and the API rules) would give.
 */
import type { z } from 'zod'
import type { WorkspaceCache } from '../../../cache'
import {
  createOpportunity,
  editOpportunity,
  OutboxInputError,
  type FieldIssue
} from '../../../outbox'
import { sameValue } from '../../../outbox/match'
import {
  FORECAST_CATEGORIES,
  OPPORTUNITY_TYPES,
  opportunityDraftSchema,
  opportunityPatchSchema,
  type KnownForecastCategory,
  type KnownOpportunityType,
  type Opportunity,
  type OpportunityDraft,
  type OpportunityPatch
} from '../../../../../shared/domain'

// ---- the model ---------------------------------------------------------------------------

export const CUSTOM_ATTRIBUTE_TYPES = ['string', 'number', 'boolean', 'date'] as const
export type CustomAttributeType = (typeof CUSTOM_ATTRIBUTE_TYPES)[number]

export interface CustomRow {
  key: string
  type: CustomAttributeType
  /** As typed; booleans are `true` / `false`, dates `YYYY-MM-DD`. */
  value: string
}

export interface OpportunityFormValues {
  customerUuid: string
  owner: string
  pipeline: string
  pipelineStage: string
  /** `YYYY-MM-DD` (what an `<input type=date>` holds), or empty. */
  estimatedCloseDate: string
  currency: string
  /** Major units as typed, e.g. `1,234.56`. */
  amount: string
  /** Empty: not set (ChartMogul's default on create; left as it is on edit). */
  type: KnownOpportunityType | ''
  forecastCategory: KnownForecastCategory | ''
  winLikelihood: string
  customRows: CustomRow[]
}

/** The scalar inputs of the form (everything but the custom attribute rows). */
export type OpportunityFormField = Exclude<keyof OpportunityFormValues, 'customRows'>

/**
 * Where a message is shown: a form field, one custom row's key or value, the custom attributes
 * as a whole, or the form itself (a problem no field owns).
 */
export type FormErrorKey =
  | OpportunityFormField
  | 'customRows'
  | `customRows.${number}.key`
  | `customRows.${number}.value`
  | 'form'

export type FormErrors = Partial<Record<FormErrorKey, string>>

export type DraftResult = { ok: true; draft: OpportunityDraft } | { ok: false; errors: FormErrors }

export type PatchResult = { ok: true; patch: OpportunityPatch } | { ok: false; errors: FormErrors }

export function customRowKeyField(index: number): `customRows.${number}.key` {
  return `customRows.${index}.key`
}

export function customRowValueField(index: number): `customRows.${number}.value` {
  return `customRows.${index}.value`
}

export function emptyForm(options: {
  customerUuid?: string
  currency: string
}): OpportunityFormValues {
  return {
    customerUuid: options.customerUuid ?? '',
    owner: '',
    pipeline: '',
    pipelineStage: '',
    estimatedCloseDate: '',
    currency: options.currency.trim().toUpperCase(),
    amount: '',
    type: '',
    forecastCategory: '',
    winLikelihood: '',
    customRows: []
  }
}

function knownType(value: string | null): KnownOpportunityType | '' {
  return (OPPORTUNITY_TYPES as readonly string[]).includes(value ?? '')
    ? (value as KnownOpportunityType)
    : ''
}

function knownForecast(value: string | null): KnownForecastCategory | '' {
  return (FORECAST_CATEGORIES as readonly string[]).includes(value ?? '')
    ? (value as KnownForecastCategory)
    : ''
}

/**
 * The form for editing a row. A type or forecast category outside the known lists shows as
 * empty and, left so, is not changed.
 */
export function formFromOpportunity(row: Opportunity): OpportunityFormValues {
  return {
    customerUuid: row.customerUuid,
    owner: row.owner ?? '',
    pipeline: row.pipeline,
    pipelineStage: row.pipelineStage,
    estimatedCloseDate: row.estimatedCloseDate ?? '',
    currency: row.currency,
    amount: formatCentsAsAmount(row.amountCents, row.currency),
    type: knownType(row.type),
    forecastCategory: knownForecast(row.forecastCategory),
    winLikelihood: row.winLikelihood === null ? '' : String(row.winLikelihood),
    customRows: Object.entries(row.custom ?? {}).map(([key, value]) => customRowFrom(key, value))
  }
}

// ---- money -------------------------------------------------------------------------------

/** Digits after the decimal point for a currency (JPY 0, USD 2, KWD 3); 2 when unknown. */
export function minorUnitDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

export type AmountResult = { ok: true; cents: number } | { ok: false; message: string }

const MAX_CENTS = BigInt(Number.MAX_SAFE_INTEGER)
// Whole part with or without thousands separators, then an optional fraction.
const AMOUNT_PATTERN = /^(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))$/

/**
 * Major units as typed (`1234`, `1,234.5`, `.99`) → integer minor units, by string arithmetic
 * only: "0.29" is 29 cents, never 28.999….
 */
export function parseAmountToCents(text: string, currency: string): AmountResult {
  const digits = minorUnitDigits(currency)
  const example = digits === 0 ? '1,234' : `1,234.${'56789'.slice(0, digits)}`
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, message: 'Enter an amount.' }
  if (/^[-−]/.test(trimmed)) return { ok: false, message: 'The amount cannot be negative.' }
  const match = AMOUNT_PATTERN.exec(trimmed)
  if (!match) return { ok: false, message: `Enter an amount like ${example}.` }
  const whole = (match[1] ?? '').replaceAll(',', '')
  const fraction = match[2] ?? match[3] ?? ''
  if (fraction.length > digits) {
    const code = currency.trim().toUpperCase() || 'This currency'
    return {
      ok: false,
      message:
        digits === 0
          ? `${code} amounts have no decimal places.`
          : `${code} amounts have at most ${digits} decimal place${digits === 1 ? '' : 's'}.`
    }
  }
  const minor = BigInt(`${whole}${fraction.padEnd(digits, '0')}` || '0')
  if (minor > MAX_CENTS) return { ok: false, message: 'That amount is too large.' }
  return { ok: true, cents: Number(minor) }
}

/** Integer minor units → major units with thousands separators (`1,234.56`), for editing. */
export function formatCentsAsAmount(cents: number, currency: string): string {
  const digits = minorUnitDigits(currency)
  const negative = cents < 0
  const text = BigInt(Math.trunc(Math.abs(cents)))
    .toString()
    .padStart(digits + 1, '0')
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+$)/g, ',')
  const fraction = digits === 0 ? '' : `.${text.slice(text.length - digits)}`
  return `${negative ? '-' : ''}${whole}${fraction}`
}

// ---- custom attributes -------------------------------------------------------------------

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const ms = Date.parse(`${value}T00:00:00Z`)
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value
}

/** How a stored custom value is shown for editing; anything not a scalar is shown as JSON. */
export function customRowFrom(key: string, value: unknown): CustomRow {
  if (typeof value === 'boolean') return { key, type: 'boolean', value: String(value) }
  if (typeof value === 'number') return { key, type: 'number', value: String(value) }
  if (typeof value === 'string') return { key, type: isRealDate(value) ? 'date' : 'string', value }
  return { key, type: 'string', value: JSON.stringify(value) ?? '' }
}

export function newCustomRow(): CustomRow {
  return { key: '', type: 'string', value: '' }
}

/** A row switched to another type keeps its value only where the new type accepts it. */
export function withCustomRowType(row: CustomRow, type: CustomAttributeType): CustomRow {
  const kept = { ...row, type }
  return parseCustomValue(kept).ok ? kept : { ...kept, value: '' }
}

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

export function parseCustomValue(
  row: CustomRow
): { ok: true; value: unknown } | { ok: false; message: string } {
  const text = row.value.trim()
  switch (row.type) {
    case 'string':
      return { ok: true, value: row.value }
    case 'number': {
      const value = Number(text)
      return NUMBER_PATTERN.test(text) && Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, message: 'Enter a number, like 42 or 3.5.' }
    }
    case 'boolean': {
      const lower = text.toLowerCase()
      return lower === 'true' || lower === 'false'
        ? { ok: true, value: lower === 'true' }
        : { ok: false, message: 'Enter true or false.' }
    }
    case 'date':
      if (text === '') return { ok: false, message: 'Enter a date.' }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
        return { ok: false, message: 'Use a date like 2024-03-30.' }
      return isRealDate(text)
        ? { ok: true, value: text }
        : { ok: false, message: 'That date does not exist.' }
  }
}

function isBlankRow(row: CustomRow): boolean {
  return row.key.trim() === '' && row.value.trim() === ''
}

function sameRow(a: CustomRow, b: CustomRow): boolean {
  return a.key.trim() === b.key.trim() && a.type === b.type && a.value === b.value
}

/**
 * The custom attributes as a record. Rows left completely blank are ignored. A row still
 * showing a stored value exactly as loaded keeps that value as it was (so a JSON object or a
 * date-looking string survives an edit of something else untouched).
 */
function customFromRows(
  rows: readonly CustomRow[],
  errors: FormErrors,
  original: Record<string, unknown> = {}
): Record<string, unknown> {
  const custom: Record<string, unknown> = {}
  const seen = new Set<string>()
  rows.forEach((row, index) => {
    if (isBlankRow(row)) return
    const key = row.key.trim()
    if (key === '') {
      errors[customRowKeyField(index)] = 'Give the attribute a key.'
    } else if (seen.has(key)) {
      errors[customRowKeyField(index)] = 'Another attribute already uses this key.'
    }
    seen.add(key)
    if (Object.hasOwn(original, key) && sameRow(customRowFrom(key, original[key]), row)) {
      custom[key] = original[key]
      return
    }
    const parsed = parseCustomValue(row)
    if (!parsed.ok) errors[customRowValueField(index)] = parsed.message
    else if (key !== '') custom[key] = parsed.value
  })
  return custom
}

function sameRows(a: readonly CustomRow[], b: readonly CustomRow[]): boolean {
  const left = a.filter((row) => !isBlankRow(row))
  const right = b.filter((row) => !isBlankRow(row))
  return left.length === right.length && left.every((row, i) => sameRow(row, right[i] as CustomRow))
}

// ---- field checks ------------------------------------------------------------------------

type Check<T> = { ok: true; value: T } | { ok: false; message: string }

const ok = <T>(value: T): Check<T> => ({ ok: true, value })
const fail = <T>(message: string): Check<T> => ({ ok: false, message })

function checkCustomer(text: string): Check<string> {
  const value = text.trim()
  return value === '' ? fail('Choose a customer.') : ok(value)
}

// Format problems are left to the schema, so its message is the one shown.
function checkOwner(text: string): Check<string> {
  const value = text.trim()
  return value === '' ? fail('Enter the owner’s email address.') : ok(value)
}

function checkCloseDate(text: string): Check<string> {
  const value = text.trim()
  return value === '' ? fail('Enter the estimated close date.') : ok(value)
}

let supportedCurrencies: ReadonlySet<string> | null | undefined

function isKnownCurrency(code: string): boolean {
  if (supportedCurrencies === undefined) {
    supportedCurrencies =
      typeof Intl.supportedValuesOf === 'function'
        ? new Set(Intl.supportedValuesOf('currency'))
        : null
  }
  return supportedCurrencies === null || supportedCurrencies.has(code)
}

export function normalizeCurrency(text: string): string {
  return text.trim().toUpperCase()
}

function checkCurrency(text: string): Check<string> {
  const code = normalizeCurrency(text)
  if (code === '') return fail('Enter a currency code, like USD.')
  if (!/^[A-Z]{3}$/.test(code)) return fail('Use a three-letter currency code like USD.')
  if (!isKnownCurrency(code)) return fail(`${code} is not an ISO 4217 currency code.`)
  return ok(code)
}

function checkWinLikelihood(text: string): Check<number | undefined> {
  const value = text.trim().replace(/\s*%$/, '')
  if (value === '') return ok(undefined)
  if (/^-\d/.test(value)) return fail('The win likelihood is between 0 and 100.')
  if (/^\d+[.,]\d+$/.test(value)) return fail('The win likelihood is a whole percentage.')
  if (!/^\d+$/.test(value)) return fail('Enter a whole number from 0 to 100.')
  const percent = Number(value)
  return percent > 100 ? fail('The win likelihood is between 0 and 100.') : ok(percent)
}

// ---- schema issues → form fields ---------------------------------------------------------

const FIELD_BY_PATH: Record<string, FormErrorKey> = {
  customerUuid: 'customerUuid',
  owner: 'owner',
  pipeline: 'pipeline',
  pipelineStage: 'pipelineStage',
  estimatedCloseDate: 'estimatedCloseDate',
  currency: 'currency',
  amountCents: 'amount',
  type: 'type',
  forecastCategory: 'forecastCategory',
  winLikelihood: 'winLikelihood',
  custom: 'customRows'
}

/**
 * The form field an outbox or schema issue belongs to. `field` is the issue's path joined with
 * dots (`amountCents`, `custom.seats`); a custom key is matched to its row by the key typed.
 */
export function formFieldForIssue(field: string, rows: readonly CustomRow[] = []): FormErrorKey {
  if (field.startsWith('custom.')) {
    const key = field.slice('custom.'.length)
    const index = rows.findIndex((row) => row.key.trim() === key)
    return index >= 0 ? customRowKeyField(index) : 'customRows'
  }
  return FIELD_BY_PATH[field] ?? 'form'
}

/** Issues (from the outbox's OutboxInputError) as messages per form field; the first one wins. */
export function errorsFromIssues(
  issues: readonly FieldIssue[],
  rows: readonly CustomRow[] = [],
  into: FormErrors = {}
): FormErrors {
  for (const issue of issues) {
    const key = formFieldForIssue(issue.field, rows)
    if (into[key] === undefined) into[key] = issue.message
  }
  return into
}

function schemaIssues(schema: z.ZodType, input: unknown): FieldIssue[] {
  const result = schema.safeParse(input)
  if (result.success) return []
  return result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message
  }))
}

function hasErrors(errors: FormErrors): boolean {
  return Object.keys(errors).length > 0
}

function take<T>(check: Check<T>, field: FormErrorKey, errors: FormErrors): T | undefined {
  if (check.ok) return check.value
  errors[field] = check.message
  return undefined
}

// ---- draft and patch ---------------------------------------------------------------------

/** The create draft, or a message per field. */
export function toDraft(values: OpportunityFormValues): DraftResult {
  const errors: FormErrors = {}
  const currency = take(checkCurrency(values.currency), 'currency', errors)
  const amount = parseAmountToCents(values.amount, currency ?? normalizeCurrency(values.currency))
  const custom = customFromRows(values.customRows, errors)
  const candidate: Record<string, unknown> = {
    customerUuid: take(checkCustomer(values.customerUuid), 'customerUuid', errors),
    owner: take(checkOwner(values.owner), 'owner', errors),
    pipeline: values.pipeline.trim(),
    pipelineStage: values.pipelineStage.trim(),
    estimatedCloseDate: take(
      checkCloseDate(values.estimatedCloseDate),
      'estimatedCloseDate',
      errors
    ),
    currency,
    amountCents: amount.ok ? amount.cents : undefined,
    type: values.type === '' ? undefined : values.type,
    forecastCategory: values.forecastCategory === '' ? undefined : values.forecastCategory,
    winLikelihood: take(checkWinLikelihood(values.winLikelihood), 'winLikelihood', errors),
    custom: Object.keys(custom).length > 0 ? custom : undefined
  }
  if (!amount.ok) errors.amount = amount.message
  for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key]

  // The schema's word for everything the friendly checks let through.
  const issues = schemaIssues(opportunityDraftSchema, candidate).filter(
    (issue) => errors[formFieldForIssue(issue.field, values.customRows)] === undefined
  )
  errorsFromIssues(issues, values.customRows, errors)
  if (hasErrors(errors)) return { ok: false, errors }
  return { ok: true, draft: opportunityDraftSchema.parse(candidate) }
}

/**
 * The fields the user changed, validated, as a patch (empty when nothing changed). A field
 * still showing what was loaded is neither checked nor sent, so an untouched odd value on the
 * server never blocks an edit of something else; an emptied optional field is left as it is
 * (ChartMogul offers no way to clear it). The customer cannot change.
 */
export function toPatch(values: OpportunityFormValues, original: Opportunity): PatchResult {
  const base = formFromOpportunity(original)
  const errors: FormErrors = {}
  const patch: Record<string, unknown> = {}
  const changed = (field: OpportunityFormField): boolean =>
    values[field].trim() !== base[field].trim()

  if (changed('owner')) {
    const owner = take(checkOwner(values.owner), 'owner', errors)
    if (owner !== undefined && owner !== original.owner) patch.owner = owner
  }
  for (const field of ['pipeline', 'pipelineStage'] as const) {
    if (changed(field)) patch[field] = values[field].trim()
  }
  if (changed('estimatedCloseDate')) {
    const date = take(checkCloseDate(values.estimatedCloseDate), 'estimatedCloseDate', errors)
    if (date !== undefined) patch.estimatedCloseDate = date
  }
  const currencyChanged = normalizeCurrency(values.currency) !== normalizeCurrency(base.currency)
  let currency = original.currency
  if (currencyChanged) {
    const checked = take(checkCurrency(values.currency), 'currency', errors)
    if (checked !== undefined && checked !== original.currency) patch.currency = checked
    currency = checked ?? normalizeCurrency(values.currency)
  }
  if (currencyChanged || changed('amount')) {
    const amount = parseAmountToCents(values.amount, currency)
    if (!amount.ok) errors.amount = amount.message
    else if (amount.cents !== original.amountCents) patch.amountCents = amount.cents
  }
  if (values.type !== '' && values.type !== original.type) patch.type = values.type
  if (values.forecastCategory !== '' && values.forecastCategory !== original.forecastCategory) {
    patch.forecastCategory = values.forecastCategory
  }
  if (changed('winLikelihood')) {
    const percent = take(checkWinLikelihood(values.winLikelihood), 'winLikelihood', errors)
    if (percent !== undefined && percent !== original.winLikelihood) patch.winLikelihood = percent
  }
  if (!sameRows(values.customRows, base.customRows)) {
    const custom = customFromRows(values.customRows, errors, original.custom ?? {})
    if (!sameValue(custom, original.custom ?? {})) patch.custom = custom
  }

  if (Object.keys(patch).length > 0) {
    const issues = schemaIssues(opportunityPatchSchema, patch).filter(
      (issue) => errors[formFieldForIssue(issue.field, values.customRows)] === undefined
    )
    errorsFromIssues(issues, values.customRows, errors)
  }
  if (hasErrors(errors)) return { ok: false, errors }
  return { ok: true, patch: patch as OpportunityPatch }
}

// ---- saving ------------------------------------------------------------------------------

export type SaveTarget = { kind: 'create' } | { kind: 'edit'; original: Opportunity }

export type SaveResult =
  { kind: 'queued'; uuid: string } | { kind: 'unchanged' } | { kind: 'invalid'; errors: FormErrors }

/**
 * Validates and queues the form in the outbox. Nothing is queued when a field is wrong; the
 * outbox's own refusals are mapped onto the fields too. Other outbox errors (a row that is gone
 * or being deleted) are thrown as they are.
 */
export async function saveOpportunityForm(
  db: WorkspaceCache,
  target: SaveTarget,
  values: OpportunityFormValues
): Promise<SaveResult> {
  try {
    if (target.kind === 'create') {
      const result = toDraft(values)
      if (!result.ok) return { kind: 'invalid', errors: result.errors }
      const row = await createOpportunity(db, result.draft)
      return { kind: 'queued', uuid: row.uuid }
    }
    const result = toPatch(values, target.original)
    if (!result.ok) return { kind: 'invalid', errors: result.errors }
    if (Object.keys(result.patch).length === 0) return { kind: 'unchanged' }
    // A null answer can still mean a change (one that undid a queued edit): report it either way.
    await editOpportunity(db, target.original.uuid, result.patch)
    return { kind: 'queued', uuid: target.original.uuid }
  } catch (error) {
    if (error instanceof OutboxInputError) {
      const errors = errorsFromIssues(error.issues, values.customRows)
      if (!hasErrors(errors)) errors.form = error.message
      return { kind: 'invalid', errors }
    }
    throw error
  }
}

/** Every place a message can show, in the order the form shows them (focus and summary). */
export function errorKeysInOrder(rowCount: number): FormErrorKey[] {
  const order: FormErrorKey[] = [
    'customerUuid',
    'owner',
    'pipeline',
    'pipelineStage',
    'estimatedCloseDate',
    'currency',
    'amount',
    'type',
    'forecastCategory',
    'winLikelihood',
    'customRows'
  ]
  for (let i = 0; i < rowCount; i++) order.push(customRowKeyField(i), customRowValueField(i))
  order.push('form')
  return order
}

/** The first field with a message, in the order the form shows them (to move focus there). */
export function firstErrorKey(errors: FormErrors, rowCount: number): FormErrorKey | null {
  return errorKeysInOrder(rowCount).find((key) => errors[key] !== undefined) ?? null
}
