/** Small builders that keep the per-entity field lists readable. */
import type { AnyRecord, CustomFieldDef, TagRecord } from '../records'
import { DATE_PERIODS } from '../query/datePeriods'
import { OPERATORS } from './operators'
import type { AllowedValue, FieldContext, FieldDef, FieldType, FieldValue } from './types'

export interface FieldOptions<R extends AnyRecord> {
  parent?: string
  filterable?: boolean
  sortable?: boolean
  updatable?: boolean
  allowed?: (ctx: FieldContext) => readonly AllowedValue[]
  sortValue?: FieldDef<R>['sortValue']
}

export function field<R extends AnyRecord>(
  key: string,
  name: string,
  type: FieldType,
  read: (record: R, ctx: FieldContext) => FieldValue,
  options: FieldOptions<R> = {}
): FieldDef<R> {
  const allowed = options.allowed ?? (type === 'date' ? () => DATE_PERIODS : undefined)
  return {
    key,
    name,
    type,
    ...(options.parent === undefined ? {} : { parent: options.parent }),
    filterable: options.filterable ?? true,
    sortable: options.sortable ?? !['array', 'text', 'uuid', 'object'].includes(type),
    updatable: options.updatable ?? false,
    operators: OPERATORS[type],
    ...(allowed ? { allowed } : {}),
    ...(options.sortValue ? { sortValue: options.sortValue } : {}),
    read
  }
}

export const fixedValues = (values: readonly string[]) => (): AllowedValue[] =>
  values.map((v) => ({ key: v, label: v.charAt(0) + v.slice(1).toLowerCase().replace(/_/g, ' ') }))

export const userValues = (ctx: FieldContext): AllowedValue[] =>
  ctx.users.map((u) => ({
    key: u.id,
    label: [u.firstName, u.lastName].filter(Boolean).join(' ') || (u.email ?? u.id)
  }))

export const tagValues =
  (object: TagRecord['object']) =>
  (ctx: FieldContext): AllowedValue[] =>
    ctx.tags.filter((t) => t.object === object).map((t) => ({ key: t.id, label: t.name }))

const CUSTOM_TYPE: Record<CustomFieldDef['type'], FieldType> = {
  enum: 'enum',
  string: 'string',
  date: 'date',
  number: 'number'
}

/** `custom_field_<uuid>`: always filterable, sortable and updatable (schemas description). */
export function customField<R extends AnyRecord>(def: CustomFieldDef): FieldDef<R> {
  const options = def.options
  const built = field<R>(
    `custom_field_${def.id}`,
    def.name,
    CUSTOM_TYPE[def.type],
    (r) => r.custom[def.id] ?? null,
    {
      sortable: true,
      updatable: true,
      ...(options ? { allowed: () => options.map((o) => ({ key: o.key, label: o.label })) } : {})
    }
  )
  return { ...built, custom: { id: def.id, aiAutoFilled: def.aiAutoFilled } }
}

/** `account.custom_field_<uuid>`: filter-only, not listed by the schemas endpoint. */
export function relatedAccountField<R extends AnyRecord & { accountId: string | null }>(
  def: CustomFieldDef
): FieldDef<R> {
  const inner = customField(def)
  return {
    ...inner,
    key: `account.${inner.key}`,
    sortable: false,
    updatable: false,
    hidden: true,
    read: (r, ctx) => {
      const account = r.accountId === null ? undefined : ctx.accountById(r.accountId)
      return account ? (account.custom[def.id] ?? null) : null
    }
  } as FieldDef<R>
}
