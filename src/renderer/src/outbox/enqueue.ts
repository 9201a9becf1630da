/**
 * Queuing local changes. Each call validates first (nothing is queued when a field is wrong),
 * then writes the opportunity row and its outbox entry in one transaction, merging with what
 * is already queued where that is safe.
 */
import type { z } from 'zod'
import type { CachedOpportunity, WorkspaceCache } from '../cache'
import type { ProviderId } from '../../../shared/providers/providerId'
import { dealRulesFor, type DealRules } from './dealRules'
import { pick, rowMapOf, setAt, valueAt } from './rowPaths'
import { entriesFor, outboxTable, outboxTables, refreshPending } from './store'
import { DISK_FULL_EDIT_MESSAGE, isQuotaExceeded } from '../cache/storage/quota'
import {
  LOCAL_ID_PREFIX,
  type DealDraft,
  type DealPatch,
  type FieldIssue,
  type PushEntry
} from './types'

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

/**
 * The cache refused the change because the disk is full. An input error with no field issues,
 * so both deal editors keep the form open with what was typed and show the message on top.
 */
export class OutboxDiskFullError extends OutboxInputError {
  constructor(readonly reason: unknown) {
    super([])
    this.name = 'OutboxDiskFullError'
    this.message = DISK_FULL_EDIT_MESSAGE
  }
}

/** The row and its entry in one transaction; a full disk comes out as OutboxDiskFullError. */
function outboxTransaction<T>(db: WorkspaceCache, write: () => Promise<T>): Promise<T> {
  return db.transaction('rw', outboxTables(db), write).catch((error: unknown) => {
    throw isQuotaExceeded(error) ? new OutboxDiskFullError(error) : error
  })
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
  /** For a create's idempotency key (default `crypto.randomUUID`). */
  newKey?: () => string
  /**
   * The workspace's provider (default `chartmogul`): whose rules check the draft or patch and
   * how the change shows on the cached row (see dealRules.ts).
   */
  provider?: ProviderId
}

function rulesOf(options: EnqueueOptions): DealRules {
  return dealRulesFor(options.provider)
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
  fields: Pick<PushEntry, 'opportunityUuid' | 'kind' | 'payload' | 'baseValues'> &
    Partial<Pick<PushEntry, 'rowValues' | 'idempotencyKey'>>,
  now: Date
): PushEntry {
  const { rowValues, idempotencyKey, ...rest } = fields
  return {
    ...rest,
    ...(rowValues != null ? { rowValues } : {}),
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    status: 'pending',
    createdAt: now.toISOString(),
    attempts: 0,
    lastError: null
  }
}

/** Queues a new opportunity under a temporary `local_<uuid>` id; returns the cached row. */
export async function createOpportunity(
  db: WorkspaceCache,
  draft: DealDraft,
  options: EnqueueOptions = {}
): Promise<CachedOpportunity> {
  const rules = rulesOf(options)
  const valid = parse(rules.draftSchema, draft)
  const now = (options.now ?? (() => new Date()))()
  const uuid = `${LOCAL_ID_PREFIX}${(options.newId ?? (() => crypto.randomUUID()))()}`
  const idempotencyKey = (options.newKey ?? (() => crypto.randomUUID()))()
  const lookups = await rules.loadLookups(db)
  return outboxTransaction(db, async () => {
    const entry = newEntry(
      {
        opportunityUuid: uuid,
        kind: 'create',
        payload: valid,
        baseValues: null,
        rowValues: rules.rowValues(valid, lookups),
        idempotencyKey
      },
      now
    )
    await outboxTable(db).add(entry)
    await db.opportunities.put({ ...rules.rowFromDraft(uuid, valid, lookups), _gen: 0 })
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
  patch: DealPatch,
  options: EnqueueOptions = {}
): Promise<PushEntry | null> {
  const rules = rulesOf(options)
  const valid = parse(rules.patchSchema, patch)
  const now = (options.now ?? (() => new Date()))()
  const lookups = await rules.loadLookups(db)
  const shown = rules.rowValues(valid, lookups)
  // The patch by row path (what is compared with the row and the server).
  const asRow = shown ?? (valid as Record<string, unknown>)
  return outboxTransaction(db, async () => {
    const row = await db.opportunities.get(uuid)
    if (row === undefined) {
      throw new OutboxStateError('NotFound', 'That opportunity is not in this workspace.')
    }
    const changedRow: Record<string, unknown> = {}
    for (const [path, value] of Object.entries(asRow)) {
      if (value !== undefined && !rules.same(path, valueAt(row, path), value)) {
        changedRow[path] = value
      }
    }
    const paths = Object.keys(changedRow)
    if (paths.length === 0) return null
    const changed = rules.patchFor(valid, paths, null)

    const entries = await entriesFor(db, uuid)
    if (entries.some((e) => e.kind === 'delete')) {
      throw new OutboxStateError('Busy', 'That opportunity is being deleted.')
    }
    const table = outboxTable(db)
    const last = entries.at(-1)
    let result: PushEntry | null

    if (
      last?.kind === 'create' &&
      last.status === 'pending' &&
      !last.outcomeUnknown &&
      // An idempotency key names one body: once sent, the create is not changed but followed.
      !(rules.idempotentCreates && last.attempts > 0)
    ) {
      // Not sent yet: the create simply carries the new values.
      const payload = parse(
        rules.draftSchema,
        rules.mergeIntoDraft(last.payload as DealDraft, changed)
      )
      const rowValues = rules.rowValues(payload, lookups)
      result = { ...last, payload, ...(rowValues !== null ? { rowValues } : {}) }
      await table.put(result)
    } else if (
      last?.kind === 'update' &&
      ((last.status === 'pending' && last.attempts === 0) || last.status === 'failed')
    ) {
      // Merge into the queued edit, keeping the earliest base values. A field edited back to
      // its base value has nothing left to push. An edit already sent (it may have been applied
      // without our hearing back) is left alone: merging would make our own write look like
      // someone else's change.
      const rowMap = rowMapOf(last)
      const baseValues = { ...(last.baseValues ?? {}) }
      for (const [path, value] of Object.entries(changedRow)) {
        if (!(path in baseValues)) baseValues[path] = valueAt(row, path)
        rowMap[path] = value
        if (rules.same(path, baseValues[path], value)) {
          delete rowMap[path]
          delete baseValues[path]
        }
      }
      const remaining = Object.keys(rowMap)
      if (remaining.length === 0) {
        await table.delete(last.id as number)
        result = null
      } else {
        const merged = rules.mergePatch(last.payload as DealPatch, changed)
        result = {
          ...last,
          payload: rules.patchFor(merged, remaining, null),
          ...(shown !== null ? { rowValues: rowMap } : {}),
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
      for (const path of paths) baseValues[path] = valueAt(row, path)
      result = newEntry(
        {
          opportunityUuid: uuid,
          kind: 'update',
          payload: changed,
          baseValues,
          rowValues: shown !== null ? pick(changedRow, paths) : null
        },
        now
      )
      result.id = await table.add(result)
    }
    const next = { ...row } as Record<string, unknown>
    for (const [path, value] of Object.entries(changedRow)) setAt(next, path, value)
    await db.opportunities.put(next as unknown as CachedOpportunity)
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
  return outboxTransaction(db, async () => {
    const row = await db.opportunities.get(uuid)
    if (row === undefined) {
      throw new OutboxStateError('NotFound', 'That opportunity is not in this workspace.')
    }
    const table = outboxTable(db)
    const entries = await entriesFor(db, uuid)
    if (entries.some((e) => e.kind === 'delete')) return null
    const create = entries.find((e) => e.kind === 'create')
    if (
      create !== undefined &&
      create.status !== 'in_flight' &&
      !create.outcomeUnknown &&
      !create.keyRefused
    ) {
      await table.bulkDelete(entries.map((e) => e.id as number))
      await db.opportunities.delete(uuid)
      return null
    }
    // Edits not yet in flight are superseded. The snapshot kept for an undo is the row as the
    // server has it: the dropped edits' base values laid back over it.
    const dropped = entries.filter((e) => e.kind === 'update' && e.status !== 'in_flight')
    await table.bulkDelete(dropped.map((e) => e.id as number))
    const snapshot: Record<string, unknown> = { ...row }
    for (const entry of [...dropped].reverse()) {
      for (const [path, value] of Object.entries(entry.baseValues ?? {}))
        setAt(snapshot, path, value)
    }
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
