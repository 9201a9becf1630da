/**
 * One grid query planned onto a table's indexes, answering pages and counts until the query or
 * the data changes (then a new one is prepared). The plan:
 *
 * - Narrow sources first: the quick search's longest word (`_words` startsWith) and each number
 *   filter on an indexed column (an exact range, numberRange.ts). When the smallest of them holds
 *   at most MATERIALISE_LIMIT rows, those rows are read, filtered and sorted in memory: a page is
 *   then a slice, and the count exact at once. A lone searched word in primary-key order needs
 *   no rows at all: the keys the sizing read got are the answer.
 * - Otherwise the sort column's index (primary key when unsorted) drives: rows are walked in
 *   order, every predicate applied as a cursor filter. Filters that keep that many rows keep
 *   them densely, so a page needs few reads. The position after each page is remembered, so the
 *   next page resumes there (`above(lastKey)`), not at an offset. With nothing to filter, a page
 *   far from every remembered position (a dragged scrollbar) is reached by a native skip.
 * - A sort on a column without an index, or on several columns, reads the matching rows and
 *   sorts them in memory (a scan: the one slow path, for columns people rarely sort on).
 *
 * Counts: the table's own count; the filtered count from an index when the query is one range
 * (or nothing), else counted by a pass in the background (`count()` resolves later; pages never
 * wait for it).
 */
import { cmp, type Collection, type IndexableType, type Table } from 'dexie'
import { rowComparator, type SortField } from './keyOrder'
import { positionAt, walk, walkOrder, START, type WalkOrder, type WalkPosition } from './indexWalk'
import { storedRange, type StoredRange } from './numberRange'
import { allOf, filterPredicates, searchPredicate, type RowPredicate } from './predicates'
import { searchWords, WORDS_FIELD } from './tokens'
import type { GridQuery, QueryColumn, QueryRow } from './types'

/**
 * Narrow sources of at most this many rows are sorted in memory. Sizing a source reads up to
 * this many keys before the first rows (~10 µs a key in Chromium), so it stays small: a wider
 * source is walked for its first rows, and its count pass then keeps the ordered keys.
 */
export const MATERIALISE_LIMIT = 5_000
const READ_CHUNK = 2_000
const COUNT_SOURCE_LIMIT = 200_000
/** Remember a walk position at least every this many rows, for later jumps. */
const POSITION_EVERY = 100
/** An unfiltered page further than this past the nearest remembered position is skipped to. */
const SKIP_AFTER = 2_000

type AnyTable = Table<QueryRow, IndexableType>

interface Source {
  /**
   * Index entries (for a multiEntry index: at least the distinct rows), counted only up to the
   * materialise limit + 1: planning needs "small enough to sort in memory?" and "which is
   * narrowest?", and Chromium counts an index range by walking it (seconds for most of a million
   * rows), which must not stand between a keystroke and its first rows.
   */
  size: number
  /** Every entry, counted (once) when an exact count or the count pass needs it. */
  count: () => Promise<number>
  /** Its rows, each once, read in one request (an index range's getAll). */
  rows: () => Promise<QueryRow[]>
  /** The whole query is this source: its row count is the answer. */
  exact: boolean
  /** Every entry's primary key, in index order, when the sizing read got them all. */
  keys: IndexableType[] | null
}

/** A source over `entries`: its size counted up to `cap` + 1 (a keys-only read), its count lazily. */
async function sourceOf(
  entries: Collection<QueryRow, IndexableType>,
  cap: number,
  rows: () => Promise<QueryRow[]>
): Promise<Source> {
  const keys = await entries
    .clone()
    .limit(cap + 1)
    .primaryKeys()
  const size = keys.length
  const complete = size <= cap
  let counted: Promise<number> | null = complete ? Promise.resolve(size) : null
  return {
    size,
    count: () => (counted ??= entries.count()),
    rows,
    exact: false,
    keys: complete ? keys : null
  }
}

export interface QuerySetup {
  table: AnyTable
  idField: string
  columns: readonly QueryColumn[]
  /** Narrow sources up to this size are sorted in memory (default MATERIALISE_LIMIT). */
  materialiseLimit?: number
  /**
   * M, shared by every query over the same data (GridQuerySource counts it once per change of
   * the data: a million rows take about a second to count). Default: the table's count.
   */
  total?: () => Promise<number>
}

function indexNames(table: AnyTable): Set<string> {
  return new Set(table.schema.indexes.map((index) => index.name))
}

async function readByKeys(table: AnyTable, keys: readonly IndexableType[]): Promise<QueryRow[]> {
  const rows: QueryRow[] = []
  for (let i = 0; i < keys.length; i += READ_CHUNK) {
    const found = await table.bulkGet(keys.slice(i, i + READ_CHUNK) as IndexableType[])
    for (const row of found) if (row) rows.push(row)
  }
  return rows
}

export class PreparedQuery {
  private plan: Promise<Plan> | null = null
  private counted: Promise<number> | null = null
  private countKnown: number | null = null
  private cancelled = false

  constructor(
    private readonly setup: QuerySetup,
    readonly query: GridQuery
  ) {}

  /** Every row in the table (M of "N of M"). */
  total(): Promise<number> {
    return this.setup.total ? this.setup.total() : this.setup.table.count()
  }

  /** The filtered count, if already known (never waits). */
  knownCount(): number | null {
    return this.countKnown
  }

  /**
   * The filtered count if it costs no reads (a result sorted in memory holds it), else null.
   * Resolves once the plan is made (at once after the first rows).
   */
  async freeCount(): Promise<number | null> {
    const n = (await this.getPlan()).countNow
    if (n !== null) this.countKnown = n
    return n
  }

  /** Nothing filters or searches: the filtered count is M. */
  get unfiltered(): boolean {
    return this.query.quickSearch === '' && Object.keys(this.query.filters).length === 0
  }

  /** The filtered count (N): at once from an index, else after a background pass. */
  count(): Promise<number> {
    this.counted ??= this.getPlan()
      .then((plan) => plan.count())
      .then((n) => {
        this.countKnown = n
        return n
      })
    return this.counted
  }

  /** Rows [start, end) of the result, in grid order (fewer at its end). */
  async rows(start: number, end: number): Promise<QueryRow[]> {
    return (await this.getPlan()).rows(start, end)
  }

  /** Stops background work (a newer query replaced this one). */
  cancel(): void {
    this.cancelled = true
  }

  private getPlan(): Promise<Plan> {
    this.plan ??= this.makePlan()
    return this.plan
  }

  private async makePlan(): Promise<Plan> {
    const { table, idField, columns } = this.setup
    const query = this.query
    const indexed = indexNames(table)
    const words = searchWords(query.quickSearch)
    const predicates = filterPredicates(columns, query.filters)
    const search = searchPredicate(words)
    if (search) predicates.push(search)
    const accept = allOf(predicates)

    const sort: SortField[] = query.sort.flatMap((key) => {
      const column = columns.find((c) => c.colId === key.colId)
      return column ? [{ field: column.field, dir: key.dir }] : []
    })

    const sources: Source[] = []
    if (words.length > 0 && indexed.has(WORDS_FIELD)) {
      const word = [...words].sort((a, b) => b.length - a.length)[0]!
      const entries = table.where(WORDS_FIELD).startsWith(word)
      const source = await sourceOf(entries, this.limit(), async () =>
        distinct(await entries.toArray(), idField)
      )
      // One word and nothing else, in primary-key order: the index's keys are the whole answer.
      const byKey = sort.length === 0 || (single(sort) && sort[0]!.field === idField)
      if (predicates.length === 1 && words.length === 1 && byKey && source.keys) {
        return keysPlan(table, distinctKeys(source.keys, sort[0]?.dir === 'desc'))
      }
      sources.push(source)
    }
    const ranges = this.rangeSources(indexed)
    for (const range of ranges) sources.push(await range)
    const onlyRange = predicates.length === 1 && ranges.length === 1
    if (onlyRange) sources[sources.length - 1]!.exact = true

    const narrowest = sources.sort((a, b) => a.size - b.size)[0]
    const compare = rowComparator(sort, idField)
    const total = () => this.total()

    if (narrowest && narrowest.size <= this.limit()) {
      const rows = await narrowest.rows()
      return materialised(table, rows, accept, compare, idField)
    }
    const sortField = sort[0]?.field ?? null
    if (single(sort) && (sortField === null || indexed.has(sortField) || sortField === idField)) {
      const range = sortField === null ? null : this.rangeOn(sortField)
      const order = await walkOrder(
        table,
        idField,
        sortField,
        sort[0]?.dir ?? 'asc',
        range ?? undefined
      )
      const counted = async (): Promise<number> => {
        const { count, held } = await this.countPass(narrowest, accept, compare)
        // The pass read every match anyway: later pages are read by key, deep ones included.
        if (held && !this.cancelled) plan.settle(held)
        return count
      }
      const count =
        predicates.length === 0 ? total : narrowest?.exact ? () => narrowest.count() : counted
      const plan: WalkPlan = new WalkPlan(order, accept, count)
      return plan
    }
    // A sort no index answers: the matching rows, sorted in memory.
    const rows = narrowest ? await narrowest.rows() : await readAll(table, idField)
    return materialised(table, rows, accept, compare, idField)
  }

  /** The stored range a number filter on `field` keeps, if the query has one. */
  private rangeOn(field: string): StoredRange | null {
    for (const [colId, filter] of Object.entries(this.query.filters)) {
      const column = this.setup.columns.find((c) => c.colId === colId)
      if (column?.field === field) return storedRange(column, filter)
    }
    return null
  }

  private limit(): number {
    return this.setup.materialiseLimit ?? MATERIALISE_LIMIT
  }

  private rangeSources(indexed: Set<string>): Promise<Source>[] {
    const { table, columns } = this.setup
    return Object.entries(this.query.filters).flatMap(([colId, filter]) => {
      const column = columns.find((c) => c.colId === colId)
      if (!column || !indexed.has(column.field)) return []
      const range = storedRange(column, filter)
      if (!range) return []
      const rows = rangeCollection(table, column.field, range)
      return [sourceOf(rows, this.limit(), () => rows.toArray())]
    })
  }

  /**
   * Counts matching rows over the narrowest source (or the whole table, chunk by chunk). A
   * source small enough to read whole also yields the result held in memory (`held`).
   */
  private async countPass(
    source: Source | undefined,
    accept: RowPredicate | null,
    compare: (a: QueryRow, b: QueryRow) => number
  ): Promise<{ count: number; held: HeldPlan | null }> {
    const { table, idField } = this.setup
    if (source && (await source.count()) <= COUNT_SOURCE_LIMIT) {
      const held = materialised(table, await source.rows(), accept, compare, idField)
      return { count: held.countNow, held }
    }
    return { count: await this.countByTable(accept), held: null }
  }

  /** Counts matching rows by reading the table in chunks (stops when cancelled). */
  private async countByTable(accept: RowPredicate | null): Promise<number> {
    const { table } = this.setup
    let count = 0
    let last: IndexableType | undefined
    for (;;) {
      if (this.cancelled) return count
      const chunk = await (
        last === undefined ? table.orderBy(':id') : table.where(':id').above(last)
      )
        .limit(READ_CHUNK)
        .toArray()
      for (const row of chunk) if (!accept || accept(row)) count += 1
      if (chunk.length < READ_CHUNK) return count
      last = chunk[chunk.length - 1]![this.setup.idField] as IndexableType
    }
  }
}

function single(sort: readonly SortField[]): boolean {
  return sort.length <= 1
}

/** A multiEntry range's primary keys (a row once per matching word), each once, in key order. */
function distinctKeys(keys: readonly IndexableType[], descending: boolean): IndexableType[] {
  const ordered = [...new Set(keys)].sort(cmp)
  return descending ? ordered.reverse() : ordered
}

/** Rows of a multiEntry range come once per matching word: each row once, in order. */
function distinct(rows: readonly QueryRow[], idField: string): QueryRow[] {
  const seen = new Set<unknown>()
  return rows.filter((row) => {
    const id = row[idField]
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

function rangeCollection(table: AnyTable, field: string, range: StoredRange) {
  return table.where(field).between(range.lower, range.upper, !range.lowerOpen, !range.upperOpen)
}

interface Plan {
  rows(start: number, end: number): Promise<QueryRow[]>
  count(): Promise<number>
  /** The count when it costs nothing (a materialised result holds it), else null. */
  readonly countNow: number | null
}

/** Every row, in primary key order, read in large chunks (one request each). */
async function readAll(table: AnyTable, idField: string): Promise<QueryRow[]> {
  const rows: QueryRow[] = []
  let last: IndexableType | undefined
  for (;;) {
    const from = last === undefined ? table.orderBy(':id') : table.where(':id').above(last)
    const chunk = await from.limit(READ_CHUNK * 5).toArray()
    for (const row of chunk) rows.push(row)
    if (chunk.length < READ_CHUNK * 5) return rows
    last = chunk[chunk.length - 1]![idField] as IndexableType
  }
}

function materialised(
  table: AnyTable,
  candidates: QueryRow[],
  accept: RowPredicate | null,
  compare: (a: QueryRow, b: QueryRow) => number,
  idField: string
): HeldPlan {
  // Only the keys are kept: a page is read again by key, so memory holds ids, not rows.
  const rows = accept ? candidates.filter(accept) : candidates
  rows.sort(compare)
  return keysPlan(
    table,
    rows.map((row) => row[idField] as IndexableType)
  )
}

/** A result held as its ordered primary keys: its count is known. */
type HeldPlan = Plan & { readonly countNow: number }

/** A result held as its ordered primary keys: a page is read again by key. */
function keysPlan(table: AnyTable, ordered: readonly IndexableType[]): HeldPlan {
  return {
    count: () => Promise.resolve(ordered.length),
    countNow: ordered.length,
    rows: (start, end) => readByKeys(table, ordered.slice(start, end))
  }
}

/** Pages through an index walk, remembering where each page ended. */
class WalkPlan implements Plan {
  readonly countNow = null
  private readonly positions = new Map<number, WalkPosition>([[0, START]])
  private end: number | null = null
  /** The same result held as ordered keys, once a count pass produced them. */
  private settled: Plan | null = null

  constructor(
    private readonly order: WalkOrder,
    private readonly accept: RowPredicate | null,
    readonly count: () => Promise<number>
  ) {}

  /** From now on pages are read by key (the walk's order and `ordered`'s are the same). */
  settle(ordered: Plan): void {
    this.settled = ordered
  }

  async rows(start: number, end: number): Promise<QueryRow[]> {
    if (this.settled) return this.settled.rows(start, end)
    if (this.end !== null && start >= this.end) return []
    let from = 0
    for (const row of this.positions.keys()) if (row <= start && row > from) from = row
    if (this.accept === null && start - from > SKIP_AFTER) {
      // Nothing to filter, so rank is position: skip natively rather than read every row.
      const skipped = await positionAt(this.order, start - 1)
      if (skipped) {
        this.positions.set(start, skipped)
        from = start
      }
    }
    let index = from
    const out: QueryRow[] = []
    const reached = await walk(this.order, this.positions.get(from)!, this.accept, (row, next) => {
      index += 1
      if (index > start) out.push(row)
      if (index % POSITION_EVERY === 0 || index === end) this.positions.set(index, next)
      return index < end
    })
    if (reached === null) this.end = index
    return out
  }
}
