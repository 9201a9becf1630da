import { BadResponseError } from '../chartmogul/errors'
import { asMonacoError } from './errorText'
import type { MonacoFilterRule, MonacoFilters } from './listRequest'

/** Where a keyset listing stands: plain JSON a sync stores with what it wrote (see shared/sync). */
export type { KeysetPosition } from '../../shared/sync/keysetPosition'
import type { KeysetPosition } from '../../shared/sync/keysetPosition'

export const START_POSITION: KeysetPosition = Object.freeze({
  createdAt: null,
  seenIdsAtThatInstant: [],
  instantDone: false
}) as KeysetPosition

/** The only sort Monaco takes is one field; ties are not ordered by anything we can name. */
export const KEYSET_SORT = 'created_at'

/**
 * Milliseconds since the epoch of a `created_at` a server sent. Finer precision than a
 * millisecond is collapsed, which only makes more records count as ties (read by number).
 */
export function instantOf(createdAt: string): number {
  const ms = Date.parse(createdAt)
  if (Number.isNaN(ms)) throw badListing(`created_at "${createdAt}" is not a timestamp`)
  return ms
}

/** The caller's own filters (ANDed) plus the rule that selects the rest of the walk. */
export function withRule(
  filters: MonacoFilters | undefined,
  rule: MonacoFilterRule
): MonacoFilters {
  if (filters === undefined) return [rule]
  if (Array.isArray(filters)) return [...filters, rule]
  return { operator: 'and', filters: [filters, rule] }
}

/** `created_at >= position` (or `>` once that instant is done); nothing at the start. */
export function afterPosition(
  filters: MonacoFilters | undefined,
  position: KeysetPosition
): MonacoFilters | undefined {
  if (position.createdAt === null) return filters
  return withRule(filters, {
    field: 'created_at',
    condition: position.instantDone ? 'greater_than' : 'greater_than_or_equals',
    value: position.createdAt
  })
}

/** Every record created at exactly this instant (a tie read by page number). */
export function atInstant(filters: MonacoFilters | undefined, createdAt: string): MonacoFilters {
  return withRule(filters, { field: 'created_at', condition: 'equals', value: createdAt })
}

export function badListing(detail: string): BadResponseError {
  return asMonacoError(new BadResponseError(`listing by created_at: ${detail}`))
}
