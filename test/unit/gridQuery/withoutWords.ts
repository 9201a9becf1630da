/**
 * Rows without `_words`, the quick-search words schema v6 derives (grid/query/tokens.ts): for
 * tests that compare cached rows with what was written before the words existed.
 */
export function withoutWords<T>(rows: readonly T[]): T[] {
  return rows.map((row) => {
    const copy = { ...row } as Record<string, unknown>
    delete copy['_words']
    return copy as T
  })
}
