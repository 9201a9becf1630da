/**
 * Pushes queued changes to the workspace's provider. Per opportunity, entries go strictly in
 * order; different opportunities push in parallel (a small cap). A create whose outcome is
 * unknown never makes a duplicate: without idempotent creates (ChartMogul) it is looked for
 * before it is ever sent again; with them (Monaco) it is resent with the key stored in its
 * entry, and only a resend refused with an error falls back to looking for it. An edit is
 * checked against the server's current object first, so a concurrent change is never
 * overwritten.
 */
import type { CachedOpportunity, WorkspaceCache } from '../cache'
import type { Opportunity } from '../../../shared/domain'
import type { ProviderId } from '../../../shared/providers/providerId'
import { OutboxStateError } from './enqueue'
import {
  classifyPushFailure,
  errorMessage,
  fieldIssuesOf,
  mayHaveBeenApplied,
  pushFailureKind
} from './failures'
import { pagedSyncDealGeneration, type DealGeneration } from './dealGeneration'
import { dealRulesFor } from './dealRules'
import { pickReconciled } from './match'
import { pick, rowMapOf, setAt, valueAt } from './rowPaths'
import {
  addClaim,
  allEntries,
  claimedUuids,
  entriesFor,
  outboxTable,
  outboxTables,
  overlayEntries,
  refreshPending,
  withPending
} from './store'
import type {
  AnyOpportunityWrites,
  DealDraft,
  DealPatch,
  EntryId,
  FieldConflict,
  PushEntry
} from './types'

export interface OutboxPusherOptions {
  db: WorkspaceCache
  /** Either provider's writes; `createsAreIdempotent` says how an ambiguous create is retried. */
  writes: AnyOpportunityWrites
  /** The workspace's provider (default `chartmogul`): field rules and matching (dealRules.ts). */
  provider?: ProviderId
  /** Where the workspace's sync keeps its generation (default: the paged sync engine's). */
  generation?: DealGeneration
  /** A create's idempotency key when its entry has none yet (default `crypto.randomUUID`). */
  newKey?: () => string
  now?: () => Date
  /** Opportunities pushed in parallel (default 8: the gateway allows 8 requests in flight, so the request budget, not this, is the limit). */
  concurrency?: number
  /** Retry delay after a transient failure: base × 2^(attempts-1), capped (default 2 s … 5 min). */
  backoff?: { baseMs: number; maxMs: number }
  /** Tolerated clock difference with ChartMogul when reconciling a create (default 2 min). */
  clockSkewMs?: number
  onStateChange?: (state: PusherState) => void
}

export type PusherState =
  { status: 'idle' } | { status: 'pushing' } | { status: 'paused'; kind: string; reason: string }

export interface PushOptions {
  signal?: AbortSignal
  /** Push entries still waiting out their backoff too (e.g. "Sync now"). */
  ignoreBackoff?: boolean
}

export interface PushSummary {
  pushed: number
  /** Creates found on the server after a lost answer (no second send). */
  reconciled: number
  /** Ambiguous creates resent with their idempotency key and answered with a deal. */
  replayed: number
  failed: number
  conflicts: number
  /** Transient failures in this run (entry kept, retried later). */
  retryLater: number
  /** Opportunities skipped: blocked by a failed/conflicting entry, or still backing off. */
  skipped: number
  remaining: number
  paused: boolean
}

export type ConflictChoice = 'mine' | 'theirs'

export interface OutboxPusher {
  pushAll(options?: PushOptions): Promise<PushSummary>
  readonly state: PusherState
  /** Clears a pause (after the user fixed the key); the next push goes ahead. */
  resume(): void
  /** A failed entry goes back in the queue as it is (after the user fixed the cause). */
  retry(entryId: EntryId): Promise<void>
  /** Drops the entry and undoes it locally (base values back, a local create removed). */
  discard(entryId: EntryId): Promise<void>
  resolveConflict(entryId: EntryId, choices: Record<string, ConflictChoice>): Promise<void>
}

type Outcome = 'done' | 'stop'

const DEFAULT_BACKOFF = { baseMs: 2_000, maxMs: 300_000 }

export function createOutboxPusher(options: OutboxPusherOptions): OutboxPusher {
  const { db, writes } = options
  const now = options.now ?? (() => new Date())
  const concurrency = Math.max(1, options.concurrency ?? 8)
  const backoff = options.backoff ?? DEFAULT_BACKOFF
  const skewMs = options.clockSkewMs ?? 120_000
  const table = outboxTable(db)
  const rules = dealRulesFor(options.provider)
  const generationOf = options.generation ?? pagedSyncDealGeneration
  const idempotent = writes.createsAreIdempotent === true
  const newKey = options.newKey ?? (() => crypto.randomUUID())
  let state: PusherState = { status: 'idle' }
  let running: Promise<PushSummary> | null = null
  const locks = new Map<string, Promise<unknown>>()

  function setState(next: PusherState): void {
    state = next
    options.onStateChange?.(next)
  }

  /** Runs `fn` after every earlier holder of `key`: creates for one customer go one by one. */
  async function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = locks.get(key) ?? Promise.resolve()
    const run = previous.then(fn)
    const tail = run.catch(() => undefined)
    locks.set(key, tail)
    try {
      return await run
    } finally {
      if (locks.get(key) === tail) locks.delete(key)
    }
  }

  function tx<T>(fn: () => Promise<T>): Promise<T> {
    return db.transaction('rw', outboxTables(db), fn)
  }

  async function markStarted(entry: PushEntry): Promise<PushEntry> {
    const at = now().toISOString()
    const started: PushEntry = {
      ...entry,
      status: 'in_flight',
      attempts: entry.attempts + 1,
      attemptedAt: at
    }
    if (entry.kind === 'create' && idempotent) {
      // Stored before the first send (an entry queued before keys existed gets one now).
      started.idempotencyKey = entry.idempotencyKey ?? newKey()
      started.keySentAt = entry.keySentAt ?? at
    }
    await table.put(started)
    return started
  }

  /** Records a failure; returns 'stop' (the opportunity's chain waits). */
  async function onFailure(
    entry: PushEntry,
    error: unknown,
    summary: PushSummary,
    createSent = false
  ): Promise<Outcome> {
    const failureClass = classifyPushFailure(error)
    const kind = pushFailureKind(error)
    const next: PushEntry = {
      ...entry,
      status: 'pending',
      lastError: errorMessage(error),
      lastErrorKind: kind
    }
    if (entry.kind === 'create' && createSent) {
      // A resend that failed leaves the first send's outcome as unknown as it was.
      const unknownBefore = idempotent && entry.outcomeUnknown === true
      next.outcomeUnknown = unknownBefore || mayHaveBeenApplied(error)
    }
    if (failureClass === 'auth') {
      setState({ status: 'paused', kind, reason: errorMessage(error) })
    } else if (failureClass === 'rejected') {
      next.status = 'failed'
      next.fieldIssues = fieldIssuesOf(error)
      next.nextAttemptAt = null
      summary.failed++
    } else if (failureClass === 'transient') {
      const retryAfterMs = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs
      const delay = Math.max(
        Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, next.attempts - 1)),
        typeof retryAfterMs === 'number' ? retryAfterMs : 0
      )
      next.nextAttemptAt = new Date(now().getTime() + delay).toISOString()
      summary.retryLater++
    }
    // The entry may have been discarded or rewritten meanwhile: only update what is there.
    await tx(async () => {
      const current = await table.get(entry.id as number)
      if (current === undefined) return
      await table.put({ ...next, opportunityUuid: current.opportunityUuid })
    })
    return 'stop'
  }

  /**
   * The create landed as `server`: swap the temporary id for the real one everywhere.
   *
   * The row is stamped with the newest pass generation: a pull running meanwhile may already be
   * past where the new deal sorts (or may have written it already), and its end-of-pass sweep
   * removes rows stamped older than itself. The next pass lists the deal and restamps it.
   */
  async function resolveCreate(entry: PushEntry, server: Opportunity): Promise<void> {
    await db.transaction('rw', [...outboxTables(db), ...generationOf.tables(db)], async () => {
      const oldUuid = entry.opportunityUuid
      await table.delete(entry.id as number)
      const later = await entriesFor(db, oldUuid)
      for (const e of later) await table.put({ ...e, opportunityUuid: server.uuid })
      await db.opportunities.delete(oldUuid)
      const remaining = await entriesFor(db, server.uuid)
      if (!remaining.some((e) => e.kind === 'delete')) {
        const pulled = await db.opportunities.get(server.uuid)
        const generation = await generationOf.read(db)
        const _gen = Math.max(generation, pulled?._gen ?? 0)
        const row = overlayEntries({ ...server, _gen }, remaining)
        await db.opportunities.put(withPending(row, remaining))
      }
      await addClaim(db, server.uuid)
    })
  }

  /**
   * Looks among the parent's deals for the one a create may have made (created no earlier
   * than `since`, less the clock skew). 'stop': the search itself failed and was recorded.
   */
  async function reconcile(
    entry: PushEntry,
    draft: DealDraft,
    since: string,
    summary: PushSummary,
    signal?: AbortSignal
  ): Promise<'found' | 'absent' | 'stop'> {
    let candidates: Opportunity[]
    try {
      candidates = await writes.listForCustomer(draft.customerUuid, { signal })
    } catch (error) {
      await onFailure(entry, error, summary)
      return 'stop'
    }
    const found = pickReconciled(candidates, draft, {
      createdAfter: new Date(Date.parse(since) - skewMs).toISOString(),
      claimed: await claimedUuids(db),
      matches: rules.matchesDraft
    })
    if (found === null) return 'absent'
    await resolveCreate(entry, found)
    summary.reconciled++
    return 'found'
  }

  async function pushCreate(
    entry: PushEntry,
    summary: PushSummary,
    signal?: AbortSignal
  ): Promise<Outcome> {
    const draft = entry.payload as DealDraft
    return withLock(`customer:${draft.customerUuid}`, () =>
      idempotent
        ? pushKeyedCreate(entry, draft, summary, signal)
        : pushMatchedCreate(entry, draft, summary, signal)
    )
  }

  /** No idempotency keys (ChartMogul): after a lost answer, look before sending again. */
  async function pushMatchedCreate(
    entry: PushEntry,
    draft: DealDraft,
    summary: PushSummary,
    signal?: AbortSignal
  ): Promise<Outcome> {
    if (entry.outcomeUnknown === true || entry.status === 'in_flight') {
      // The last attempt may have been saved: look before sending again.
      const since = entry.attemptedAt ?? entry.createdAt
      const found = await reconcile(
        { ...entry, outcomeUnknown: true },
        draft,
        since,
        summary,
        signal
      )
      if (found !== 'absent') return found === 'found' ? 'done' : 'stop'
    }
    const started = await markStarted({ ...entry, outcomeUnknown: false })
    let created: Opportunity
    try {
      created = await writes.create(draft, { signal, clientRef: entry.opportunityUuid })
    } catch (error) {
      return onFailure(started, error, summary, true)
    }
    await resolveCreate(started, created)
    summary.pushed++
    return 'done'
  }

  /**
   * Idempotent creates (Monaco): every attempt carries the entry's stored key, so an ambiguous
   * create (or one a crash left in flight) is simply resent — the server answers the first
   * result. A resend answered with a refusal instead (the key forgotten or reused) is looked
   * for among the parent's deals; only when it is not there is a fresh create, with a fresh
   * key, sent.
   */
  async function pushKeyedCreate(
    entry: PushEntry,
    draft: DealDraft,
    summary: PushSummary,
    signal?: AbortSignal
  ): Promise<Outcome> {
    let current = entry
    if (current.keyRefused === true) {
      const since = current.keySentAt ?? current.createdAt
      const found = await reconcile(current, draft, since, summary, signal)
      if (found !== 'absent') return found === 'found' ? 'done' : 'stop'
      // The refused key made nothing that can be found: a fresh create needs a fresh key.
      current = {
        ...current,
        keyRefused: false,
        outcomeUnknown: false,
        idempotencyKey: newKey(),
        keySentAt: null
      }
    }
    const replay = current.outcomeUnknown === true || current.status === 'in_flight'
    const started = await markStarted({ ...current, outcomeUnknown: replay })
    let created: Opportunity
    try {
      created = await writes.create(draft, {
        signal,
        clientRef: started.opportunityUuid,
        idempotencyKey: started.idempotencyKey
      })
    } catch (error) {
      if (!replay || classifyPushFailure(error) !== 'rejected') {
        return onFailure(started, error, summary, true)
      }
      const refused: PushEntry = {
        ...started,
        status: 'pending',
        keyRefused: true,
        lastError: errorMessage(error),
        lastErrorKind: pushFailureKind(error)
      }
      const stillQueued = await tx(async () => {
        if ((await table.get(started.id as number)) === undefined) return false
        await table.put(refused)
        return true
      })
      return stillQueued ? pushKeyedCreate(refused, draft, summary, signal) : 'stop'
    }
    await resolveCreate(started, created)
    summary.pushed++
    if (replay) summary.replayed++
    return 'done'
  }

  async function pushUpdate(
    entry: PushEntry,
    summary: PushSummary,
    signal?: AbortSignal
  ): Promise<Outcome> {
    const uuid = entry.opportunityUuid
    const started = await markStarted(entry)
    let server: Opportunity | null
    try {
      server = await writes.get(uuid, { signal })
    } catch (error) {
      return onFailure(started, error, summary)
    }
    if (server === null) {
      return onFailure(
        started,
        {
          kind: 'NotFound',
          message: `That opportunity no longer exists in ${rules.displayName} (it may have been deleted).`
        },
        summary
      )
    }
    const payload = (started.payload ?? {}) as DealPatch
    const base = started.baseValues ?? {}
    const toPush: string[] = []
    const conflicts: Record<string, FieldConflict> = {}
    // Compared by row path, in the row's terms (Monaco: tag names, each custom field).
    for (const [path, mine] of Object.entries(rowMapOf(started))) {
      const theirs = valueAt(server, path)
      if (rules.same(path, theirs, mine)) continue
      if (path in base && !rules.same(path, theirs, base[path])) {
        conflicts[path] = { mine, theirs, base: base[path] }
      } else toPush.push(path)
    }
    let result = server
    if (toPush.length > 0) {
      try {
        result = await writes.update(uuid, rules.patchFor(payload, toPush, server), { signal })
      } catch (error) {
        return onFailure(started, error, summary)
      }
    }
    const conflicted = Object.keys(conflicts)
    await tx(async () => {
      if (conflicted.length === 0) {
        await table.delete(started.id as number)
      } else {
        await table.put({
          ...started,
          status: 'conflict',
          payload: rules.patchFor(payload, conflicted, null),
          ...(started.rowValues != null ? { rowValues: pick(started.rowValues, conflicted) } : {}),
          baseValues: Object.fromEntries(conflicted.map((f) => [f, base[f]])),
          conflicts,
          lastError: `Changed in ${rules.displayName} too: ${conflicted.join(', ')}.`,
          lastErrorKind: 'conflict'
        })
      }
      const remaining = await entriesFor(db, uuid)
      const row = await db.opportunities.get(uuid)
      if (row === undefined) return // deleted locally meanwhile; the delete entry follows
      const next = overlayEntries({ ...result, _gen: row._gen }, remaining)
      await db.opportunities.put(withPending(next, remaining))
    })
    if (conflicted.length > 0) {
      summary.conflicts++
      return 'stop'
    }
    summary.pushed++
    return 'done'
  }

  async function pushDelete(
    entry: PushEntry,
    summary: PushSummary,
    signal?: AbortSignal
  ): Promise<Outcome> {
    const started = await markStarted(entry)
    try {
      await writes.delete(started.opportunityUuid, { signal })
    } catch (error) {
      // Already gone is what we wanted.
      if (pushFailureKind(error) !== 'not_found') return onFailure(started, error, summary)
    }
    await tx(async () => {
      await table.delete(started.id as number)
      await db.opportunities.delete(started.opportunityUuid)
    })
    summary.pushed++
    return 'done'
  }

  async function pushChain(ids: EntryId[], summary: PushSummary, push: PushOptions) {
    for (const id of ids) {
      if (push.signal?.aborted === true || state.status === 'paused') return
      const entry = await table.get(id)
      if (entry === undefined) continue // discarded or merged away meanwhile
      if (entry.status === 'failed' || entry.status === 'conflict') {
        summary.skipped++
        return
      }
      if (
        push.ignoreBackoff !== true &&
        entry.nextAttemptAt != null &&
        Date.parse(entry.nextAttemptAt) > now().getTime()
      ) {
        summary.skipped++
        return
      }
      const push1 =
        entry.kind === 'create' ? pushCreate : entry.kind === 'update' ? pushUpdate : pushDelete
      if ((await push1(entry, summary, push.signal)) === 'stop') return
    }
  }

  async function run(push: PushOptions): Promise<PushSummary> {
    const summary: PushSummary = {
      pushed: 0,
      reconciled: 0,
      replayed: 0,
      failed: 0,
      conflicts: 0,
      retryLater: 0,
      skipped: 0,
      remaining: 0,
      paused: false
    }
    if (state.status !== 'paused') {
      setState({ status: 'pushing' })
      const chains = new Map<string, EntryId[]>()
      for (const entry of await allEntries(db)) {
        const ids = chains.get(entry.opportunityUuid) ?? []
        ids.push(entry.id as number)
        chains.set(entry.opportunityUuid, ids)
      }
      const queue = [...chains.values()]
      const worker = async () => {
        for (let ids = queue.shift(); ids !== undefined; ids = queue.shift()) {
          await pushChain(ids, summary, push)
        }
      }
      try {
        await Promise.all(Array.from({ length: concurrency }, worker))
      } finally {
        if (state.status === 'pushing') setState({ status: 'idle' })
      }
    }
    summary.remaining = await table.count()
    summary.paused = state.status === 'paused'
    return summary
  }

  async function requireEntry(entryId: EntryId): Promise<PushEntry> {
    const entry = await table.get(entryId)
    if (entry === undefined) throw new OutboxStateError('NotFound', 'That change is not queued.')
    if (entry.status === 'in_flight' && running !== null) {
      throw new OutboxStateError('Busy', 'That change is being sent right now.')
    }
    return entry
  }

  return {
    get state() {
      return state
    },

    pushAll(push = {}) {
      running ??= run(push).finally(() => {
        running = null
      })
      return running
    },

    resume() {
      if (state.status === 'paused') setState({ status: 'idle' })
    },

    async retry(entryId) {
      await tx(async () => {
        const entry = await requireEntry(entryId)
        if (entry.status === 'conflict') {
          throw new OutboxStateError('Busy', 'Choose a value for each conflicting field first.')
        }
        await table.put({
          ...entry,
          status: 'pending',
          nextAttemptAt: null,
          lastError: null,
          lastErrorKind: null,
          fieldIssues: null
        })
      })
    },

    async discard(entryId) {
      await tx(async () => {
        const entry = await requireEntry(entryId)
        const uuid = entry.opportunityUuid
        if (entry.kind === 'create') {
          if (
            entry.outcomeUnknown === true ||
            entry.status === 'in_flight' ||
            entry.keyRefused === true
          ) {
            throw new OutboxStateError(
              'Busy',
              `This opportunity may already have been saved in ${rules.displayName}; Revdesk checks before it can be discarded.`
            )
          }
          const all = await entriesFor(db, uuid)
          await table.bulkDelete(all.map((e) => e.id as number))
          await db.opportunities.delete(uuid)
          return
        }
        await table.delete(entryId)
        if (entry.kind === 'delete') {
          const snapshot = entry.baseValues as Record<string, unknown> | null
          if (snapshot !== null) {
            const remaining = await entriesFor(db, uuid)
            const row = overlayEntries(snapshot, remaining) as unknown as CachedOpportunity
            await db.opportunities.put(withPending(row, remaining))
          }
          return
        }
        // An edit: its fields go back to their base values, unless a later edit changed them
        // again — then that edit now starts from the base instead.
        const later = (await entriesFor(db, uuid)).filter((e) => (e.id as number) > entryId)
        const base = entry.baseValues ?? {}
        const row = await db.opportunities.get(uuid)
        const restored: Record<string, unknown> = { ...row }
        for (const path of Object.keys(rowMapOf(entry))) {
          const laterEdit = later.find((e) => e.kind === 'update' && path in rowMapOf(e))
          if (laterEdit !== undefined) {
            laterEdit.baseValues = { ...laterEdit.baseValues, [path]: base[path] }
            await table.put(laterEdit)
          } else setAt(restored, path, base[path])
        }
        if (row !== undefined) await db.opportunities.put(restored as unknown as CachedOpportunity)
        await refreshPending(db, uuid)
      })
    },

    async resolveConflict(entryId, choices) {
      await tx(async () => {
        const entry = await requireEntry(entryId)
        if (entry.status !== 'conflict' || !entry.conflicts) {
          throw new OutboxStateError('Busy', 'That change has no conflict to resolve.')
        }
        const conflicts = { ...entry.conflicts }
        const rowMap = rowMapOf(entry)
        const baseValues = { ...(entry.baseValues ?? {}) }
        const row = await db.opportunities.get(entry.opportunityUuid)
        const restored: Record<string, unknown> = { ...row }
        for (const [field, choice] of Object.entries(choices)) {
          const conflict = conflicts[field]
          if (conflict === undefined) continue
          delete conflicts[field]
          if (choice === 'mine') {
            // Push mine over the value now on the server.
            baseValues[field] = conflict.theirs
          } else {
            delete rowMap[field]
            delete baseValues[field]
            setAt(restored, field, conflict.theirs)
          }
        }
        const open = Object.keys(conflicts).length > 0
        const remaining = Object.keys(rowMap)
        if (remaining.length === 0) await table.delete(entryId)
        else {
          await table.put({
            ...entry,
            payload: rules.patchFor(entry.payload as DealPatch, remaining, null),
            ...(entry.rowValues != null ? { rowValues: rowMap } : {}),
            baseValues,
            conflicts: open ? conflicts : null,
            status: open ? 'conflict' : 'pending',
            nextAttemptAt: null,
            lastError: open ? entry.lastError : null,
            lastErrorKind: open ? 'conflict' : null
          })
        }
        if (row !== undefined) await db.opportunities.put(restored as unknown as CachedOpportunity)
        await refreshPending(db, entry.opportunityUuid)
      })
    }
  }
}
