import { z } from 'zod'
import { optionalString, stringList } from '../../chartmogul/wire/fields'
import type { MonacoEnumOption, MonacoField, MonacoFieldSchema } from '../models'
import { flag } from './fields'

/**
 * `FieldSchemaResponse` (`GET /v1/schemas/{entity}`). `key` and `name` are required; the type
 * is any string (unknown types are kept); `updatable` defaults to false as the OpenAPI says, so
 * a field Monaco does not mark writable is never offered for editing.
 */
const wireEnumOption = z.object({ key: z.string().min(1), display_value: optionalString })

export const wireFieldSchema = z.object({
  name: z.string(),
  key: z.string().min(1, 'must be a non-empty key'),
  type: z.string(),
  parent: optionalString,
  filterable: flag(false),
  sortable: flag(false),
  updatable: flag(false),
  allowed_operators: stringList,
  custom_field_settings: z
    .object({ id: z.string(), is_ai_auto_filled: flag(false) })
    .nullish()
    .transform((value) => value ?? null),
  enum_field_settings: z
    .object({ allowed_values: z.array(wireEnumOption) })
    .nullish()
    .transform((value) => value ?? null)
})

export type WireField = z.output<typeof wireFieldSchema>

export function mapField(wire: WireField): MonacoField {
  const allowedValues = wire.enum_field_settings?.allowed_values.map(
    (option): MonacoEnumOption => ({ key: option.key, label: option.display_value ?? option.key })
  )
  return {
    key: wire.key,
    label: wire.name,
    type: wire.type,
    parent: wire.parent,
    filterable: wire.filterable,
    sortable: wire.sortable,
    updatable: wire.updatable,
    allowedOperators: wire.allowed_operators,
    allowedValues: allowedValues ?? null,
    custom:
      wire.custom_field_settings === null
        ? null
        : {
            id: wire.custom_field_settings.id,
            aiAutoFilled: wire.custom_field_settings.is_ai_auto_filled
          }
  }
}

/** The key of the opportunity stage field (UNCONFIRMED: no opportunity example in the spec). */
export const STAGE_FIELD_KEY = 'stage'

/** Picks out what the deal editor needs: stage options and custom fields. */
export function summarizeFieldSchema(fields: MonacoField[]): Omit<MonacoFieldSchema, 'skipped'> {
  const stage = fields.find((field) => field.key === STAGE_FIELD_KEY && field.parent === null)
  return {
    fields,
    stages: stage?.allowedValues ?? null,
    customFields: fields.filter((field) => field.custom !== null)
  }
}
