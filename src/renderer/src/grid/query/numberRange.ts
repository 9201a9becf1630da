/**
 * A number filter as an exact range of stored values, so its rows come from an index range and
 * its count from an index count. Money filters compare major units (stored / 100) while the
 * index holds integer cents: the range's ends are the first and last integers that pass.
 */
import { conditionsOf } from './predicates'
import type { ColumnFilter, QueryColumn } from './types'

export interface StoredRange {
  lower: number
  upper: number
  lowerOpen: boolean
  upperOpen: boolean
}

interface Interval {
  lo: number
  hi: number
  loOpen: boolean
  hiOpen: boolean
}

const ALL: Interval = { lo: -Infinity, hi: Infinity, loOpen: false, hiOpen: false }

function intervalOf(type: string, from: number, to: number): Interval | null {
  switch (type) {
    case 'equals':
      return { lo: from, hi: from, loOpen: false, hiOpen: false }
    case 'lessThan':
      return { ...ALL, hi: from, hiOpen: true }
    case 'lessThanOrEqual':
      return { ...ALL, hi: from }
    case 'greaterThan':
      return { ...ALL, lo: from, loOpen: true }
    case 'greaterThanOrEqual':
      return { ...ALL, lo: from }
    case 'inRange':
      return { lo: Math.min(from, to), hi: Math.max(from, to), loOpen: false, hiOpen: false }
    default:
      return null
  }
}

function intersect(a: Interval, b: Interval): Interval {
  const lower = a.lo > b.lo || (a.lo === b.lo && a.loOpen) ? a : b
  const upper = a.hi < b.hi || (a.hi === b.hi && a.hiOpen) ? a : b
  return { lo: lower.lo, loOpen: lower.loOpen, hi: upper.hi, hiOpen: upper.hiOpen }
}

const passesLower = (i: Interval, v: number): boolean => (i.loOpen ? v > i.lo : v >= i.lo)
const passesUpper = (i: Interval, v: number): boolean => (i.hiOpen ? v < i.hi : v <= i.hi)

/** The range of stored values the filter keeps, or null when it is not one range. */
export function storedRange(column: QueryColumn, filter: ColumnFilter): StoredRange | null {
  if (column.filter !== 'number') return null
  const { operator, conditions } = conditionsOf(filter)
  if (operator === 'OR' && conditions.length > 1) return null
  let interval = ALL
  for (const condition of conditions) {
    const from = Number(condition.filter)
    const to = Number(condition.filterTo)
    const type = condition.type ?? 'equals'
    if (!Number.isFinite(from) || (type === 'inRange' && !Number.isFinite(to))) return null
    const next = intervalOf(type, from, to)
    if (!next) return null
    interval = intersect(interval, next)
  }
  const scale = column.integerScale
  if (!scale) {
    return {
      lower: interval.lo,
      upper: interval.hi,
      lowerOpen: interval.loOpen,
      upperOpen: interval.hiOpen
    }
  }
  // Integers c with lo < c/scale < hi: found by testing the integers next to lo·scale and
  // hi·scale with the filter's own division, so rounding cannot move an end.
  let lower = -Infinity
  if (interval.lo !== -Infinity) {
    lower = Math.floor(interval.lo * scale) - 2
    while (!passesLower(interval, lower / scale)) lower += 1
  }
  let upper = Infinity
  if (interval.hi !== Infinity) {
    upper = Math.ceil(interval.hi * scale) + 2
    while (!passesUpper(interval, upper / scale)) upper -= 1
  }
  return { lower, upper, lowerOpen: false, upperOpen: false }
}
