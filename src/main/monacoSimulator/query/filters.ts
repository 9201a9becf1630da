/** A parsed filter tree → one predicate over records, validated against the entity's fields. */
import { validationError } from '../errors'
import type { FieldContext, FieldDef } from '../fields'
import type { AnyRecord } from '../records'
import { conditionTest } from './conditions'
import type { FilterNode } from './listRequest'

export type Predicate<R> = (record: R) => boolean

export function compileFilters<R extends AnyRecord>(
  node: FilterNode,
  fields: ReadonlyMap<string, FieldDef<R>>,
  ctx: FieldContext
): Predicate<R> {
  if (node.kind === 'rule') {
    const field = fields.get(node.field)
    if (!field) {
      throw validationError(
        `Unknown filter field "${node.field}"; see GET /v1/schemas for this entity's fields`
      )
    }
    const test = conditionTest(field as FieldDef, node.condition, node.value, ctx)
    return (record) => test(field.read(record, ctx))
  }
  const parts = node.filters.map((f) => compileFilters(f, fields, ctx))
  if (parts.length === 0) return () => true
  return node.operator === 'and'
    ? (record) => parts.every((p) => p(record))
    : (record) => parts.some((p) => p(record))
}
