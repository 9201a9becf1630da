/**
 * An array kept in list order, with binary search. Lists are paged by key ("everything after
 * the last record you saw"), never by offset, which is what keeps cursor walks free of skips
 * and duplicates while rows come and go.
 */

/** Negative when `item` sorts before `key` in list order, 0 when equal, positive after. */
export type KeyComparator<T, K> = (item: T, key: K) => number

export class SortedList<T, K> {
  private readonly items: T[] = []

  constructor(
    private readonly keyOf: (item: T) => K,
    private readonly compare: KeyComparator<T, K>
  ) {}

  get length(): number {
    return this.items.length
  }

  at(index: number): T | undefined {
    return this.items[index]
  }

  /** Read-only view in list order. */
  all(): readonly T[] {
    return this.items
  }

  /** First index whose item is not before `key` (i.e. >= key). */
  lowerBound(key: K): number {
    let lo = 0
    let hi = this.items.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.compare(this.items[mid] as T, key) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** First index whose item is strictly after `key`. */
  upperBound(key: K): number {
    let lo = 0
    let hi = this.items.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.compare(this.items[mid] as T, key) <= 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  insert(item: T): void {
    this.items.splice(this.upperBound(this.keyOf(item)), 0, item)
  }

  /** Bulk load; `items` must already be in list order (checked, as a wrong order is silent). */
  load(items: readonly T[]): void {
    for (let i = 1; i < items.length; i++) {
      if (this.compare(items[i] as T, this.keyOf(items[i - 1] as T)) < 0) {
        throw new Error('SortedList.load: items are not in list order')
      }
    }
    // Not splice(...items): spreading 50k arguments can overflow the stack.
    this.items.length = 0
    for (const item of items) this.items.push(item)
  }

  /** Removes the item with exactly this key; returns it, or undefined when absent. */
  remove(key: K): T | undefined {
    const i = this.lowerBound(key)
    const found = this.items[i]
    if (found === undefined || this.compare(found, key) !== 0) return undefined
    this.items.splice(i, 1)
    return found
  }

  find(key: K): T | undefined {
    const found = this.items[this.lowerBound(key)]
    return found !== undefined && this.compare(found, key) === 0 ? found : undefined
  }
}

export interface Page<T> {
  entries: T[]
  hasMore: boolean
}

/**
 * Walks from `start` in direction `step`, collecting up to `limit` items that `match`;
 * `stop` ends the walk early (used by date ranges). Looks one match further to set `hasMore`.
 */
export function collectPage<T>(
  items: readonly T[],
  start: number,
  step: 1 | -1,
  limit: number,
  match: (item: T) => boolean,
  stop: (item: T) => boolean = () => false
): Page<T> {
  const entries: T[] = []
  for (let i = start; i >= 0 && i < items.length; i += step) {
    const item = items[i] as T
    if (stop(item)) break
    if (!match(item)) continue
    if (entries.length === limit) return { entries, hasMore: true }
    entries.push(item)
  }
  return { entries, hasMore: false }
}
