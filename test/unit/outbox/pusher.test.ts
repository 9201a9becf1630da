/** Pushing: order, error handling, reconciliation of lost creates, conflicts. */
import { describe, expect, test } from 'vitest'
import {
  createOpportunity,
  createOutboxPusher,
  deleteOpportunity,
  editOpportunity,
  listOutboxEntries,
  type PushEntry
} from '../../../src/renderer/src/outbox'
import { beginPass, finishPass } from '../../../src/renderer/src/sync/passStore'
import { draft, FakeServer, openCache, ScriptedError, seedRow, serverOpportunity } from './support'

async function setup() {
  const db = await openCache()
  const server = new FakeServer()
  const pusher = createOutboxPusher({
    db,
    writes: server,
    backoff: { baseMs: 1_000, maxMs: 60_000 }
  })
  return { db, server, pusher }
}

describe('pushing', () => {
  test('a create then its edits push in order; the temporary id is replaced everywhere', async () => {
    const { db, server, pusher } = await setup()
    const row = await createOpportunity(db, draft())
    const [create] = await listOutboxEntries(db)
    await db.outbox.update(create!.id!, { status: 'in_flight' }) // edits queue after it
    await editOpportunity(db, row.uuid, { amountCents: 42 })
    await db.outbox.update(create!.id!, { status: 'pending' })
    expect((await listOutboxEntries(db)).map((e) => e.kind)).toEqual(['create', 'update'])

    const summary = await pusher.pushAll()
    expect(summary).toMatchObject({ pushed: 2, remaining: 0 })
    expect(server.opportunities.size).toBe(1)
    const [onServer] = [...server.opportunities.values()]
    expect(onServer?.amountCents).toBe(42)
    expect(await db.opportunities.get(row.uuid)).toBeUndefined()
    const synced = await db.opportunities.get(onServer!.uuid)
    expect(synced).toMatchObject({ amountCents: 42, _dirty: 0 })
    expect(synced?._pending).toBeUndefined()
  })

  test('a delete pushes and a 404 on delete counts as done', async () => {
    const { db, server, pusher } = await setup()
    server.put(serverOpportunity())
    await seedRow(db, serverOpportunity())
    await seedRow(db, serverOpportunity({ uuid: 'opp_gone' }))
    await deleteOpportunity(db, 'opp_1')
    await deleteOpportunity(db, 'opp_gone')
    expect(await pusher.pushAll()).toMatchObject({ pushed: 2, remaining: 0 })
    expect(server.opportunities.size).toBe(0)
  })
})

describe('errors', () => {
  test('transient errors keep the entry and order, with backoff and attempts', async () => {
    let clock = Date.parse('2030-06-01T00:00:00Z')
    const db = await openCache()
    const server = new FakeServer()
    const pusher = createOutboxPusher({
      db,
      writes: server,
      now: () => new Date(clock),
      backoff: { baseMs: 1_000, maxMs: 60_000 }
    })
    server.put(serverOpportunity())
    await seedRow(db, serverOpportunity())
    await editOpportunity(db, 'opp_1', { amountCents: 1 })
    await db.outbox.update((await listOutboxEntries(db))[0]!.id!, { status: 'in_flight' })
    await editOpportunity(db, 'opp_1', { amountCents: 2 }) // a second entry, behind the first
    await db.outbox.toCollection().modify({ status: 'pending' })
    server.failNext('update', new ScriptedError('RateLimited', 'slow down'))

    const first = await pusher.pushAll()
    expect(first).toMatchObject({ pushed: 0, retryLater: 1, remaining: 2 })
    const [head] = await listOutboxEntries(db)
    expect(head).toMatchObject({ attempts: 1, lastErrorKind: 'rate_limited', status: 'pending' })
    expect(head?.nextAttemptAt).toBe('2030-06-01T00:00:01.000Z')
    expect(server.count('update')).toBe(1)

    expect(await pusher.pushAll()).toMatchObject({ skipped: 1, remaining: 2 }) // backing off
    clock += 1_000
    expect(await pusher.pushAll()).toMatchObject({ pushed: 2, remaining: 0 })
    expect(server.opportunities.get('opp_1')?.amountCents).toBe(2)
  })

  test('validation refusals fail the entry with the server message; retry and discard', async () => {
    const { db, server, pusher } = await setup()
    server.put(serverOpportunity())
    await seedRow(db, serverOpportunity())
    await editOpportunity(db, 'opp_1', { pipelineStage: 'Nope' })
    server.failNext(
      'update',
      new ScriptedError('Validation', 'ChartMogul rejected some fields — pipelineStage: unknown', {
        fieldErrors: [{ field: 'pipelineStage', message: 'unknown' }]
      })
    )
    expect(await pusher.pushAll()).toMatchObject({ failed: 1, remaining: 1 })
    const [failed] = await listOutboxEntries(db)
    expect(failed).toMatchObject({
      status: 'failed',
      lastError: 'ChartMogul rejected some fields — pipelineStage: unknown',
      fieldIssues: [{ field: 'pipelineStage', message: 'unknown' }]
    })
    // A failed entry blocks its opportunity until the user acts.
    expect(await pusher.pushAll()).toMatchObject({ skipped: 1, remaining: 1 })

    await pusher.retry(failed!.id!)
    expect(await pusher.pushAll()).toMatchObject({ pushed: 1, remaining: 0 })

    await editOpportunity(db, 'opp_1', { amountCents: 5 })
    server.failNext('update', new ScriptedError('Validation', 'no'))
    await pusher.pushAll()
    const [again] = await listOutboxEntries(db)
    await pusher.discard(again!.id!)
    expect(await listOutboxEntries(db)).toHaveLength(0)
    expect(await db.opportunities.get('opp_1')).toMatchObject({ amountCents: 10_000, _dirty: 0 })
  })

  test('404 on an edit fails it; discarding a failed local create removes it', async () => {
    const { db, server, pusher } = await setup()
    await seedRow(db, serverOpportunity()) // not on the server any more
    await editOpportunity(db, 'opp_1', { amountCents: 5 })
    const local = await createOpportunity(db, draft({ customerUuid: 'cus_2' }))
    server.failNext('create', new ScriptedError('Validation', 'owner is not a CRM user'))
    expect(await pusher.pushAll()).toMatchObject({ failed: 2 })
    const entries = await listOutboxEntries(db)
    expect(entries.map((e) => [e.kind, e.status, e.lastErrorKind])).toEqual([
      ['update', 'failed', 'not_found'],
      ['create', 'failed', 'validation']
    ])
    await pusher.discard(entries[1]!.id!)
    expect(await db.opportunities.get(local.uuid)).toBeUndefined()
  })

  test('401/403 pause the whole outbox until resumed', async () => {
    const { db, server, pusher } = await setup()
    await createOpportunity(db, draft())
    await createOpportunity(db, draft({ customerUuid: 'cus_2' }))
    server.failNext('create', { code: 'unauthorized', message: 'The key was revoked.' })
    const summary = await createOutboxPusher({ db, writes: server, concurrency: 1 }).pushAll()
    expect(summary.paused).toBe(true)
    expect(server.count('create')).toBe(1) // the second was not attempted
    void pusher
    const second = createOutboxPusher({ db, writes: server, concurrency: 1 })
    server.failNext('create', new ScriptedError('Forbidden', 'No CRM seat.'))
    await second.pushAll()
    expect(second.state).toEqual({ status: 'paused', kind: 'forbidden', reason: 'No CRM seat.' })
    expect((await second.pushAll()).remaining).toBe(2)
    second.resume()
    expect(await second.pushAll()).toMatchObject({ pushed: 2, remaining: 0 })
  })
})

describe('no duplicates', () => {
  test('a create whose answer was lost is found, not sent again', async () => {
    const { db, server, pusher } = await setup()
    const row = await createOpportunity(db, draft())
    await editOpportunity(db, row.uuid, { amountCents: 777 }) // merges into the create
    server.failNext('create', new ScriptedError('OutcomeUnknown', 'lost'), true)
    expect(await pusher.pushAll()).toMatchObject({ retryLater: 1, remaining: 1 })
    const [entry] = await listOutboxEntries(db)
    expect(entry).toMatchObject({ outcomeUnknown: true, status: 'pending' })

    expect(await pusher.pushAll({ ignoreBackoff: true })).toMatchObject({
      reconciled: 1,
      remaining: 0
    })
    expect(server.count('create')).toBe(1)
    expect(server.opportunities.size).toBe(1)
    const [created] = [...server.opportunities.values()]
    expect(await db.opportunities.get(created!.uuid)).toMatchObject({ amountCents: 777, _dirty: 0 })
    expect(await db.opportunities.get(row.uuid)).toBeUndefined()
  })

  test('when the lost create did not land, it is sent again (once)', async () => {
    const { db, server, pusher } = await setup()
    await createOpportunity(db, draft())
    server.failNext('create', new ScriptedError('OutcomeUnknown', 'lost'), false)
    await pusher.pushAll()
    expect(await pusher.pushAll({ ignoreBackoff: true })).toMatchObject({ pushed: 1 })
    expect(server.count('list')).toBe(1)
    expect(server.count('create')).toBe(2)
    expect(server.opportunities.size).toBe(1)
  })

  test('a look-alike that existed before, or one another create claimed, is not adopted', async () => {
    const { db, server, pusher } = await setup()
    server.put(serverOpportunity({ uuid: 'old', createdAt: '2001-01-01T00:00:00.000Z' }))
    await createOpportunity(db, draft())
    await createOpportunity(db, draft()) // an identical second deal
    server.failNext('create', new ScriptedError('Timeout', 'slow'), true)
    server.failNext('create', new ScriptedError('Network', 'reset'), true)
    await pusher.pushAll()
    await pusher.pushAll({ ignoreBackoff: true })
    const mine = [...server.opportunities.values()].filter((o) => o.uuid !== 'old')
    expect(mine).toHaveLength(2)
    expect(server.count('create')).toBe(2)
    const local = await db.opportunities.toArray()
    expect(local.map((o) => o.uuid).sort()).toEqual(mine.map((o) => o.uuid).sort())
    expect(await listOutboxEntries(db)).toHaveLength(0)
  })

  test('a crash mid-push (entry left in flight) reconciles on the next run', async () => {
    const { db, server, pusher } = await setup()
    const row = await createOpportunity(db, draft())
    await server.create(draft()) // it landed, then the app died before recording it
    const [entry] = await listOutboxEntries(db)
    await db.table<PushEntry, number>('outbox').update(entry!.id!, {
      status: 'in_flight',
      attemptedAt: new Date().toISOString()
    })
    expect(await pusher.pushAll()).toMatchObject({ reconciled: 1, remaining: 0 })
    expect(server.opportunities.size).toBe(1)
    expect(await db.opportunities.get(row.uuid)).toBeUndefined()
  })
})

describe('conflicts', () => {
  test('a field changed both here and on the server is a conflict; the rest pushes', async () => {
    const { db, server, pusher } = await setup()
    server.put(serverOpportunity())
    await seedRow(db, serverOpportunity())
    await editOpportunity(db, 'opp_1', { amountCents: 20_000, pipelineStage: 'Proposal' })
    server.put(serverOpportunity({ amountCents: 15_000 })) // someone else
    expect(await pusher.pushAll()).toMatchObject({ conflicts: 1, remaining: 1 })
    expect(server.opportunities.get('opp_1')).toMatchObject({
      amountCents: 15_000,
      pipelineStage: 'Proposal'
    })
    const [entry] = await listOutboxEntries(db)
    expect(entry).toMatchObject({
      status: 'conflict',
      payload: { amountCents: 20_000 },
      conflicts: { amountCents: { mine: 20_000, theirs: 15_000, base: 10_000 } }
    })
    expect(await db.opportunities.get('opp_1')).toMatchObject({
      amountCents: 20_000,
      pipelineStage: 'Proposal',
      _pending: ['amountCents']
    })

    await pusher.resolveConflict(entry!.id!, { amountCents: 'mine' })
    expect(await pusher.pushAll()).toMatchObject({ pushed: 1, remaining: 0 })
    expect(server.opportunities.get('opp_1')?.amountCents).toBe(20_000)
  })

  test('choosing theirs drops my value; the same value on both sides is no conflict', async () => {
    const { db, server, pusher } = await setup()
    server.put(serverOpportunity())
    await seedRow(db, serverOpportunity())
    await editOpportunity(db, 'opp_1', { amountCents: 20_000, winLikelihood: 50 })
    server.put(serverOpportunity({ amountCents: 15_000, winLikelihood: 50 }))
    await pusher.pushAll()
    const [entry] = await listOutboxEntries(db)
    expect(Object.keys(entry?.conflicts ?? {})).toEqual(['amountCents'])
    await pusher.resolveConflict(entry!.id!, { amountCents: 'theirs' })
    expect(await listOutboxEntries(db)).toHaveLength(0)
    expect(await db.opportunities.get('opp_1')).toMatchObject({ amountCents: 15_000, _dirty: 0 })
    expect(server.count('update')).toBe(0)
  })
})

describe('pushing while a pull runs', () => {
  test('a deal created during a full pass that did not list it survives the end-of-pass sweep', async () => {
    const { db, server, pusher } = await setup()
    const existing = serverOpportunity({ uuid: 'opp_old' })
    server.put(existing)
    await seedRow(db, existing)
    // The pull lists the one deal ChartMogul has, before the create below lands.
    const now = new Date().toISOString()
    const { state } = await beginPass(db, {
      resource: 'opportunities',
      mode: 'full',
      partitions: [{ id: 'all', query: {} }],
      firstPages: new Map([
        ['all', { items: [existing], skipped: [], cursor: null, hasMore: false }]
      ]),
      expectedRecords: 1,
      checked: true,
      now
    })
    await createOpportunity(db, draft({ owner: 'new@example.com' }))
    expect(await pusher.pushAll()).toMatchObject({ pushed: 1, remaining: 0 })
    const created = [...server.opportunities.values()].find((o) => o.uuid !== 'opp_old')

    const summary = await finishPass(db, 'opportunities', state.generation, now)
    expect(summary.removed).toBe(0)
    expect(await db.opportunities.get(created!.uuid)).toMatchObject({ owner: 'new@example.com' })
    expect(await db.opportunities.count()).toBe(2)
  })
})
