/**
 * Which conditions each field type accepts. The lists for `string`, `enum`, `uuid`, `number`
 * and `date` are the OpenAPI example's; the schemas description says `datetime` has every date
 * operator but `is`. `text`, `array` and `boolean` have no example (assumed, see README).
 */
import type { FieldType } from './types'

const EMPTY = ['is_empty', 'is_not_empty'] as const
const COMPARE = [
  'equals',
  'not_equals',
  'greater_than',
  'less_than',
  'greater_than_or_equals',
  'less_than_or_equals'
] as const

export const OPERATORS: Record<FieldType, readonly string[]> = {
  string: ['contains', 'not_contains', ...EMPTY, 'equals', 'not_equals'],
  text: ['contains', 'not_contains', ...EMPTY],
  enum: ['is', 'is_not', ...EMPTY],
  uuid: ['is', 'is_not', ...EMPTY],
  array: ['is', 'is_not', ...EMPTY],
  number: [...COMPARE, ...EMPTY],
  date: ['is', 'is_not', ...COMPARE, ...EMPTY],
  datetime: [...COMPARE, ...EMPTY],
  time: [...COMPARE, ...EMPTY],
  boolean: ['equals', 'not_equals'],
  object: [...EMPTY]
}
