/**
 * One filter rule → a test on a field's value. The value is checked against the field's type
 * and allowed values before anything runs, so a filter the API cannot honour is a 422 rather
 * than a silently empty page. Text matching is case-insensitive (`contains`) or exact
 * (`equals`); empty values (null, '', []) never satisfy a negative condition, as in SQL.
 */
import { parseIsoParam, parseYmd } from '../../simulator/formats'
import { validationError } from '../errors'
import type { FieldContext, FieldDef, FieldValue } from '../fields'
import { periodRange } from './datePeriods'

export type ValueTest = (value: FieldValue) => boolean

const isEmpty = (v: FieldValue): boolean =>
  v === null || v === '' || (Array.isArray(v) && v.length === 0)

function keysOf(field: FieldDef, condition: string, value: unknown, ctx: FieldContext): string[] {
  const list = Array.isArray(value) ? value : [value]
  if (list.length === 0 || !list.every((v): v is string => typeof v === 'string')) {
    throw validationError(`${field.key} ${condition} takes a string or a list of strings`)
  }
  const allowed =
    field.type === 'date' || !field.allowed ? null : new Set(field.allowed(ctx).map((a) => a.key))
  const bad = allowed ? list.find((v) => !allowed.has(v)) : undefined
  if (bad !== undefined) {
    throw validationError(
      `"${bad}" is not an allowed value of ${field.key}; use a key from GET /v1/schemas`
    )
  }
  return list
}

function comparable(field: FieldDef, condition: string, value: unknown): number | string {
  switch (field.type) {
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return value
      throw validationError(`${field.key} ${condition} takes a number`)
    case 'date':
      if (typeof value === 'string' && parseYmd(value) !== null) return value
      throw validationError(`${field.key} ${condition} takes a date as YYYY-MM-DD`)
    case 'datetime':
    case 'time': {
      const ms = typeof value === 'string' ? parseIsoParam(value) : null
      if (ms !== null) return ms
      throw validationError(`${field.key} ${condition} takes an ISO 8601 timestamp`)
    }
    case 'boolean':
      if (typeof value === 'boolean') return value ? 1 : 0
      throw validationError(`${field.key} ${condition} takes true or false`)
    default:
      if (typeof value === 'string') return value
      throw validationError(`${field.key} ${condition} takes a string`)
  }
}

function own(field: FieldDef, v: FieldValue): number | string | null {
  if (isEmpty(v) || Array.isArray(v)) return null
  if (field.type === 'datetime' || field.type === 'time') return Date.parse(v as string)
  if (typeof v === 'boolean') return v ? 1 : 0
  return v as number | string
}

function periodTest(field: FieldDef, value: unknown, ctx: FieldContext): ValueTest {
  const range = typeof value === 'string' ? periodRange(value, ctx.nowMs) : null
  if (!range) {
    throw validationError(
      `${field.key} is/is_not takes a period key from GET /v1/schemas (e.g. "previous_month")`
    )
  }
  return (v) => typeof v === 'string' && v >= range[0] && v < range[1]
}

function positive(
  field: FieldDef,
  condition: string,
  value: unknown,
  ctx: FieldContext
): ValueTest {
  switch (condition) {
    case 'is_empty':
    case 'is_not_empty':
      return isEmpty
    case 'contains':
    case 'not_contains': {
      if (typeof value !== 'string')
        throw validationError(`${field.key} ${condition} takes a string`)
      const needle = value.toLowerCase()
      return (v) => typeof v === 'string' && v.toLowerCase().includes(needle)
    }
    case 'is':
    case 'is_not': {
      if (field.type === 'date') return periodTest(field, value, ctx)
      const keys = new Set(keysOf(field, condition, value, ctx))
      return (v) =>
        Array.isArray(v) ? v.some((k) => keys.has(k)) : typeof v === 'string' && keys.has(v)
    }
    default: {
      const target = comparable(field, condition, value)
      const cmp = (v: FieldValue): number | null => {
        const mine = own(field, v)
        if (mine === null) return null
        return mine < target ? -1 : mine > target ? 1 : 0
      }
      const tests: Record<string, (c: number) => boolean> = {
        equals: (c) => c === 0,
        not_equals: (c) => c === 0,
        greater_than: (c) => c > 0,
        less_than: (c) => c < 0,
        greater_than_or_equals: (c) => c >= 0,
        less_than_or_equals: (c) => c <= 0
      }
      const test = tests[condition]
      if (!test) throw validationError(`Unknown condition "${condition}"`)
      return (v) => {
        const c = cmp(v)
        return c !== null && test(c)
      }
    }
  }
}

const NEGATIVE = new Set(['is_not', 'not_contains', 'not_equals', 'is_not_empty'])

/** A validated test for `field condition value`. */
export function conditionTest(
  field: FieldDef,
  condition: string,
  value: unknown,
  ctx: FieldContext
): ValueTest {
  if (!field.filterable) throw validationError(`${field.key} is not filterable`)
  if (!field.operators.includes(condition)) {
    throw validationError(
      `Condition "${condition}" is not allowed on ${field.key}; allowed: ${field.operators.join(', ')}`
    )
  }
  const test = positive(field, condition, value, ctx)
  if (!NEGATIVE.has(condition)) return test
  if (condition === 'is_not_empty') return (v) => !test(v)
  return (v) => !isEmpty(v) && !test(v)
}
