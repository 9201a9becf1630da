/**
 * Queuing Monaco deal changes: validated with Monaco's rules (`shared/domain/monacoDeal.ts`, so
 * the messages a user sees are Monaco's), then written with the outbox like any deal change.
 * The one place the Monaco editor and grid reach the outbox.
 */
import type { z } from 'zod'
import {
  monacoDealDraftSchema,
  monacoDealPatchSchema,
  type MonacoDealDraft,
  type MonacoDealPatch,
  type OpportunityDraft,
  type OpportunityPatch
} from '../../../shared/domain'
import type { CachedOpportunity, WorkspaceCache } from '../cache'
import { createOpportunity, editOpportunity, OutboxInputError, type PushEntry } from '../outbox'

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw new OutboxInputError(
    result.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      message: issue.message
    }))
  )
}

export async function queueMonacoDealCreate(
  db: WorkspaceCache,
  draft: MonacoDealDraft
): Promise<CachedOpportunity> {
  const valid = parse(monacoDealDraftSchema, draft)
  // The outbox stores and pushes the draft as given; its writes send it to Monaco.
  return createOpportunity(db, valid as unknown as OpportunityDraft)
}

export async function queueMonacoDealEdit(
  db: WorkspaceCache,
  uuid: string,
  patch: MonacoDealPatch
): Promise<PushEntry | null> {
  const valid = parse(monacoDealPatchSchema, patch)
  return editOpportunity(db, uuid, valid as unknown as OpportunityPatch)
}
