/**
 * The quick jump of a Monaco workspace: its cached accounts (by name or domain) and contacts (by
 * name or email, opening the account they belong to). Name, domain, email and last-name
 * prefixes come straight from IndexedDB indexes (bounded key ranges); first names, later words
 * and anything inside a domain or email come from a small in-memory index built once per cache
 * revision, in the background. Every source is capped, so a keystroke costs about the same on
 * a hundred or a hundred thousand records.
 */
import type { WorkspaceCache } from '../cache'
import type { CachedAccount, CachedContact } from '../cache/records'
import { personName } from '../app/monacoLookups'
import { QUICK_JUMP_LIMIT, normalizeQuery } from './quickJumpSearch'
import type { JumpHit, QuickJumpSource } from './quickJumpSource'
import { memoizeByRevision } from './revisionMemo'

export interface AccountJumpEntry extends JumpHit {
  kind: 'account' | 'contact'
  /** Lower-cased: the name, its words after the first, and the domain or email. */
  nameLower: string
  laterWords: string[]
  addressLower: string
}

function words(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .split(/[\s,.;:()/&+@-]+/)
    .filter(Boolean)
}

function entry(
  kind: AccountJumpEntry['kind'],
  id: string,
  parentId: string,
  name: string,
  address: string,
  detail: string
): AccountJumpEntry {
  return {
    key: `${kind}:${id}`,
    parentId,
    name,
    detail,
    aside: kind === 'account' ? 'Account' : 'Contact',
    kind,
    nameLower: name.toLocaleLowerCase(),
    laterWords: words(name).slice(1),
    addressLower: address.toLocaleLowerCase()
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

export function accountEntry(account: CachedAccount): AccountJumpEntry {
  const domain = text(account.domain)
  return entry('account', account.id, account.id, text(account.name) || domain, domain, domain)
}

/** A contact's entry, or null when it belongs to no account (there is nothing to open). */
export function contactEntry(
  contact: CachedContact,
  accountNames: ReadonlyMap<string, string>
): AccountJumpEntry | null {
  const accountId = text(contact.accountId)
  if (accountId === '') return null
  const email = text(contact.email)
  const account = accountNames.get(accountId) ?? ''
  const detail = [account, email].filter(Boolean).join(' · ')
  return entry('contact', contact.id, accountId, personName(contact), email, detail)
}

/**
 * How well an entry matches (lower is better), or null: exact name, name prefix, domain or
 * email prefix, a later word of the name, anywhere in the domain or email.
 */
export function accountJumpScore(normalizedQuery: string, hit: AccountJumpEntry): number | null {
  const q = normalizedQuery
  if (q === '') return null
  if (hit.nameLower === q) return 0
  if (hit.nameLower.startsWith(q)) return 1
  if (hit.addressLower.startsWith(q)) return 2
  if (hit.laterWords.some((word) => word.startsWith(q))) return 3
  if (hit.addressLower.includes(q)) return 4
  return null
}

/** Deduplicates, drops non-matches, orders by score, accounts first, then name; caps. */
export function rankAccountJump(
  query: string,
  candidates: readonly AccountJumpEntry[],
  limit = QUICK_JUMP_LIMIT
): AccountJumpEntry[] {
  const q = normalizeQuery(query)
  const seen = new Set<string>()
  const scored: { hit: AccountJumpEntry; score: number }[] = []
  for (const hit of candidates) {
    if (seen.has(hit.key)) continue
    seen.add(hit.key)
    const score = accountJumpScore(q, hit)
    if (score !== null) scored.push({ hit, score })
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      (a.hit.kind === b.hit.kind ? 0 : a.hit.kind === 'account' ? -1 : 1) ||
      a.hit.name.localeCompare(b.hit.name, undefined, { sensitivity: 'base' }) ||
      (a.hit.key < b.hit.key ? -1 : a.hit.key > b.hit.key ? 1 : 0)
  )
  return scored.slice(0, limit).map((s) => s.hit)
}

async function accountNamesOf(
  cache: WorkspaceCache,
  ids: Iterable<string>
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  const accounts = await cache.accounts.bulkGet(unique)
  const names = new Map<string, string>()
  for (const account of accounts) if (account) names.set(account.id, accountEntry(account).name)
  return names
}

function toEntries(
  accounts: readonly CachedAccount[],
  contacts: readonly CachedContact[],
  names: ReadonlyMap<string, string>
): AccountJumpEntry[] {
  const out = accounts.map(accountEntry)
  for (const contact of contacts) {
    const found = contactEntry(contact, names)
    if (found) out.push(found)
  }
  return out
}

/** Every account and contact as entries: a scan, so it runs in the background per revision. */
export async function buildAccountJumpIndex(cache: WorkspaceCache): Promise<AccountJumpEntry[]> {
  const [accounts, contacts] = await Promise.all([
    cache.accounts.toArray(),
    cache.contacts.toArray()
  ])
  const names = new Map(accounts.map((account) => [account.id, accountEntry(account).name]))
  return toEntries(accounts, contacts, names)
}

export const accountJumpIndexFor = memoizeByRevision(buildAccountJumpIndex)

/** Name, domain, email and last-name prefixes through their indexes (case-insensitive), capped. */
export async function indexedAccountJumpMatches(
  cache: WorkspaceCache,
  query: string,
  limit = QUICK_JUMP_LIMIT
): Promise<AccountJumpEntry[]> {
  const q = query.trim()
  if (q === '') return []
  const [byName, byDomain, byEmail, byLastName] = await Promise.all([
    cache.accounts.where('name').startsWithIgnoreCase(q).limit(limit).toArray(),
    cache.accounts.where('domain').startsWithIgnoreCase(q).limit(limit).toArray(),
    cache.contacts.where('email').startsWithIgnoreCase(q).limit(limit).toArray(),
    cache.contacts.where('lastName').startsWithIgnoreCase(q).limit(limit).toArray()
  ])
  const contacts = byEmail.concat(byLastName)
  const names = await accountNamesOf(
    cache,
    contacts.map((contact) => text(contact.accountId)).filter(Boolean)
  )
  return toEntries(byName.concat(byDomain), contacts, names)
}

/**
 * Up to `limit` matches per score from the in-memory index: one pass over plain strings, so a
 * short query matching thousands still ranks the best ones first.
 */
export function findInAccountJumpIndex(
  index: readonly AccountJumpEntry[],
  query: string,
  limit = QUICK_JUMP_LIMIT
): AccountJumpEntry[] {
  const q = normalizeQuery(query)
  if (q === '') return []
  const buckets: AccountJumpEntry[][] = [[], [], [], [], []]
  for (const hit of index) {
    const score = accountJumpScore(q, hit)
    if (score !== null && buckets[score]!.length < limit) buckets[score]!.push(hit)
  }
  return buckets.flat()
}

export async function searchAccountJump(
  cache: WorkspaceCache,
  query: string,
  index: readonly AccountJumpEntry[] | null,
  limit = QUICK_JUMP_LIMIT
): Promise<AccountJumpEntry[]> {
  if (normalizeQuery(query) === '') return []
  const indexed = await indexedAccountJumpMatches(cache, query, limit)
  const found = index ? findInAccountJumpIndex(index, query, limit) : []
  return rankAccountJump(query, indexed.concat(found), limit)
}

const asHit = ({ key, parentId, name, detail, aside }: AccountJumpEntry): JumpHit => ({
  key,
  parentId,
  name,
  detail,
  aside
})

export const accountJump: QuickJumpSource = {
  wording: {
    inputLabel: 'Jump to account or contact',
    placeholder: 'Jump to account or contact — name, domain or email',
    listLabel: 'Matching accounts and contacts',
    groupLabel: 'Accounts and contacts',
    typeHint: 'Type a name, domain or email.',
    noWorkspace: 'Open a workspace to search its accounts and contacts.',
    unnamed: 'Unnamed account',
    count: (hits) => (hits === 1 ? '1 match' : `${hits} matches`),
    noMatch: (query) => `No cached account or contact matches “${query}”.`
  },
  async search(cache, query, revision, show) {
    const { ready, current } = accountJumpIndexFor(cache, revision)
    const run = async (index: readonly AccountJumpEntry[] | null) =>
      show((await searchAccountJump(cache, query, index)).map(asHit))
    await run(ready)
    if (ready) return
    let index: AccountJumpEntry[]
    try {
      index = await current
    } catch {
      return // the indexed prefix matches shown stand
    }
    await run(index)
  }
}
