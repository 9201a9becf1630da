/**
 * Queuing Monaco deal changes: the outbox checks them with Monaco's rules
 * (`shared/domain/monacoDeal.ts`, so the messages a user sees are Monaco's) and shows them on
 * the cached row in Monaco's terms (tag ids as names). The one place the Monaco editor and grid
 * reach the outbox.
 */
import type { MonacoDealDraft, MonacoDealPatch } from '../../../shared/domain'
import type { CachedOpportunity, WorkspaceCache } from '../cache'
import { createOpportunity, editOpportunity, type PushEntry } from '../outbox'

export function queueMonacoDealCreate(
  db: WorkspaceCache,
  draft: MonacoDealDraft
): Promise<CachedOpportunity> {
  return createOpportunity(db, draft, { provider: 'monaco' })
}

export function queueMonacoDealEdit(
  db: WorkspaceCache,
  uuid: string,
  patch: MonacoDealPatch
): Promise<PushEntry | null> {
  return editOpportunity(db, uuid, patch, { provider: 'monaco' })
}
