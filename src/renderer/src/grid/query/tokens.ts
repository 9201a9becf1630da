/**
 * Quick search's token index: each row keeps `_words`, the lower-cased words of a few text
 * fields, in a multiEntry index. A search word matches a row when it is a prefix of one of the
 * row's words, so only whole words are stored (the index's `startsWith` gives the prefixes) and
 * writes stay cheap.
 */

/** The fields whose words a table's quick search finds. */
export const SEARCH_FIELDS: Readonly<Record<string, readonly string[]>> = {
  customers: ['name', 'email', 'company', 'externalId', 'owner'],
  plans: ['name', 'externalId'],
  activities: ['customerName', 'description'],
  opportunities: ['name', 'owner', 'pipeline', 'pipelineStage', 'tags'],
  accounts: ['name', 'domain', 'tags'],
  contacts: ['firstName', 'lastName', 'email', 'title']
}

export const WORDS_FIELD = '_words'

// Letters and digits of any script; everything else (spaces, @, ., _, -) separates words.
const SEPARATORS = /[^\p{L}\p{N}]+/u

/** The distinct lower-cased words of a text, in order of first appearance. */
export function searchWords(text: string): string[] {
  const words = new Set<string>()
  for (const word of text.toLowerCase().split(SEPARATORS)) if (word !== '') words.add(word)
  return [...words]
}

function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (typeof value === 'number') return [String(value)]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return []
}

/** A row's search words for a table (empty for a table without quick-search fields). */
export function rowWords(table: string, row: object): string[] {
  const fields = SEARCH_FIELDS[table]
  if (!fields) return []
  const loose = row as Record<string, unknown>
  const words = new Set<string>()
  for (const field of fields) {
    for (const text of textsOf(loose[field])) for (const word of searchWords(text)) words.add(word)
  }
  return [...words]
}

/**
 * Stamps `_words` on rows about to be written (in place: callers pass rows they just built).
 * Tables without search fields are left alone.
 */
export function stampWords<T extends object>(table: string, rows: T[]): T[] {
  if (!SEARCH_FIELDS[table]) return rows
  for (const row of rows) (row as Record<string, unknown>)[WORDS_FIELD] = rowWords(table, row)
  return rows
}
