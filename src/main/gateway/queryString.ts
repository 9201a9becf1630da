export type QueryValue = string | number | boolean | null | undefined

/**
 * `?a=1&b=x`, or '' when nothing is left. Undefined, null and '' are left out: callers pass
 * optional parameters straight through, and one that is unset must not reach the server at all.
 */
export function queryString(query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const search = params.toString()
  return search === '' ? '' : `?${search}`
}
