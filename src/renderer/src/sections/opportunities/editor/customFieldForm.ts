/**
 * A deal's custom fields in a form: which ones the provider's cached field schema lists (Monaco:
 * `GET /v1/schemas/opportunities`, its `customFields`), the input each type gets, and the text a
 * person typed ↔ the typed value Monaco takes. The schema comes from the cache, and the cache
 * from a server: an entry that is not shaped like a custom field is left out, never sent.
 */
import type { MonacoField, MonacoFieldSchema } from '../../../../../shared/domain/monaco'
import type { ProviderCapabilities } from '../../../../../shared/providers/capabilities'
import type { ChoiceOption } from './dealFormModel'

/** `other`: a type the form has no input for (datetime, array, …): shown, never edited. */
export type CustomFieldKind = 'string' | 'number' | 'boolean' | 'date' | 'enum' | 'other'

export interface CustomFieldSpec {
  /** `custom_field_<id>`: the key values are stored and sent under. */
  key: string
  label: string
  kind: CustomFieldKind
  editable: boolean
  /** The allowed values of an enum field. */
  options: ChoiceOption[]
}

/** The same keys `monacoDealPatchSchema` accepts, so an edit is never refused for its key. */
const CUSTOM_FIELD_KEY = /^custom_field_[A-Za-z0-9-]{1,64}$/

const KIND_OF_TYPE: Readonly<Record<string, CustomFieldKind>> = {
  string: 'string',
  text: 'string',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  enum: 'enum'
}

function optionsOf(field: MonacoField): ChoiceOption[] {
  const values: unknown = field.allowedValues
  if (!Array.isArray(values)) return []
  return values.flatMap((option: unknown) => {
    const o = option as { key?: unknown; label?: unknown } | null
    if (typeof o?.key !== 'string') return []
    return [{ value: o.key, label: typeof o.label === 'string' ? o.label : o.key }]
  })
}

/**
 * The custom fields an editor shows, in the schema's order. None when the provider's table has
 * no custom fields or no schema is cached yet. Read-only wherever the schema says
 * `updatable: false` — on create too, since such a field is the provider's to fill.
 */
export function customFieldModel(
  capabilities: Pick<ProviderCapabilities, 'dealFields'>,
  schema: Pick<MonacoFieldSchema, 'customFields'> | null
): CustomFieldSpec[] {
  const capability = capabilities.dealFields.custom
  if (!capability || !schema || !Array.isArray(schema.customFields)) return []
  const seen = new Set<string>()
  const specs: CustomFieldSpec[] = []
  for (const entry of schema.customFields as unknown[]) {
    const field = entry as MonacoField | null
    if (typeof field !== 'object' || field === null) continue
    if (typeof field.key !== 'string' || !CUSTOM_FIELD_KEY.test(field.key)) continue
    if (seen.has(field.key)) continue
    seen.add(field.key)
    const kind = KIND_OF_TYPE[typeof field.type === 'string' ? field.type : ''] ?? 'other'
    const label =
      typeof field.label === 'string' && field.label.trim() !== '' ? field.label : field.key
    specs.push({
      key: field.key,
      label,
      kind,
      editable: capability.editable && kind !== 'other' && field.updatable !== false,
      options: kind === 'enum' ? optionsOf(field) : []
    })
  }
  return specs
}

/** A stored value as its input's text ('' for none; booleans as 'true'/'false'). */
export function customValueText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

export function customFormValues(
  custom: Readonly<Record<string, unknown>>
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(custom ?? {})) out[key] = customValueText(value)
  return out
}

export type CustomValue = string | number | boolean | null

const YMD = /^\d{4}-\d{2}-\d{2}$/

function isRealDate(value: string): boolean {
  const ms = Date.parse(`${value}T00:00:00Z`)
  return YMD.test(value) && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value
}

/** The typed value of what was typed ('' → null), or the message for its field. */
export function parseCustomValue(
  spec: CustomFieldSpec,
  text: string
): { ok: true; value: CustomValue } | { ok: false; message: string } {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: true, value: null }
  switch (spec.kind) {
    case 'number': {
      const plain = trimmed.replace(/[,\s]/g, '')
      const value = Number(plain)
      return /^[-+]?\d+(\.\d+)?$/.test(plain) && Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, message: `${spec.label} takes a number, like 12 or 3.5.` }
    }
    case 'boolean':
      if (trimmed === 'true' || trimmed === 'false') return { ok: true, value: trimmed === 'true' }
      return { ok: false, message: `Choose yes or no for ${spec.label}.` }
    case 'date':
      return isRealDate(trimmed)
        ? { ok: true, value: trimmed }
        : { ok: false, message: `${spec.label} takes a date like 2024-03-30.` }
    case 'enum':
      return spec.options.some((option) => option.value === trimmed)
        ? { ok: true, value: trimmed }
        : { ok: false, message: `Choose one of ${spec.label}’s values.` }
    default:
      return { ok: true, value: trimmed }
  }
}

/** Where a custom field's message is kept among a form's errors. */
export function customErrorKey(key: string): `custom.${string}` {
  return `custom.${key}`
}

/**
 * The custom values a save sends: with `original`, only the editable fields whose text changed
 * (an emptied one as null, which clears it); without, every filled editable field (a create).
 */
export function customValuesToSend(
  specs: readonly CustomFieldSpec[],
  values: Readonly<Record<string, string>>,
  original: Readonly<Record<string, string>> | null,
  errors: Record<string, string | undefined>
): Record<string, CustomValue> {
  const out: Record<string, CustomValue> = {}
  for (const spec of specs) {
    if (!spec.editable) continue
    const text = values[spec.key] ?? ''
    if (original !== null && text === (original[spec.key] ?? '')) continue
    const parsed = parseCustomValue(spec, text)
    if (!parsed.ok) errors[customErrorKey(spec.key)] = parsed.message
    else if (original !== null || parsed.value !== null) out[spec.key] = parsed.value
  }
  return out
}
