/**
 * What the opportunity editor offers while typing: owners, pipelines and stages already used in
 * the cached deals (plus ChartMogul's defaults), and a type-ahead over cached customers. Every
 * query reads index keys or a bounded range, never whole tables of rows per keystroke.
 */
import { Dexie } from 'dexie'
import type { CachedCustomer, WorkspaceCache } from '../../../cache'
import { indexedPrefixMatches } from '../../../shell/quickJumpSearch'

/**
 * ChartMogul's default pipelines and the default stage names of its help-centre glossary
 * (see the API reference, "Opportunities"). The API exposes no per-pipeline stage lists.
 */
export const DEFAULT_PIPELINES = ['New Business', 'Renewals'] as const
export const DEFAULT_STAGES = [
  'Discovery',
  'Evaluation',
  'Negotiation',
  'Verbal Commit',
  'Closed Won',
  'Closed Lost'
] as const

export const SUGGESTION_LIMIT = 50
export const CUSTOMER_SEARCH_LIMIT = 8
/** At most this many customers are examined for a match inside a name, email or company. */
export const CUSTOMER_SCAN_LIMIT = 5_000

/** Distinct values, most used first (ties alphabetically). */
function byUse(values: Iterable<string>): string[] {
  const counts = new Map<string, number>()
  for (const value of values) {
    if (value.trim() === '') continue
    counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  return [...counts.entries()]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([value]) => value)
}

function withDefaults(used: readonly string[], defaults: readonly string[]): string[] {
  const seen = new Set(used)
  return used.concat(defaults.filter((value) => !seen.has(value)))
}

/** Owners of cached deals, most used first. Reads the `owner` index's keys only. */
export async function ownerSuggestions(
  db: WorkspaceCache,
  limit = SUGGESTION_LIMIT
): Promise<string[]> {
  const keys = (await db.opportunities.orderBy('owner').keys()) as unknown[]
  return byUse(keys.filter((key): key is string => typeof key === 'string')).slice(0, limit)
}

async function pipelineStagePairs(
  db: WorkspaceCache,
  pipeline?: string
): Promise<[string, string][]> {
  const index = '[pipeline+pipelineStage]'
  const collection =
    pipeline === undefined
      ? db.opportunities.orderBy(index)
      : db.opportunities
          .where(index)
          .between([pipeline, Dexie.minKey], [pipeline, Dexie.maxKey], true, true)
  const keys = (await collection.keys()) as unknown[]
  return keys.filter(
    (key): key is [string, string] =>
      Array.isArray(key) && typeof key[0] === 'string' && typeof key[1] === 'string'
  )
}

/** Pipelines of cached deals (most used first), then ChartMogul's defaults not already listed. */
export async function pipelineSuggestions(
  db: WorkspaceCache,
  limit = SUGGESTION_LIMIT
): Promise<string[]> {
  const pairs = await pipelineStagePairs(db)
  return withDefaults(byUse(pairs.map(([pipeline]) => pipeline)), DEFAULT_PIPELINES).slice(0, limit)
}

/**
 * Stages for a pipeline. For one of ChartMogul's default pipelines the default stages come
 * first, in their pipeline order, then other stages its cached deals use. For any other pipeline
 * the cached stages come first (most used first), then the default names.
 */
export async function stageSuggestions(
  db: WorkspaceCache,
  pipeline: string,
  limit = SUGGESTION_LIMIT
): Promise<string[]> {
  const name = pipeline.trim()
  const used = name === '' ? [] : byUse((await pipelineStagePairs(db, name)).map(([, s]) => s))
  const isDefault = (DEFAULT_PIPELINES as readonly string[]).includes(name)
  const list = isDefault
    ? withDefaults([...DEFAULT_STAGES], used)
    : withDefaults(used, DEFAULT_STAGES)
  return list.slice(0, limit)
}

// ---- customers ---------------------------------------------------------------------------

export interface CustomerOption {
  uuid: string
  name: string
  email: string
  company: string
}

function toOption(customer: CachedCustomer): CustomerOption {
  return {
    uuid: customer.uuid,
    name: customer.name ?? '',
    email: customer.email ?? '',
    company: customer.company ?? ''
  }
}

/** The cached customer for the picker's label, or null when it is not cached. */
export async function getCustomerOption(
  db: WorkspaceCache,
  uuid: string
): Promise<CustomerOption | null> {
  if (uuid === '') return null
  const customer = await db.customers.get(uuid)
  return customer ? toOption(customer) : null
}

export interface CustomerSearchOptions {
  /** How many customers the substring pass examines at most (default CUSTOMER_SCAN_LIMIT). */
  scanLimit?: number
}

/**
 * Cached customers matching the text: name prefixes, then email prefixes (both straight from
 * their indexes, case-insensitive), then — when those leave room — names, emails or companies
 * containing the text among at most `scanLimit` customers. Ordered in that sense, names
 * alphabetically within each kind.
 */
export async function searchCustomers(
  db: WorkspaceCache,
  text: string,
  limit = CUSTOMER_SEARCH_LIMIT,
  options: CustomerSearchOptions = {}
): Promise<CustomerOption[]> {
  const query = text.trim()
  if (query === '' || limit <= 0) return []
  const found = new Map<string, CachedCustomer>()
  for (const customer of await indexedPrefixMatches(db, query, limit)) {
    if (found.size >= limit) break
    if (!found.has(customer.uuid)) found.set(customer.uuid, customer)
  }

  if (found.size < limit) {
    const needle = query.toLocaleLowerCase()
    const scanLimit = options.scanLimit ?? CUSTOMER_SCAN_LIMIT
    const inside: CachedCustomer[] = []
    const wanted = limit - found.size
    await db.customers
      .limit(scanLimit)
      .until(() => inside.length >= wanted)
      .each((customer) => {
        if (found.has(customer.uuid)) return
        const haystacks = [customer.name, customer.email, customer.company]
        if (haystacks.some((value) => (value ?? '').toLocaleLowerCase().includes(needle))) {
          inside.push(customer)
        }
      })
    for (const customer of inside.sort(compareNames)) found.set(customer.uuid, customer)
  }
  return [...found.values()].slice(0, limit).map(toOption)
}

function compareNames(a: CachedCustomer, b: CachedCustomer): number {
  return (a.name ?? '').localeCompare(b.name ?? '', undefined, { sensitivity: 'base' })
}
