import type { SkippedRecord } from '../../shared/domain'
import { CancelledError } from '../chartmogul/errors'
import {
  afterPosition,
  atInstant,
  badListing,
  instantOf,
  KEYSET_SORT,
  START_POSITION,
  type KeysetPosition
} from './keysetPosition'
import { MAX_PAGE_SIZE, type MonacoFilters, type MonacoListParams } from './listRequest'
import type { MonacoListPage } from './models'
import type { MonacoListFn } from './paginate'

/**
 * A full listing that survives records being created and deleted while it runs: keyset
 * paging over `created_at`, emulated with Monaco's filters because its API only pages by
 * number. Every request asks for page 1 of `created_at >= <last created_at read>` sorted
 * ascending, and drops the ids already read at that instant.
 *
 * - A deletion cannot shift an unread record into a page already read (there is no offset).
 * - A record created during the pass with `created_at` = now lands at the end and is read.
 *   One created with an *older* `created_at` (an import, a backdated record) that falls
 *   before the position is not in this pass; the next pass reads it. So the promise is:
 *   every record that existed from the start to the end of the pass is read, exactly once.
 * - Monaco sorts by one field only and does not say how ties are ordered, so ties are never
 *   trusted to an order: more records at one instant than a page holds are read with
 *   `created_at equals <instant>` by page number (checked against `total_count`, re-read when
 *   it moved), then the walk continues with `created_at > <instant>`.
 * - `complete` means the walk reached the end. `total_count` is read once more at the end
 *   (unless `countAtEnd` is false) and compared with what was seen (`countDrift`): a signal to
 *   log, not a proof — deletions of records already read make it negative, backdated inserts
 *   positive.
 */

type Keyed = { id: string; createdAt: string }

export type KeysetListParams = Omit<MonacoListParams, 'page' | 'sort'>

export interface KeysetPage<T> {
  /** Records read for the first time in this step, in `created_at` order. */
  items: T[]
  skipped: SkippedRecord[]
  /** Where to resume once `items` are stored. */
  position: KeysetPosition
}

export interface KeysetListingOptions<T> {
  signal?: AbortSignal
  /** Resume after a crash from a stored position (default: the start). */
  from?: KeysetPosition
  /**
   * Called (and awaited) after each step: store `items`, then the `position`, together, so a
   * crash resumes after what was stored.
   */
  onPage?: (page: KeysetPage<T>) => void | Promise<void>
  /** Stop at the first step that starts after this many requests: incomplete, resumable. */
  maxRequests?: number
  /**
   * Read `total_count` once more when the walk completes, for `countDrift` (default true). A
   * caller that walks one step at a time (`maxRequests: 1`) turns it off: that extra request
   * would come at the end of every walk, and the count it gives is only a signal; the caller
   * can ask once for a whole listing instead (see the Monaco sync's end-of-pass check).
   */
  countAtEnd?: boolean
}

export interface KeysetListing<T> {
  items: T[]
  skipped: SkippedRecord[]
  /** The walk reached the end: every record present throughout the pass was read. */
  complete: boolean
  position: KeysetPosition
  /** `total_count` of the caller's filters, read after the walk; null if incomplete or not asked. */
  totalCountAtEnd: number | null
  /**
   * `totalCountAtEnd` − records seen; null if incomplete, not asked, or resumed (earlier
   * records unseen).
   */
  countDrift: number | null
  requests: number
}

/** How many times a tie bigger than a page is re-read while its `total_count` keeps moving. */
const TIE_ATTEMPTS = 3

export async function listByCreatedAt<T extends Keyed>(
  list: MonacoListFn<T>,
  params: KeysetListParams = {},
  options: KeysetListingOptions<T> = {}
): Promise<KeysetListing<T>> {
  const pageSize = Math.min(
    MAX_PAGE_SIZE,
    Math.max(1, Math.trunc(params.pageSize ?? MAX_PAGE_SIZE))
  )
  const byId = new Map<string, T>()
  const skipped: SkippedRecord[] = []
  const skippedIds = new Set<string>()
  let position: KeysetPosition = cloneOf(options.from ?? START_POSITION)
  let seenAtInstant = new Set(position.seenIdsAtThatInstant)
  let requests = 0
  /** Set from the first answer: a server that keeps inventing records is stopped. */
  let requestLimit = Number.POSITIVE_INFINITY
  let recordLimit = Number.POSITIVE_INFINITY

  async function fetchPage(filters: MonacoFilters | undefined, page: number, size = pageSize) {
    if (options.signal?.aborted) throw new CancelledError(false)
    if (requests >= requestLimit || byId.size > recordLimit) {
      throw badListing('the listing kept growing far past the count Monaco first gave')
    }
    requests += 1
    const request: MonacoListParams = { ...params, page, pageSize: size, sort: KEYSET_SORT }
    if (filters === undefined) delete request.filters
    else request.filters = filters
    const answer = await list(request, { signal: options.signal })
    if (requestLimit === Number.POSITIVE_INFINITY) {
      requestLimit = requests + 2 * (answer.totalPages + answer.totalCount) + 10
      recordLimit = 2 * answer.totalCount + 100
    }
    return answer
  }

  /** Keeps what is new; returns it. Duplicates (by id) keep the first version read. */
  function absorb(page: MonacoListPage<T>): KeysetPage<T> {
    const fresh: T[] = []
    for (const item of page.items) {
      if (byId.has(item.id) || seenAtInstant.has(item.id)) continue
      byId.set(item.id, item)
      fresh.push(item)
    }
    const freshSkipped: SkippedRecord[] = []
    for (const record of page.skipped) {
      if (record.id !== undefined) {
        if (skippedIds.has(record.id) || byId.has(record.id)) continue
        skippedIds.add(record.id)
      }
      freshSkipped.push(record)
    }
    skipped.push(...freshSkipped)
    return { items: fresh, skipped: freshSkipped, position }
  }

  function moveTo(next: KeysetPosition): void {
    position = next
    seenAtInstant = new Set(next.seenIdsAtThatInstant)
  }

  async function report(step: KeysetPage<T>): Promise<void> {
    await options.onPage?.({ ...step, position: cloneOf(position) })
  }

  /** Reads every record at one instant by page number; they are more than a page holds. */
  async function readTie(createdAt: string): Promise<void> {
    const instant = instantOf(createdAt)
    const fresh: KeysetPage<T> = { items: [], skipped: [], position }
    for (let attempt = 1; attempt <= TIE_ATTEMPTS; attempt++) {
      const ids = new Set<string>()
      let anonymous = 0
      let total: number | null = null
      let stable = true
      for (let pageNumber = 1; ; pageNumber++) {
        const page = await fetchPage(atInstant(params.filters, createdAt), pageNumber)
        if (total === null) total = page.totalCount
        else if (page.totalCount !== total) stable = false
        const before = ids.size + anonymous
        for (const item of page.items) {
          if (instantOf(item.createdAt) !== instant) {
            throw badListing(`asked for records created at ${createdAt}, got ${item.createdAt}`)
          }
          ids.add(item.id)
        }
        for (const record of page.skipped) {
          if (record.id === undefined) anonymous += 1
          else ids.add(record.id)
        }
        const step = absorb(page)
        fresh.items.push(...step.items)
        fresh.skipped.push(...step.skipped)
        if (!page.hasMore) break
        if (ids.size + anonymous === before) {
          throw badListing(`page ${pageNumber} at ${createdAt} repeated what was read: no progress`)
        }
        if (pageNumber > page.totalPages + 2) {
          throw badListing(`the records created at ${createdAt} kept growing`)
        }
      }
      if (stable && ids.size + anonymous >= (total ?? 0)) {
        const atThatInstant = [...ids]
        moveTo({ createdAt, seenIdsAtThatInstant: atThatInstant, instantDone: true })
        await report(fresh)
        return
      }
    }
    throw badListing(`the records created at ${createdAt} kept changing while they were read`)
  }

  async function finish(complete: boolean): Promise<KeysetListing<T>> {
    let totalCountAtEnd: number | null = null
    let countDrift: number | null = null
    if (complete && options.countAtEnd !== false) {
      // One record per page: only `total_count` is wanted.
      totalCountAtEnd = (await fetchPage(params.filters, 1, 1)).totalCount
      const seen = byId.size + skipped.filter((r) => r.id === undefined || !byId.has(r.id)).length
      if (options.from === undefined) countDrift = totalCountAtEnd - seen
    }
    return {
      items: [...byId.values()],
      skipped,
      complete,
      position: cloneOf(position),
      totalCountAtEnd,
      countDrift,
      requests
    }
  }

  for (;;) {
    if (options.maxRequests !== undefined && requests >= options.maxRequests) {
      return finish(false)
    }
    const floor = position.createdAt === null ? null : instantOf(position.createdAt)
    const page = await fetchPage(afterPosition(params.filters, position), 1)
    const instants = checkOrder(page.items, position, floor)
    const step = absorb(page)
    const last = page.items.at(-1)
    if (last !== undefined) moveTo(positionAfter(page.items, instants, position, floor))
    await report(step)
    if (!page.hasMore) return finish(true)

    const first = instants[0]
    const stuck = last === undefined || first === instants.at(-1)
    if (!stuck) continue
    // A full page at one instant (or with nothing readable): the next `>=` page would be the
    // same page again. Read that instant by number, then continue strictly after it.
    const tie = last?.createdAt ?? position.createdAt
    if (tie === null || (last === undefined && position.instantDone)) {
      throw badListing('a page said more records follow but had none to continue from')
    }
    await readTie(tie)
  }
}

/**
 * The instants of a page's records, checked: ascending, and not before the position (nor at
 * it once that instant is done). Anything else means Monaco ignored the sort or the filter,
 * and following it could skip records.
 */
function checkOrder<T extends Keyed>(
  items: readonly T[],
  position: KeysetPosition,
  floor: number | null
): number[] {
  const instants: number[] = []
  let previous = floor ?? Number.NEGATIVE_INFINITY
  for (const item of items) {
    const instant = instantOf(item.createdAt)
    if (instant < previous || (position.instantDone && instant === floor)) {
      throw badListing(
        instants.length === 0
          ? `asked for records from ${position.createdAt}, got one created at ${item.createdAt}`
          : `records are not in created_at order (${item.createdAt} after a later one)`
      )
    }
    instants.push(instant)
    previous = instant
  }
  return instants
}

/** The last record's instant, with every id read at it (those come again on the next page). */
function positionAfter<T extends Keyed>(
  items: readonly T[],
  instants: readonly number[],
  position: KeysetPosition,
  floor: number | null
): KeysetPosition {
  const lastIndex = items.length - 1
  const last = items[lastIndex] as T
  const instant = instants[lastIndex] as number
  const ids = new Set(instant === floor ? position.seenIdsAtThatInstant : [])
  items.forEach((item, index) => {
    if (instants[index] === instant) ids.add(item.id)
  })
  return { createdAt: last.createdAt, seenIdsAtThatInstant: [...ids], instantDone: false }
}

function cloneOf(position: KeysetPosition): KeysetPosition {
  return { ...position, seenIdsAtThatInstant: [...position.seenIdsAtThatInstant] }
}
