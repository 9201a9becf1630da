/**
 * Remembering, per workspace, that Monaco refused the `updated_at` filter (a validation error,
 * HTTP 422): incremental passes then cannot work, so later runs go straight to full passes
 * instead of asking again and failing every time.
 */
import type { WorkspaceCache } from '../cache/db'
import { errorKind } from '../lib/errorKinds'
import { UPDATED_AT_REFUSED_KEY } from './metaKeys'

export interface FilterRefusal {
  at: string
  message: string
}

/** A validation error is Monaco saying no to the request itself (here: its filter). */
export function isFilterRefusal(error: unknown): boolean {
  return errorKind(error) === 'validation'
}

export async function readFilterRefusal(db: WorkspaceCache): Promise<FilterRefusal | null> {
  const entry = await db.meta.get(UPDATED_AT_REFUSED_KEY)
  return (entry?.value as FilterRefusal | undefined) ?? null
}

export async function rememberFilterRefusal(
  db: WorkspaceCache,
  refusal: FilterRefusal
): Promise<void> {
  await db.meta.put({ key: UPDATED_AT_REFUSED_KEY, value: refusal })
}
