/**
 * Pushing Monaco changes: an ambiguous create is resent with the key stored in its entry (no
 * search); a resend refused with an error is looked for before any fresh create; edits conflict
 * per field in the row's terms (tags as sets of names, each custom field on its own).
 */
import 'fake-indexeddb/auto'
import { describe, expect, test } from 'vitest'
import { openWorkspaceCache } from '../../../src/renderer/src/cache'
import {
  createOpportunity,
  createOutboxPusher,
  editOpportunity,
  listOutboxEntries
} from '../../../src/renderer/src/outbox'
import { uniqueWorkspaceId } from '../sync/support/cache'
import { openCache, ScriptedError, seedRow } from './support'
import { FakeMonaco, monacoDeal, monacoDraft, seedTags } from './monacoSupport'

const MONACO = { provider: 'monaco' } as const
const lost = () => new ScriptedError('OutcomeUnknown', 'The answer was lost.')
const reused = () => new ScriptedError('Validation', 'idempotency_key_reused')

function pusherFor(db: Awaited<ReturnType<typeof openCache>>, server: FakeMonaco) {
  return createOutboxPusher({ db, writes: server, provider: 'monaco' })
}

describe('creates', () => {
  test('an ambiguous create is resent with the same key, after a reload too: one deal, no search', async () => {
    const id = uniqueWorkspaceId('monaco-push')
    const db = await openWorkspaceCache(id)
    const server = new FakeMonaco()
    const row = await createOpportunity(db, monacoDraft(), MONACO)
    server.failNext('create', lost(), true) // Monaco made the deal; the answer never came

    const first = await pusherFor(db, server).pushAll()
    expect(first).toMatchObject({ pushed: 0, retryLater: 1, remaining: 1 })
    const [entry] = await listOutboxEntries(db)
    expect(entry).toMatchObject({ outcomeUnknown: true, status: 'pending' })
    db.close()

    const reloaded = await openWorkspaceCache(id)
    const second = await pusherFor(reloaded, server).pushAll({ ignoreBackoff: true })
    expect(second).toMatchObject({ pushed: 1, replayed: 1, reconciled: 0, remaining: 0 })
    expect(server.deals.size).toBe(1)
    expect(server.keysSent()).toEqual([entry?.idempotencyKey, entry?.idempotencyKey])
    expect(server.count('list')).toBe(0)
    const [deal] = [...server.deals.values()]
    expect(await reloaded.opportunities.get(row.uuid)).toBeUndefined()
    expect(await reloaded.opportunities.get(deal!.uuid)).toMatchObject({ _dirty: 0 })
  })

  test('a create a crash left in flight is resent with its key', async () => {
    const db = await openCache()
    const server = new FakeMonaco()
    await createOpportunity(db, monacoDraft(), MONACO)
    const [entry] = await listOutboxEntries(db)
    // The page stopped after sending: Monaco has the deal, the entry still says in flight.
    await server.create(monacoDraft(), { idempotencyKey: entry!.idempotencyKey! })
    await db.outbox.update(entry!.id!, { status: 'in_flight', attempts: 1 })

    const summary = await pusherFor(db, server).pushAll()
    expect(summary).toMatchObject({ pushed: 1, replayed: 1, remaining: 0 })
    expect(server.deals.size).toBe(1)
    expect(server.count('list')).toBe(0)
  })

  test('a resend answered with an error is looked for first, and still makes exactly one deal', async () => {
    const db = await openCache()
    const server = new FakeMonaco()
    await createOpportunity(db, monacoDraft(), MONACO)
    server.failNext('create', lost(), true)
    await pusherFor(db, server).pushAll()
    server.failNext('create', reused()) // the resend is refused instead of answered

    const summary = await pusherFor(db, server).pushAll({ ignoreBackoff: true })
    expect(summary).toMatchObject({ reconciled: 1, failed: 0, remaining: 0 })
    expect(server.deals.size).toBe(1)
    expect(server.count('create')).toBe(2)
    expect(server.count('list')).toBe(1)
    const [deal] = [...server.deals.values()]
    expect(await db.opportunities.get(deal!.uuid)).toMatchObject({ name: 'Acme - Enterprise' })
  })

  test('a refused resend whose deal is nowhere is sent fresh, with a fresh key', async () => {
    const db = await openCache()
    const server = new FakeMonaco()
    await createOpportunity(db, monacoDraft(), MONACO)
    server.failNext('create', lost()) // not applied, but we cannot know
    await pusherFor(db, server).pushAll()
    server.failNext('create', reused())
    server.failNext('list', new ScriptedError('ServerError', 'down'))

    // The search fails: nothing fresh is sent until it has looked.
    expect(await pusherFor(db, server).pushAll({ ignoreBackoff: true })).toMatchObject({
      retryLater: 1,
      remaining: 1
    })
    expect((await listOutboxEntries(db))[0]).toMatchObject({ keyRefused: true })
    expect(server.count('create')).toBe(2)

    const summary = await pusherFor(db, server).pushAll({ ignoreBackoff: true })
    expect(summary).toMatchObject({ pushed: 1, remaining: 0 })
    expect(server.deals.size).toBe(1)
    const [k1, k2, k3] = server.keysSent()
    expect(k2).toBe(k1)
    expect(k3).not.toBe(k1)
    expect(server.count('list')).toBe(2)
  })
})

describe('edits', () => {
  async function setup() {
    const db = await openCache()
    await seedTags(db)
    const server = new FakeMonaco()
    const deal = monacoDeal({ custom: { custom_field_a1: 'x', custom_field_b2: 1 } })
    server.deals.set(deal.uuid, deal)
    await seedRow(db, deal)
    return { db, server, pusher: pusherFor(db, server) }
  }

  test('tags push as ids; the same set in another order on the server is no conflict', async () => {
    const { db, server, pusher } = await setup()
    await editOpportunity(db, 'opp_1', { tagIds: ['tag_hot', 'tag_q3'] }, MONACO)
    server.deals.set('opp_1', { ...server.deals.get('opp_1')!, tags: ['Q3', 'Hot'] })
    expect(await pusher.pushAll()).toMatchObject({ conflicts: 0, remaining: 0 })
    expect(server.count('update')).toBe(0) // already there

    await editOpportunity(db, 'opp_1', { tagIds: ['tag_vip'] }, MONACO)
    expect(await pusher.pushAll()).toMatchObject({ pushed: 1, remaining: 0 })
    expect(server.calls.at(-1)).toMatchObject({ method: 'update', body: { tagIds: ['tag_vip'] } })
    expect(server.deals.get('opp_1')?.tags).toEqual(['VIP'])
    expect(await db.opportunities.get('opp_1')).toMatchObject({ tags: ['VIP'], _dirty: 0 })
  })

  test('tags and name changed there too are conflicts, in names', async () => {
    const { db, server, pusher } = await setup()
    await editOpportunity(db, 'opp_1', { tagIds: ['tag_q3'], name: 'Mine' }, MONACO)
    server.deals.set('opp_1', { ...server.deals.get('opp_1')!, tags: ['VIP'], name: 'Theirs' })
    expect(await pusher.pushAll()).toMatchObject({ conflicts: 1 })
    const [entry] = await listOutboxEntries(db)
    expect(entry?.conflicts).toEqual({
      tags: { mine: ['Q3'], theirs: ['VIP'], base: ['Hot'] },
      name: { mine: 'Mine', theirs: 'Theirs', base: 'Acme - Enterprise' }
    })
    await pusher.resolveConflict(entry!.id!, { tags: 'mine', name: 'theirs' })
    expect(await pusher.pushAll()).toMatchObject({ pushed: 1, remaining: 0 })
    expect(server.deals.get('opp_1')).toMatchObject({ tags: ['Q3'], name: 'Theirs' })
    expect(await db.opportunities.get('opp_1')).toMatchObject({ tags: ['Q3'], name: 'Theirs' })
  })

  test('custom fields conflict one by one; others’ changes to other fields are kept', async () => {
    const { db, server, pusher } = await setup()
    await editOpportunity(db, 'opp_1', { custom: { custom_field_a1: 'mine' } }, MONACO)
    const theirs = { ...server.deals.get('opp_1')! }
    server.deals.set('opp_1', { ...theirs, custom: { ...theirs.custom, custom_field_b2: 2 } })
    expect(await pusher.pushAll()).toMatchObject({ pushed: 1, conflicts: 0, remaining: 0 })
    expect(server.calls.at(-1)?.body).toEqual({ custom: { custom_field_a1: 'mine' } })
    expect(server.deals.get('opp_1')?.custom).toEqual({
      custom_field_a1: 'mine',
      custom_field_b2: 2
    })

    await editOpportunity(db, 'opp_1', { custom: { custom_field_b2: 3 } }, MONACO)
    const now = server.deals.get('opp_1')!
    server.deals.set('opp_1', { ...now, custom: { ...now.custom, custom_field_b2: 4 } })
    expect(await pusher.pushAll()).toMatchObject({ conflicts: 1 })
    const [entry] = await listOutboxEntries(db)
    expect(entry?.conflicts).toEqual({
      'custom.custom_field_b2': { mine: 3, theirs: 4, base: 2 }
    })
  })

  test('an amount goes with the currency the deal has (Monaco stores them as one value)', async () => {
    const { db, server, pusher } = await setup()
    await editOpportunity(db, 'opp_1', { amountCents: 7_00 }, MONACO)
    await pusher.pushAll()
    expect(server.calls.at(-1)).toMatchObject({
      method: 'update',
      body: { amountCents: 7_00, currency: 'USD' }
    })
  })
})
