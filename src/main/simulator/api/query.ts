/** Query-string rules shared by the list endpoints. */
import { InvalidCursorError, type ListResult } from '../store'
import { invalidParameter } from './errors'

/** "Defaults to 200 if per_page is not passed or if per_page is set higher than 200." */
export const MAX_PER_PAGE = 200

/**
 * Reads the page size from the first present name (activities also accept the legacy
 * `per-page`). Values above 200 are clamped; non-numbers and values below 1 are rejected.
 */
export function perPage(query: URLSearchParams, names: readonly string[] = ['per_page']): number {
  for (const name of names) {
    const raw = query.get(name)
    if (raw === null || raw === '') continue
    if (!/^\d+$/.test(raw.trim())) throw invalidParameter(name)
    const n = Number(raw.trim())
    if (n < 1) throw invalidParameter(name)
    return Math.min(n, MAX_PER_PAGE)
  }
  return MAX_PER_PAGE
}

/** The cursor from the first present name (activities also accept the legacy `start-after`). */
export function cursorParam(
  query: URLSearchParams,
  names: readonly string[] = ['cursor']
): string | undefined {
  for (const name of names) {
    const raw = query.get(name)
    if (raw !== null && raw !== '') return raw
  }
  return undefined
}

/** An optional exact-match filter value ('' counts as absent, as form-encoded clients send it). */
export function optionalParam(query: URLSearchParams, name: string): string | undefined {
  const raw = query.get(name)
  return raw === null || raw === '' ? undefined : raw
}

/** Runs a store listing, turning a cursor the store cannot resolve into the API's 400. */
export function withCursor<T>(list: () => ListResult<T>): ListResult<T> {
  try {
    return list()
  } catch (error) {
    if (error instanceof InvalidCursorError) throw invalidParameter('cursor')
    throw error
  }
}
