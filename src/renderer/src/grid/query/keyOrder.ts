/**
 * The one row order every query path gives (index walk, in-memory sort, the property test's
 * brute force): IndexedDB's key order of the sort column's stored value (numbers before dates
 * before strings; strings by UTF-16 code unit), ties broken by primary key; a descending sort
 * reverses both (what walking an index backwards yields, without buffering a tie group: at a
 * million rows one value, MRR 0, can hold hundreds of thousands of rows). Rows whose value is
 * not a valid key ("blanks": null, missing, booleans) come last in both directions, by primary
 * key in the sort's direction: they are missing from the index, and putting them last means a
 * walk never has to know how many there are before its first row (Chromium can only count an
 * index by walking it, ~30 s per million entries, blocking the database meanwhile). Unsorted:
 * primary key ascending.
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
      const [x, y] = [a[key.field], b[key.field]]
      // Blanks last whatever the direction.
      if (!isKey(x) || !isKey(y)) {
        if (isKey(x) !== isKey(y)) return isKey(x) ? -1 : 1
        continue
      }
      const order = cmp(x, y)
      if (order !== 0) return key.dir === 'desc' ? -order : order
    }
    return tieDir * cmp(a[idField], b[idField])
  }
}

export type { SortKey }
