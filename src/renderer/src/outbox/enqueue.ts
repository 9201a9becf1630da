/**
 * Queuing local changes. Each call validates first (nothing is queued when a field is wrong),
 * then writes the opportunity row and its outbox entry in one transaction, merging with what
 * is already queued where that is safe.
 */
import type { z } from 'zod'
import type { CachedOpportunity, WorkspaceCache } from '../cache'
import {
  opportunityDraftSchema,
  opportunityPatchSchema,
  type OpportunityDraft,
  type OpportunityPatch
} from '../../../shared/domain'
import { sameValue } from './match'
import { entriesFor, outboxTable, outboxTables, refreshPending, rowFromDraft } from './store'
import { LOCAL_ID_PREFIX, type FieldIssue, type PushEntry } from './types'

/** Local validation refused the input; `issues` name the fields, messages are for the user. */
export class OutboxInputError extends Error {
  readonly kind = 'Validation'
  constructor(readonly issues: FieldIssue[]) {
    super(
      issues.length === 0
        ? 'Some fields need attention.'
        : `Some fields need attention — ${issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ')}`
    )
    this.name = 'OutboxInputError'
  }
}

/** The opportunity is not in the cache (or is already being deleted). */
export class OutboxStateError extends Error {
  constructor(
    readonly kind: 'NotFound' | 'Busy',
    message: string
  ) {
    super(message)
    this.name = 'OutboxStateError'
  }
}

export interface EnqueueOptions {
  now?: () => Date
  /** For the temporary id of a create (default `crypto.randomUUID`). */
  newId?: () => string
}

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

function newEntry(
  fields: Pick<PushEntry, 'opportunityUuid' | 'kind' | 'payload' | 'baseValues'>,
  now: Date
): PushEntry {
  return {
    ...fields,
    status: 'pending',
    createdAt: now.toISOString(),
    attempts: 0,
    lastError: null
  }
}

/** Queues a new opportunity under a temporary `local_<uuid>` id; returns the cached row. */
export async function createOpportunity(
  db: WorkspaceCache,
  draft: OpportunityDraft,
  options: EnqueueOptions = {}
): Promise<CachedOpportunity> {
  const valid = parse(opportunityDraftSchema, draft)
  const now = (options.now ?? (() => new Date()))()
  const uuid = `${LOCAL_ID_PREFIX}${(options.newId ?? (() => crypto.randomUUID()))()}`
  return db.transaction('rw', outboxTables(db), async () => {
    const entry = newEntry(
      { opportunityUuid: uuid, kind: 'create', payload: valid, baseValues: null },
      now
    )
    await outboxTable(db).add(entry)
    await db.opportunities.put(rowFromDraft(uuid, valid))
    await refreshPending(db, uuid)
    return (await db.opportunities.get(uuid)) as CachedOpportunity
  })
}

/**
 * Queues a change to the given fields. Records each changed field's base value (the cached
 * value the edit was made against) so a concurrent change on the server can be detected.
 * Returns the entry holding the change, or null when nothing actually changed.
 */
export async function editOpportunity(
  db: WorkspaceCache,
  uuid: string,
  patch: OpportunityPatch,
  options: EnqueueOptions = {}
): Promise<PushEntry | null> {
  const valid = parse(opportunityPatchSchema, patch) as Record<string, unknown>
  const now = (options.now ?? (() => new Date()))()
  return db.transaction('rw', outboxTables(db), async () => {
    const row = await db.opportunities.get(uuid)
    if (row === undefined) {
      throw new OutboxStateError('NotFound', 'That opportunity is not in this workspace.')
    }
    const current = row as unknown as Record<string, unknown>
    const changed: Record<string, unknown> = {}
    for (const [field, value] of Object.entries(valid)) {
      if (value !== undefined && !sameValue(current[field], value)) changed[field] = value
    }
    if (Object.keys(changed).length === 0) return null

    const entries = await entriesFor(db, uuid)
    if (entries.some((e) => e.kind === 'delete')) {
      throw new OutboxStateError('Busy', 'That opportunity is being deleted.')
    }
    const table = outboxTable(db)
    const last = entries.at(-1)
    let result: PushEntry | null

    if (last?.kind === 'create' && last.status === 'pending' && !last.outcomeUnknown) {
      // Not sent yet: the create simply carries the new values.
      const payload = parse(opportunityDraftSchema, { ...last.payload, ...changed })
      result = { ...last, payload }
      await table.put(result)
    } else if (
      last?.kind === 'update' &&
      ((last.status === 'pending' && last.attempts === 0) || last.status === 'failed')
    ) {
      // Merge into the queued edit, keeping the earliest base values. A field edited back to
      // its base value has nothing left to push. An edit already sent (it may have been applied
      // without our hearing back) is left alone: merging would make our own write look like
      // someone else's change.
      const payload = { ...(last.payload as Record<string, unknown>) }
      const baseValues = { ...(last.baseValues ?? {}) }
      for (const [field, value] of Object.entries(changed)) {
        if (!(field in baseValues)) baseValues[field] = current[field]
        payload[field] = value
        if (sameValue(baseValues[field], value)) {
          delete payload[field]
          delete baseValues[field]
        }
      }
      if (Object.keys(payload).length === 0) {
        await table.delete(last.id as number)
        result = null
      } else {
        result = {
          ...last,
          payload: payload as OpportunityPatch,
          baseValues,
          status: 'pending',
          lastError: null,
          lastErrorKind: null,
          fieldIssues: null,
          nextAttemptAt: null
        }
        await table.put(result)
      }
    } else {
      const baseValues: Record<string, unknown> = {}
      for (const field of Object.keys(changed)) baseValues[field] = current[field]
      result = newEntry(
        {
          opportunityUuid: uuid,
          kind: 'update',
          payload: changed as OpportunityPatch,
          baseValues
        },
        now
      )
      result.id = await table.add(result)
    }
    await db.opportunities.put({ ...row, ...changed })
    await refreshPending(db, uuid)
    return result
  })
}

/**
 * Queues a deletion and removes the row locally. Deleting an opportunity whose create was never
 * sent cancels both. Queued edits are dropped (the deletion supersedes them).
 */
export async function deleteOpportunity(
  db: WorkspaceCache,
  uuid: string,
  options: EnqueueOptions = {}
): Promise<PushEntry | null> {
  const now = (options.now ?? (() => new Date()))()
  return db.transaction('rw', outboxTables(db), async () => {
    const row = await db.opportunities.get(uuid)
    if (row === undefined) {
      throw new OutboxStateError('NotFound', 'That opportunity is not in this workspace.')
    }
    const table = outboxTable(db)
    const entries = await entriesFor(db, uuid)
    if (entries.some((e) => e.kind === 'delete')) return null
    const create = entries.find((e) => e.kind === 'create')
    if (create !== undefined && create.status !== 'in_flight' && !create.outcomeUnknown) {
      await table.bulkDelete(entries.map((e) => e.id as number))
      await db.opportunities.delete(uuid)
      return null
    }
    // Edits not yet in flight are superseded. The snapshot kept for an undo is the row as the
    // server has it: the dropped edits' base values laid back over it.
    const dropped = entries.filter((e) => e.kind === 'update' && e.status !== 'in_flight')
    await table.bulkDelete(dropped.map((e) => e.id as number))
    const snapshot: Record<string, unknown> = { ...row }
    for (const entry of [...dropped].reverse()) Object.assign(snapshot, entry.baseValues ?? {})
    delete snapshot['_pending']
    delete snapshot['_dirty']
    const entry = newEntry(
      {
        opportunityUuid: uuid,
        kind: 'delete',
        payload: null,
        baseValues: snapshot
      },
      now
    )
    entry.id = await table.add(entry)
    await db.opportunities.delete(uuid)
    return entry
  })
}
