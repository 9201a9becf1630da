/**
 * Finds cached customers for the quick jump. Name and email prefixes come straight from their
 * IndexedDB indexes (a bounded key range, never a table scan); company and word-inside-the-name
 * matches come from a small in-memory index built once per cache revision, in the background.
 * Every source is capped, so a keystroke costs the same on 100 or 100,000 customers.
 */
import type { WorkspaceCache } from '../cache'
import type { CachedCustomer } from '../cache/records'
import { memoizeByRevision } from './revisionMemo'

export const QUICK_JUMP_LIMIT = 20

export interface CustomerHit {
  uuid: string
  name: string
  company: string
  email: string
  status: string | null
  mrrCents: number
  currency: string | null
}

export function toHit(customer: CachedCustomer): CustomerHit {
  return {
    uuid: customer.uuid,
    name: customer.name,
    company: customer.company,
    email: customer.email,
    status: customer.status,
    mrrCents: customer.mrrCents,
    currency: customer.currency
  }
}

export function normalizeQuery(query: string): string {
  return query.trim().toLocaleLowerCase()
}

function words(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .split(/[\s,.;:()/&+-]+/)
    .filter(Boolean)
}

/**
 * How well a customer matches (lower is better), or null when it does not match at all. The order:
 * exact name, name prefix, company prefix, email prefix, a word of the name, a word of the
 * company, anywhere in the company.
 */
export function matchScore(
  normalizedQuery: string,
  hit: Pick<CustomerHit, 'name' | 'company' | 'email'>
): number | null {
  const q = normalizedQuery
  if (q === '') return null
  const name = (hit.name ?? '').toLocaleLowerCase()
  const company = (hit.company ?? '').toLocaleLowerCase()
  const email = (hit.email ?? '').toLocaleLowerCase()
  if (name === q) return 0
  if (name.startsWith(q)) return 1
  if (company.startsWith(q)) return 2
  if (email.startsWith(q)) return 3
  if (words(name).some((w) => w.startsWith(q))) return 4
  if (words(company).some((w) => w.startsWith(q))) return 5
  if (company.includes(q)) return 6
  return null
}

/** Deduplicates, drops non-matches, orders by score then name, and keeps the first `limit`. */
export function rankHits(
  query: string,
  candidates: readonly CustomerHit[],
  limit = QUICK_JUMP_LIMIT
): CustomerHit[] {
  const q = normalizeQuery(query)
  const seen = new Set<string>()
  const scored: { hit: CustomerHit; score: number }[] = []
  for (const hit of candidates) {
    if (seen.has(hit.uuid)) continue
    seen.add(hit.uuid)
    const score = matchScore(q, hit)
    if (score !== null) scored.push({ hit, score })
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      a.hit.name.localeCompare(b.hit.name, undefined, { sensitivity: 'base' }) ||
      (a.hit.uuid < b.hit.uuid ? -1 : a.hit.uuid > b.hit.uuid ? 1 : 0)
  )
  return scored.slice(0, limit).map((s) => s.hit)
}

/** Lower-cased companies and inner name words of every customer, for matches no index answers. */
export class TextIndex {
  private readonly uuids: string[] = []
  private readonly companies: string[] = []
  /** The name's words after the first, each preceded by "\n" (the first is the index's job). */
  private readonly innerWords: string[] = []

  add(uuid: string, name: string, company: string): void {
    this.uuids.push(uuid)
    this.companies.push((company ?? '').toLocaleLowerCase())
    const rest = words(name ?? '').slice(1)
    this.innerWords.push(rest.length === 0 ? '' : `\n${rest.join('\n')}`)
  }

  get size(): number {
    return this.uuids.length
  }

  /**
   * Uuids whose company contains the query or whose name has a later word starting with it, up to
   * `limit`, company prefixes first. One pass over plain strings: a few ms at 100k.
   */
  find(normalizedQuery: string, limit: number): string[] {
    const q = normalizedQuery
    if (q === '' || limit <= 0) return []
    const wordStart = `\n${q}`
    const strong: string[] = []
    const weak: string[] = []
    for (let i = 0; i < this.uuids.length && strong.length < limit; i++) {
      const company = this.companies[i]!
      if (company.startsWith(q)) strong.push(this.uuids[i]!)
      else if (
        weak.length < limit &&
        (this.innerWords[i]!.includes(wordStart) || company.includes(q))
      )
        weak.push(this.uuids[i]!)
    }
    return strong.concat(weak).slice(0, limit)
  }
}

export async function buildTextIndex(cache: WorkspaceCache): Promise<TextIndex> {
  const index = new TextIndex()
  await cache.customers.each((c) => index.add(c.uuid, c.name, c.company))
  return index
}

/**
 * The text index for a cache, rebuilt in the background when `revision` moved on. Returns what is
 * ready now (possibly a slightly stale index, or null on the very first call) and the promise of
 * the current one.
 */
export const textIndexFor = memoizeByRevision(buildTextIndex)

/** Name and email prefix matches through their indexes (case-insensitive), each capped. */
export async function indexedPrefixMatches(
  cache: WorkspaceCache,
  query: string,
  limit = QUICK_JUMP_LIMIT
): Promise<CachedCustomer[]> {
  const q = query.trim()
  if (q === '') return []
  const [byName, byEmail] = await Promise.all([
    cache.customers.where('name').startsWithIgnoreCase(q).limit(limit).toArray(),
    cache.customers.where('email').startsWithIgnoreCase(q).limit(limit).toArray()
  ])
  return byName.concat(byEmail)
}

/**
 * The ranked quick-jump matches for a query. `textIndex` adds company and inner-word matches;
 * without one, only the indexed prefixes are searched.
 */
export async function searchCustomers(
  cache: WorkspaceCache,
  query: string,
  textIndex: TextIndex | null,
  limit = QUICK_JUMP_LIMIT
): Promise<CustomerHit[]> {
  const q = normalizeQuery(query)
  if (q === '') return []
  const prefixed = await indexedPrefixMatches(cache, query, limit)
  let extra: CachedCustomer[] = []
  if (textIndex) {
    const have = new Set(prefixed.map((c) => c.uuid))
    const uuids = textIndex.find(q, limit).filter((uuid) => !have.has(uuid))
    extra = (await cache.customers.bulkGet(uuids)).filter(
      (c): c is CachedCustomer => c !== undefined
    )
  }
  return rankHits(query, prefixed.concat(extra).map(toHit), limit)
}
