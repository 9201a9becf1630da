/**
 * Users (deal owners), tags and the opportunity field schema: small, read whole every run and
 * replaced whole in one transaction, so the cache never holds half of an old list and half of
 * a new one.
 */
import type { MonacoFieldSchema } from '../../../shared/domain/monaco'
import type { MonacoLookups } from '../../../shared/sync/monacoSource'
import type { WorkspaceCache } from '../cache/db'
import { OPPORTUNITY_SCHEMA_KEY } from './metaKeys'

export interface StoredOpportunitySchema {
  schema: MonacoFieldSchema
  /** When it was read (ISO). */
  at: string
}

const hasId = (row: { id?: unknown }): boolean => typeof row.id === 'string' && row.id !== ''

export async function writeLookups(
  db: WorkspaceCache,
  lookups: MonacoLookups,
  at: string
): Promise<void> {
  // Entries without an id cannot be keyed (and would fail the transaction): left out.
  const users = Array.isArray(lookups.users) ? lookups.users.filter(hasId) : []
  const tags = Array.isArray(lookups.tags) ? lookups.tags.filter(hasId) : []
  const stored: StoredOpportunitySchema = { schema: lookups.opportunitySchema, at }
  await db.transaction('rw', db.users, db.tags, db.meta, async () => {
    await db.users.clear()
    await db.users.bulkPut(users)
    await db.tags.clear()
    await db.tags.bulkPut(tags)
    await db.meta.put({ key: OPPORTUNITY_SCHEMA_KEY, value: stored })
  })
}

/** The opportunity field schema as last read, or null before the first run. */
export async function readOpportunitySchema(
  db: WorkspaceCache
): Promise<StoredOpportunitySchema | null> {
  const entry = await db.meta.get(OPPORTUNITY_SCHEMA_KEY)
  return (entry?.value as StoredOpportunitySchema | undefined) ?? null
}
