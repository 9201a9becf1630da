/**
 * Walks a table in the defined order (keyOrder.ts) a chunk at a time, resuming from a saved
 * position instead of an offset: after a chunk ending on the row (v, pk), the next one is "rows
 * equal to v after pk" then "rows above v". IndexedDB orders an index's equal keys by primary
 * key, so the first part is one native jump (continuePrimaryKey, tiesAfter.ts) however many
 * ties came before: paging deep into a low-cardinality sort (a million customers by country)
 * costs the same as paging near the top. Rows whose sort value is not a key are missing from
 * the index: they come last (keyOrder.ts), found by walking the table by primary key — a read
 * of every row, paid only by someone who scrolls past the last indexed row of a sort on a
 * column with blanks. Nothing here counts an index: Chromium counts one by walking it.
 */
import type { Collection, IndexableType, Table } from 'dexie'
import { isKey } from './keyOrder'
import type { StoredRange } from './numberRange'
import { tiesAfter } from './tiesAfter'
import type { QueryRow } from './types'

/** Where a walk stands: before the rest of `segment`, just after the row (`value`, `key`). */
export interface WalkPosition {
  segment: number
  value: IndexableType | undefined
  /** Primary key of the last row read: where the ties of `value` resume. */
  key: IndexableType | undefined
}

export const START: WalkPosition = { segment: 0, value: undefined, key: undefined }

interface Segment {
  /** Index walked: the sort field, or ':id' (primary key). */
  index: string
  reverse: boolean
  /** Only this range of the index (a number filter on the sort field itself). */
  range?: StoredRange
  /** Only rows whose `field` is blank (a primary-key walk over the whole table). */
  blanksOf?: { field: string }
}

export interface WalkOrder {
  table: Table<QueryRow, IndexableType>
  segments: Segment[]
  /** The value a position tracks (the index's, or the primary key). */
  valueOf: (row: QueryRow, segment: Segment) => unknown
  keyOf: (row: QueryRow) => IndexableType
}

/**
 * The segments of a sort on `field` (null: primary key order). With `range` (a number filter on
 * `field` itself) the walk covers only that stretch of the index: "MRR below 1,000, highest
 * first" starts at 999.99 rather than reading past every larger MRR. Rows with a blank `field`
 * never pass such a filter, so there is no segment of blanks then.
 */
export async function walkOrder(
  table: Table<QueryRow, IndexableType>,
  idField: string,
  field: string | null,
  dir: 'asc' | 'desc',
  range?: StoredRange
): Promise<WalkOrder> {
  const reverse = dir === 'desc'
  const valueOf = (row: QueryRow, segment: Segment): unknown =>
    segment.blanksOf || segment.index === ':id' ? row[idField] : row[segment.index]
  const keyOf = (row: QueryRow): IndexableType => row[idField] as IndexableType
  if (field === null || field === idField) {
    return { table, segments: [{ index: ':id', reverse }], valueOf, keyOf }
  }
  if (range) return { table, segments: [{ index: field, reverse, range }], valueOf, keyOf }
  // Blanks (missing from the index) last, walked by primary key in the sort's direction.
  const blanks: Segment = { index: ':id', reverse, blanksOf: { field } }
  const segments: Segment[] = [{ index: field, reverse }, blanks]
  return { table, segments, valueOf, keyOf }
}

/**
 * The position just after the row at 0-based `rank` of an unfiltered walk, found by a native
 * skip (`offset`: IndexedDB's cursor.advance, which steps over index entries without reading
 * their rows) instead of reading every row before it: a scrollbar dragged to the middle of a
 * million rows reads one row to get there. Null when `rank` is past the indexed rows.
 */
export async function positionAt(order: WalkOrder, rank: number): Promise<WalkPosition | null> {
  // The first segment is the index (or the primary key); blanks, if any, follow it and cannot
  // be skipped to (they are found by reading rows): past the index, the caller walks.
  const segment = order.segments[0]!
  const [row] = await whole(order, segment).offset(rank).limit(1).toArray()
  if (!row) return null
  return { segment: 0, value: order.valueOf(row, segment) as IndexableType, key: order.keyOf(row) }
}

/** The segment's rows in walk order. */
function whole(order: WalkOrder, segment: Segment): Collection<QueryRow> {
  const r = segment.range
  const all = r
    ? order.table.where(segment.index).between(r.lower, r.upper, !r.lowerOpen, !r.upperOpen)
    : order.table.orderBy(segment.index)
  return segment.reverse ? all.reverse() : all
}

/** The segment's rows after `value` (past its ties) in walk order. */
function after(order: WalkOrder, segment: Segment, value: IndexableType): Collection<QueryRow> {
  const where = order.table.where(segment.index)
  const r = segment.range
  if (!r) return segment.reverse ? where.below(value).reverse() : where.above(value)
  return segment.reverse
    ? where.between(r.lower, value, !r.lowerOpen, false).reverse()
    : where.between(value, r.upper, false, !r.upperOpen)
}

async function readChunk(
  order: WalkOrder,
  segment: Segment,
  at: WalkPosition,
  size: number
): Promise<QueryRow[]> {
  if (at.value === undefined) return whole(order, segment).limit(size).toArray()
  let ties: QueryRow[] = []
  if (segment.index !== ':id' && at.key !== undefined) {
    ties = await tiesAfter(order.table, segment.index, segment.reverse, at.value, at.key, size)
    if (ties.length === size) return ties
  }
  const rest = await after(order, segment, at.value)
    .limit(size - ties.length)
    .toArray()
  return ties.concat(rest)
}

export interface WalkStep {
  /** Rows that passed `accept`, in order, with the position just after each. */
  visit: (row: QueryRow, next: WalkPosition) => boolean
}

const CHUNK = 500

/**
 * Reads rows from `from` on, handing each that passes `accept` to `visit` with the position
 * after it, until `visit` returns false or the table ends. Returns the position reached.
 */
export async function walk(
  order: WalkOrder,
  from: WalkPosition,
  accept: ((row: QueryRow) => boolean) | null,
  visit: (row: QueryRow, next: WalkPosition) => boolean,
  chunkSize = CHUNK
): Promise<WalkPosition | null> {
  let at = from
  while (at.segment < order.segments.length) {
    const segment = order.segments[at.segment]!
    const blanks = segment.blanksOf
    const rows = await readChunk(order, segment, at, chunkSize)
    for (const row of rows) {
      const value = order.valueOf(row, segment) as IndexableType
      const key = order.keyOf(row)
      if (blanks && isKey(row[blanks.field])) {
        at = { ...at, value, key }
        continue
      }
      at = { segment: at.segment, value, key }
      if (accept && !accept(row)) continue
      if (!visit(row, at)) return at
    }
    if (rows.length < chunkSize) at = { ...START, segment: at.segment + 1 }
  }
  return null
}
