/**
 * The one row order every query path gives (index walk, in-memory sort, the property test's
 * brute force): IndexedDB's key order of the sort column's stored value (numbers before dates
 * before strings; strings by UTF-16 code unit), rows whose value is not a valid key ("blanks":
 * null, missing, booleans) first in ascending order, and ties broken by primary key. A
 * descending sort is the exact reverse (blanks last, ties by primary key descending): that is
 * what walking an index backwards yields, without buffering a tie group (at a million rows one
 * value, MRR 0, can hold hundreds of thousands of rows). Unsorted: primary key ascending.
 */
import { cmp } from 'dexie'
import type { QueryRow, SortKey } from './types'

/** Whether IndexedDB can index this value (otherwise the row is missing from the index). */
export function isKey(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isNaN(value)
  if (typeof value === 'string') return true
  if (value instanceof Date) return !Number.isNaN(value.getTime())
  if (Array.isArray(value)) return value.every(isKey)
  return false
}

export function compareValues(a: unknown, b: unknown): number {
  const aKey = isKey(a)
  const bKey = isKey(b)
  if (!aKey || !bKey) return aKey === bKey ? 0 : aKey ? 1 : -1
  return cmp(a, b)
}

export interface SortField {
  field: string
  dir: 'asc' | 'desc'
}

/** A comparator for rows in the defined order (`idField` breaks ties). */
export function rowComparator(
  sort: readonly SortField[],
  idField: string
): (a: QueryRow, b: QueryRow) => number {
  const tieDir = sort[0]?.dir === 'desc' ? -1 : 1
  return (a, b) => {
    for (const key of sort) {
      const order = compareValues(a[key.field], b[key.field])
      if (order !== 0) return key.dir === 'desc' ? -order : order
    }
    return tieDir * cmp(a[idField], b[idField])
  }
}

export type { SortKey }
