/**
 * Queuing Monaco deal changes: Monaco's rules check them, the local row looks like a synced
 * Monaco row at once, and every create carries an idempotency key stored with its entry.
 */
import 'fake-indexeddb/auto'
import { describe, expect, test } from 'vitest'
import { toDeal } from '../../../src/main/monaco/toDeal'
import { openWorkspaceCache } from '../../../src/renderer/src/cache'
import {
  createOpportunity,
  createOutboxPusher,
  editOpportunity,
  listOutboxEntries,
  OutboxInputError
} from '../../../src/renderer/src/outbox'
import { uniqueWorkspaceId } from '../sync/support/cache'
import { draft, openCache, ScriptedError, seedRow } from './support'
import { FakeMonaco, monacoDeal, monacoDraft, seedTags } from './monacoSupport'

const MONACO = { provider: 'monaco' } as const
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('Monaco rules', () => {
  test('a Monaco draft is checked by Monaco’s rules, a ChartMogul one by ChartMogul’s', async () => {
    const db = await openCache()
    const monacoRefused = await createOpportunity(db, monacoDraft({ name: ' ' }), MONACO).catch(
      (e: unknown) => e
    )
    expect(monacoRefused).toBeInstanceOf(OutboxInputError)
    expect((monacoRefused as OutboxInputError).issues).toEqual([
      { field: 'name', message: 'A name is required.' }
    ])
    // Each provider's draft is refused by the other's rules (no field is silently dropped).
    await expect(createOpportunity(db, draft(), MONACO)).rejects.toBeInstanceOf(OutboxInputError)
    await expect(createOpportunity(db, monacoDraft())).rejects.toBeInstanceOf(OutboxInputError)
    await expect(
      editOpportunity(db, 'opp_1', { tagIds: ['x'.repeat(200)] }, MONACO)
    ).rejects.toMatchObject({ issues: [{ field: 'tagIds.0', message: 'That is not a tag id.' }] })
    expect(await listOutboxEntries(db)).toHaveLength(0)
  })

  test('the local row of a create looks like the synced row of the same deal', async () => {
    const db = await openCache()
    await seedTags(db)
    const input = monacoDraft({
      tagIds: ['tag_q3', 'tag_hot'],
      custom: { custom_field_a1: 'gold', custom_field_b2: null }
    })
    const row = await createOpportunity(db, input, { ...MONACO, newId: () => 'n1' })
    // The same deal as Monaco would answer it, through the gateway's mapping.
    const synced = toDeal({
      id: 'local_n1',
      accountId: 'acc_1',
      name: 'Acme - Enterprise',
      owner: { id: 'usr_1', firstName: 'Ann', lastName: 'Lee' },
      stage: 'discovery',
      estimatedValue: { amountMinor: 500_000, currency: 'USD' },
      estimatedCloseDate: '2031-01-15',
      actualCloseDate: null,
      summary: null,
      risks: [],
      notes: null,
      tags: ['Q3', 'Hot'],
      lastActivityAt: null,
      updatedAt: null,
      createdAt: '2030-01-01T00:00:00Z',
      customFields: { custom_field_a1: 'gold' }
    })
    expect({ ...row, createdAt: synced.createdAt }).toMatchObject(synced)
    expect(row._pending).toEqual([
      'amountCents',
      'currency',
      'custom',
      'estimatedCloseDate',
      'name',
      'owner',
      'pipelineStage',
      'tags'
    ])
    const noValue = await createOpportunity(db, monacoDraft({ amountCents: null }), MONACO)
    expect(noValue).toMatchObject({ amountCents: 0, currency: '', tags: [] })
  })
})

describe('idempotency keys', () => {
  test('a create stores a UUID with its entry, and it survives a reload', async () => {
    const id = uniqueWorkspaceId('monaco-outbox')
    const db = await openWorkspaceCache(id)
    await createOpportunity(db, monacoDraft(), MONACO)
    const [entry] = await listOutboxEntries(db)
    expect(entry?.idempotencyKey).toMatch(UUID)
    db.close()
    const reopened = await openWorkspaceCache(id)
    const [again] = await listOutboxEntries(reopened)
    expect(again?.idempotencyKey).toBe(entry?.idempotencyKey)
  })

  test('an edit merges into a create not yet sent, but follows one already sent (its key names one body)', async () => {
    const db = await openCache()
    const server = new FakeMonaco()
    const row = await createOpportunity(db, monacoDraft(), MONACO)
    await editOpportunity(db, row.uuid, { name: 'Renamed' }, MONACO)
    let entries = await listOutboxEntries(db)
    expect(entries.map((e) => e.kind)).toEqual(['create'])
    expect(entries[0]?.payload).toMatchObject({ name: 'Renamed' })

    server.failNext('create', new ScriptedError('RateLimited', 'slow down'))
    const pusher = createOutboxPusher({ db, writes: server, provider: 'monaco' })
    await pusher.pushAll()
    await editOpportunity(db, row.uuid, { name: 'Renamed again' }, MONACO)
    entries = await listOutboxEntries(db)
    expect(entries.map((e) => e.kind)).toEqual(['create', 'update'])
    expect(entries[0]?.payload).toMatchObject({ name: 'Renamed' })

    await pusher.pushAll({ ignoreBackoff: true })
    expect([...server.deals.values()].map((d) => d.name)).toEqual(['Renamed again'])
    expect(new Set(server.keysSent()).size).toBe(1)
  })
})

describe('edits', () => {
  test('tags are written as ids and shown as names; custom fields are queued one by one', async () => {
    const db = await openCache()
    await seedTags(db)
    await seedRow(db, monacoDeal({ custom: { custom_field_a1: 'x', custom_field_b2: 1 } }))
    const entry = await editOpportunity(
      db,
      'opp_1',
      {
        tagIds: ['tag_q3', 'tag_hot'],
        custom: { custom_field_a1: 'y', custom_field_b2: 1 }
      },
      MONACO
    )
    expect(entry).toMatchObject({
      payload: { tagIds: ['tag_q3', 'tag_hot'], custom: { custom_field_a1: 'y' } },
      rowValues: { tags: ['Q3', 'Hot'], 'custom.custom_field_a1': 'y' },
      baseValues: { tags: ['Hot'], 'custom.custom_field_a1': 'x' }
    })
    const row = await db.opportunities.get('opp_1')
    expect(row).toMatchObject({
      tags: ['Q3', 'Hot'],
      custom: { custom_field_a1: 'y', custom_field_b2: 1 },
      _pending: ['custom', 'tags'],
      _dirty: 1
    })
    // The same tags in another order are no change.
    expect(await editOpportunity(db, 'opp_1', { tagIds: ['tag_hot', 'tag_q3'] }, MONACO)).toBeNull()
    // Editing a field back to its base value leaves nothing to push for it.
    const merged = await editOpportunity(db, 'opp_1', { tagIds: ['tag_hot'] }, MONACO)
    expect(merged?.payload).toEqual({ custom: { custom_field_a1: 'y' } })
    expect(merged?.rowValues).toEqual({ 'custom.custom_field_a1': 'y' })
  })
})
