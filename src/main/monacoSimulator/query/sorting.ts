/**
 * `sort`: a sortable field's key, `-` for descending. Empty values sort last ascending and
 * first descending (PostgreSQL's default NULLS LAST/FIRST); ties break on id in the same
 * direction so that a page boundary is stable while the data does not change.
 */
import { validationError } from '../errors'
import type { FieldContext, FieldDef } from '../fields'
import type { AnyRecord } from '../records'

type Key = string | number | null

function sortKey<R extends AnyRecord>(field: FieldDef<R>, record: R, ctx: FieldContext): Key {
  if (field.sortValue) return field.sortValue(record, ctx)
  const v = field.read(record, ctx)
  if (v === null || v === '' || Array.isArray(v)) return null
  if (typeof v === 'boolean') return v ? 1 : 0
  return typeof v === 'string' ? v.toLowerCase() : (v as number)
}

function compareKeys(a: Key, b: Key): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

export function sortField<R extends AnyRecord>(
  key: string,
  fields: ReadonlyMap<string, FieldDef<R>>
): FieldDef<R> {
  const field = fields.get(key)
  if (!field || !field.sortable) {
    const sortable = [...fields.values()].filter((f) => f.sortable).map((f) => f.key)
    throw validationError(`Cannot sort by "${key}"; sortable fields: ${sortable.join(', ')}`)
  }
  return field
}

/** A new array in the requested order (the input is left alone). */
export function sortRecords<R extends AnyRecord>(
  records: readonly R[],
  field: FieldDef<R>,
  descending: boolean,
  ctx: FieldContext
): R[] {
  const keyed = records.map((r) => ({ r, k: sortKey(field, r, ctx) }))
  const sign = descending ? -1 : 1
  keyed.sort((x, y) => {
    // Nulls stay last ascending and become first descending through the sign flip.
    const c = compareKeys(x.k, y.k) || (x.r.id < y.r.id ? -1 : x.r.id > y.r.id ? 1 : 0)
    return sign * c
  })
  return keyed.map((e) => e.r)
}
