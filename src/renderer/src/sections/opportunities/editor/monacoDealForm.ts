/**
 * The Monaco deal form: what the user typed ↔ a `MonacoDealDraft` / `MonacoDealPatch`. Fields
 * the form model marks read-only are never sent; required ones are checked first; everything
 * else is Monaco's rules (`monacoDealDraftSchema` / `monacoDealPatchSchema`), whose messages are
 * shown on the field they name.
 */
import type { z } from 'zod'
import {
  monacoDealDraftSchema,
  monacoDealPatchSchema,
  type MonacoDealDraft,
  type MonacoDealPatch,
  type Opportunity
} from '../../../../../shared/domain'
import type { DealField } from '../../../../../shared/providers/capabilities'
import {
  customErrorKey,
  customFormValues,
  customValuesToSend,
  type CustomFieldSpec
} from './customFieldForm'
import type { FormFieldSpec } from './dealFormModel'
import { formatCentsAsAmount, normalizeCurrency, parseAmountToCents } from './opportunityForm'

export interface MonacoDealFormValues {
  customerUuid: string
  name: string
  /** A user id, or '' for no owner. */
  owner: string
  /** A stage key, or '' for none. */
  pipelineStage: string
  estimatedCloseDate: string
  currency: string
  /** Major units as typed; '' for no value. */
  amount: string
  tagIds: string[]
  /** Custom field key (`custom_field_<id>`) → its input's text; '' for no value. */
  custom: Record<string, string>
}

/**
 * A message per form field (`DealField`), per custom field (`custom.<key>`), or for the whole
 * form.
 */
export type MonacoFormErrors = Partial<Record<DealField | 'form' | `custom.${string}`, string>>

export type MonacoFormResult<T> = { ok: true; value: T } | { ok: false; errors: MonacoFormErrors }

export function emptyMonacoForm(defaults: {
  customerUuid?: string
  currency: string
}): MonacoDealFormValues {
  return {
    customerUuid: defaults.customerUuid ?? '',
    name: '',
    owner: '',
    pipelineStage: '',
    estimatedCloseDate: '',
    currency: defaults.currency,
    amount: '',
    tagIds: [],
    custom: {}
  }
}

/** A cached deal as form values; its tag names become the cached tags' ids (unknown ones drop). */
export function monacoFormFromDeal(
  deal: Opportunity,
  tagIdByName: ReadonlyMap<string, string>,
  defaultCurrency: string
): MonacoDealFormValues {
  const hasValue = deal.currency !== ''
  return {
    customerUuid: deal.customerUuid,
    name: deal.name ?? '',
    owner: deal.owner ?? '',
    pipelineStage: deal.pipelineStage,
    estimatedCloseDate: deal.estimatedCloseDate ?? '',
    currency: hasValue ? deal.currency : defaultCurrency,
    amount: hasValue ? formatCentsAsAmount(deal.amountCents, deal.currency) : '',
    tagIds: (deal.tags ?? [])
      .map((name) => tagIdByName.get(name))
      .filter((id): id is string => id !== undefined),
    custom: customFormValues(deal.custom)
  }
}

const PATH_FIELD: Record<string, DealField> = {
  customerUuid: 'customerUuid',
  name: 'name',
  owner: 'owner',
  pipelineStage: 'pipelineStage',
  estimatedCloseDate: 'estimatedCloseDate',
  currency: 'currency',
  amountCents: 'amountCents',
  tagIds: 'tags'
}

/** Issues (a schema's, or the outbox's `OutboxInputError`) onto the fields they name. */
export function errorsFromIssues(
  issues: readonly { field: string; message: string }[],
  errors: MonacoFormErrors = {}
): MonacoFormErrors {
  for (const issue of issues) {
    const [head = '', customKey] = issue.field.split('.')
    const key =
      head === 'custom' && customKey !== undefined
        ? customErrorKey(customKey)
        : (PATH_FIELD[head] ?? 'form')
    if (errors[key] === undefined) errors[key] = issue.message
  }
  return errors
}

function schemaErrors(schema: z.ZodType, input: unknown, errors: MonacoFormErrors): void {
  const result = schema.safeParse(input)
  if (result.success) return
  errorsFromIssues(
    result.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      message: issue.message
    })),
    errors
  )
}

function specOf(model: readonly FormFieldSpec[], field: DealField): FormFieldSpec | undefined {
  return model.find((spec) => spec.field === field)
}

/** Required fields the user left empty, in the provider's words. */
function requiredErrors(
  values: MonacoDealFormValues,
  model: readonly FormFieldSpec[],
  errors: MonacoFormErrors
): void {
  const text: Partial<Record<DealField, string>> = {
    customerUuid: values.customerUuid,
    name: values.name,
    owner: values.owner,
    pipelineStage: values.pipelineStage,
    estimatedCloseDate: values.estimatedCloseDate,
    currency: values.currency,
    amountCents: values.amount
  }
  for (const spec of model) {
    const value = text[spec.field]
    if (spec.required && spec.editable && value !== undefined && value.trim() === '') {
      errors[spec.field] =
        spec.control === 'parent' || spec.control === 'select'
          ? `Choose the ${spec.label.toLowerCase()}.`
          : `Enter the ${spec.label.toLowerCase()}.`
    }
  }
}

function amountOf(
  values: MonacoDealFormValues,
  errors: MonacoFormErrors
): { cents: number | null; currency: string } | undefined {
  const currency = normalizeCurrency(values.currency)
  if (values.amount.trim() === '') return { cents: null, currency }
  const parsed = parseAmountToCents(values.amount, currency)
  if (!parsed.ok) {
    errors.amountCents = parsed.message
    return undefined
  }
  return { cents: parsed.cents, currency }
}

export function toMonacoDraft(
  values: MonacoDealFormValues,
  model: readonly FormFieldSpec[],
  customModel: readonly CustomFieldSpec[] = []
): MonacoFormResult<MonacoDealDraft> {
  const errors: MonacoFormErrors = {}
  requiredErrors(values, model, errors)
  const draft: Record<string, unknown> = {
    customerUuid: values.customerUuid.trim(),
    name: values.name.trim()
  }
  if (specOf(model, 'owner') && values.owner !== '') draft['owner'] = values.owner
  if (specOf(model, 'pipelineStage') && values.pipelineStage !== '') {
    draft['pipelineStage'] = values.pipelineStage
  }
  if (specOf(model, 'estimatedCloseDate') && values.estimatedCloseDate.trim() !== '') {
    draft['estimatedCloseDate'] = values.estimatedCloseDate.trim()
  }
  if (specOf(model, 'amountCents')) {
    const amount = amountOf(values, errors)
    if (amount && amount.cents !== null) {
      draft['amountCents'] = amount.cents
      draft['currency'] = amount.currency
    }
  }
  if (specOf(model, 'tags') && values.tagIds.length > 0) draft['tagIds'] = [...values.tagIds]
  const custom = customValuesToSend(customModel, values.custom, null, errors)
  if (Object.keys(custom).length > 0) draft['custom'] = custom
  // A field that already has a message keeps it (the friendlier one comes first).
  schemaErrors(monacoDealDraftSchema, draft, errors)
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: monacoDealDraftSchema.parse(draft) }
}

/**
 * The fields the user changed (only editable ones), validated. An emptied value clears the
 * field where Monaco allows it (owner, stage, close date, value, a custom field); an emptied
 * name is refused.
 */
export function toMonacoPatch(
  values: MonacoDealFormValues,
  original: MonacoDealFormValues,
  model: readonly FormFieldSpec[],
  customModel: readonly CustomFieldSpec[] = []
): MonacoFormResult<MonacoDealPatch> {
  const errors: MonacoFormErrors = {}
  const patch: Record<string, unknown> = {}
  const editable = (field: DealField): boolean => specOf(model, field)?.editable === true
  const changed = (key: keyof MonacoDealFormValues): boolean =>
    JSON.stringify(values[key]) !== JSON.stringify(original[key])

  if (editable('name') && changed('name')) patch['name'] = values.name.trim()
  if (editable('owner') && changed('owner')) patch['owner'] = values.owner || null
  if (editable('pipelineStage') && changed('pipelineStage')) {
    patch['pipelineStage'] = values.pipelineStage || null
  }
  if (editable('estimatedCloseDate') && changed('estimatedCloseDate')) {
    patch['estimatedCloseDate'] = values.estimatedCloseDate.trim() || null
  }
  if (editable('amountCents') && (changed('amount') || changed('currency'))) {
    const amount = amountOf(values, errors)
    if (amount) {
      patch['amountCents'] = amount.cents
      if (amount.cents !== null) patch['currency'] = amount.currency
    }
  }
  if (editable('tags') && changed('tagIds')) patch['tagIds'] = [...values.tagIds]
  // Only the custom fields that changed: Monaco merges them one by one (null clears one).
  const custom = customValuesToSend(customModel, values.custom, original.custom, errors)
  if (Object.keys(custom).length > 0) patch['custom'] = custom
  if (Object.keys(patch).length === 0) {
    // Nothing valid changed: the fields' own messages, not the schema's "Nothing to change".
    return Object.keys(errors).length === 0
      ? { ok: true, value: {} as MonacoDealPatch }
      : { ok: false, errors }
  }
  schemaErrors(monacoDealPatchSchema, patch, errors)
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: monacoDealPatchSchema.parse(patch) }
}
