/**
 * AG Grid's filter model and the quick search as row predicates, with AG Grid's client-side
 * meanings (so a filter keeps its rows when a grid switches model): text filters ignore case and
 * a blank cell matches only "not equal", "does not contain" and "blank"; number and date filters
 * never match a blank cell except "blank"; dates compare the local day (compareCellDay); ranges
 * include both ends (columns.ts sets inRangeInclusive).
 */
import { compareCellDay } from '../values'
import { WORDS_FIELD } from './tokens'
import type { ColumnFilter, FilterCondition, FilterModel, QueryColumn, QueryRow } from './types'

export type RowPredicate = (row: QueryRow) => boolean

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === ''

function textMatches(condition: FilterCondition, value: unknown): boolean {
  const type = condition.type ?? 'contains'
  if (type === 'blank') return isBlank(value)
  if (type === 'notBlank') return !isBlank(value)
  const wanted = String(condition.filter ?? '').toLowerCase()
  if (isBlank(value)) return type === 'notEqual' || type === 'notContains'
  const cell = String(value).toLowerCase()
  switch (type) {
    case 'equals':
      return cell === wanted
    case 'notEqual':
      return cell !== wanted
    case 'startsWith':
      return cell.startsWith(wanted)
    case 'endsWith':
      return cell.endsWith(wanted)
    case 'notContains':
      return !cell.includes(wanted)
    default:
      return cell.includes(wanted)
  }
}

function numberMatches(condition: FilterCondition, value: unknown): boolean {
  const type = condition.type ?? 'equals'
  const blank = typeof value !== 'number' || Number.isNaN(value)
  if (type === 'blank') return blank
  if (type === 'notBlank') return !blank
  if (blank) return false
  const cell = value as number
  const from = Number(condition.filter)
  const to = Number(condition.filterTo)
  switch (type) {
    case 'notEqual':
      return cell !== from
    case 'lessThan':
      return cell < from
    case 'lessThanOrEqual':
      return cell <= from
    case 'greaterThan':
      return cell > from
    case 'greaterThanOrEqual':
      return cell >= from
    case 'inRange':
      return cell >= Math.min(from, to) && cell <= Math.max(from, to)
    default:
      return cell === from
  }
}

/** `YYYY-MM-DD[ hh:mm:ss]` (AG Grid's dateFrom) as the local midnight of that day. */
function filterDay(text: string | null | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text ?? '')
  if (!match) return null
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
}

function dateMatches(condition: FilterCondition, value: unknown): boolean {
  const type = condition.type ?? 'equals'
  if (type === 'blank') return isBlank(value)
  if (type === 'notBlank') return !isBlank(value)
  if (isBlank(value)) return false
  const from = filterDay(condition.dateFrom)
  if (!from) return true
  const vsFrom = compareCellDay(from, value)
  switch (type) {
    case 'notEqual':
      return vsFrom !== 0
    case 'lessThan':
      return vsFrom < 0
    case 'greaterThan':
      return vsFrom > 0
    case 'inRange': {
      const to = filterDay(condition.dateTo)
      return vsFrom >= 0 && (!to || compareCellDay(to, value) <= 0)
    }
    default:
      return vsFrom === 0
  }
}

const MATCHERS = { text: textMatches, number: numberMatches, date: dateMatches }

/** The conditions of one column's filter, and how they combine. */
export function conditionsOf(filter: ColumnFilter): {
  operator: 'AND' | 'OR'
  conditions: FilterCondition[]
} {
  return 'conditions' in filter
    ? { operator: filter.operator, conditions: filter.conditions }
    : { operator: 'AND', conditions: [filter] }
}

function columnPredicate(column: QueryColumn, filter: ColumnFilter): RowPredicate {
  const match = MATCHERS[column.filter ?? 'text']
  const { operator, conditions } = conditionsOf(filter)
  return (row) => {
    const value = column.filterValue(row)
    return operator === 'OR'
      ? conditions.some((c) => match(c, value))
      : conditions.every((c) => match(c, value))
  }
}

/** Every column filter of the model (filters on unknown columns are ignored). */
export function filterPredicates(
  columns: readonly QueryColumn[],
  model: FilterModel
): RowPredicate[] {
  const predicates: RowPredicate[] = []
  for (const [colId, filter] of Object.entries(model)) {
    const column = columns.find((c) => c.colId === colId)
    if (column) predicates.push(columnPredicate(column, filter))
  }
  return predicates
}

/** Quick search: every search word is the start of one of the row's words. */
export function searchPredicate(words: readonly string[]): RowPredicate | null {
  if (words.length === 0) return null
  return (row) => {
    const rowWords = row[WORDS_FIELD]
    if (!Array.isArray(rowWords)) return false
    return words.every((word) =>
      rowWords.some((candidate) => typeof candidate === 'string' && candidate.startsWith(word))
    )
  }
}

export function allOf(predicates: readonly RowPredicate[]): RowPredicate | null {
  if (predicates.length === 0) return null
  if (predicates.length === 1) return predicates[0]!
  return (row) => predicates.every((p) => p(row))
}
