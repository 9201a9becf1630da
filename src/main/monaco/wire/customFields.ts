import type { MonacoCustomFields } from '../models'

/**
 * Monaco puts custom field values beside the named fields, as `custom_field_<uuid>` keys
 * (`additionalProperties: true` in every record schema). The detail response adds
 * `custom_field_explanations` (AI reasoning), which is not a value and is left out.
 */
export const CUSTOM_FIELD_PREFIX = 'custom_field_'
const EXPLANATIONS_KEY = 'custom_field_explanations'

/** `custom_field_` followed by an id: letters, digits, `-` and `_` (uuid in practice). */
export const CUSTOM_FIELD_KEY = /^custom_field_[A-Za-z0-9_-]+$/

export function isCustomFieldKey(key: string): boolean {
  return key !== EXPLANATIONS_KEY && CUSTOM_FIELD_KEY.test(key)
}

export function pickCustomFields(record: Record<string, unknown>): MonacoCustomFields {
  const custom: MonacoCustomFields = {}
  for (const [key, value] of Object.entries(record)) {
    if (isCustomFieldKey(key)) custom[key] = value
  }
  return custom
}
