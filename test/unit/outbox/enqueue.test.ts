/** Queuing local changes: validation first, one transaction, merging with what is queued. */
import { describe, expect, test } from 'vitest'
import {
  createOpportunity,
  deleteOpportunity,
  editOpportunity,
  listOutboxEntries,
  OutboxInputError
} from '../../../src/renderer/src/outbox'
import { draft, openCache, seedRow, serverOpportunity } from './support'

describe('createOpportunity', () => {
  test('writes a local row and a create entry under a temporary id', async () => {
    const db = await openCache()
    const row = await createOpportunity(db, draft(), { newId: () => 'abc' })
    expect(row.uuid).toBe('local_abc')
    expect(row._dirty).toBe(1)
    expect(row._pending).toContain('amountCents')
    const [entry] = await listOutboxEntries(db)
    expect(entry).toMatchObject({ kind: 'create', opportunityUuid: 'local_abc', status: 'pending' })
  })

  test('invalid drafts queue nothing and name the fields', async () => {
    const db = await openCache()
    const error = await createOpportunity(db, draft({ currency: 'usd', amountCents: -1 })).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(OutboxInputError)
    expect((error as OutboxInputError).issues.map((i) => i.field).sort()).toEqual([
      'amountCents',
      'currency'
    ])
    expect(await listOutboxEntries(db)).toHaveLength(0)
    expect(await db.opportunities.count()).toBe(0)
  })
})

describe('editOpportunity', () => {
  test('records base values of changed fields and marks them pending', async () => {
    const db = await openCache()
    await seedRow(db, serverOpportunity())
    const entry = await editOpportunity(db, 'opp_1', {
      amountCents: 20_000,
      pipeline: 'New Business'
    })
    expect(entry).toMatchObject({
      kind: 'update',
      payload: { amountCents: 20_000 },
      baseValues: { amountCents: 10_000 }
    })
    const row = await db.opportunities.get('opp_1')
    expect(row).toMatchObject({ amountCents: 20_000, _pending: ['amountCents'], _dirty: 1 })
  })

  test('no real change queues nothing; invalid patches throw with issues', async () => {
    const db = await openCache()
    await seedRow(db, serverOpportunity())
    expect(await editOpportunity(db, 'opp_1', { amountCents: 10_000 })).toBeNull()
    await expect(editOpportunity(db, 'opp_1', { winLikelihood: 101 })).rejects.toMatchObject({
      issues: [{ field: 'winLikelihood', message: 'The win likelihood is between 0 and 100.' }]
    })
    await expect(editOpportunity(db, 'opp_1', {})).rejects.toBeInstanceOf(OutboxInputError)
    expect(await listOutboxEntries(db)).toHaveLength(0)
  })

  test('consecutive edits merge, keeping the earliest base values', async () => {
    const db = await openCache()
    await seedRow(db, serverOpportunity())
    await editOpportunity(db, 'opp_1', { amountCents: 20_000 })
    await editOpportunity(db, 'opp_1', { amountCents: 30_000, pipelineStage: 'Proposal' })
    const entries = await listOutboxEntries(db)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      payload: { amountCents: 30_000, pipelineStage: 'Proposal' },
      baseValues: { amountCents: 10_000, pipelineStage: 'Discovery' }
    })
  })

  test('editing a field back to its base value drops it; nothing left drops the entry', async () => {
    const db = await openCache()
    await seedRow(db, serverOpportunity())
    await editOpportunity(db, 'opp_1', { amountCents: 20_000 })
    await editOpportunity(db, 'opp_1', { amountCents: 10_000 })
    expect(await listOutboxEntries(db)).toHaveLength(0)
    const row = await db.opportunities.get('opp_1')
    expect(row?._dirty).toBe(0)
    expect(row?._pending).toBeUndefined()
  })

  test('edits to an unpushed create merge into it', async () => {
    const db = await openCache()
    const row = await createOpportunity(db, draft())
    await editOpportunity(db, row.uuid, { amountCents: 55_500, forecastCategory: 'committed' })
    const entries = await listOutboxEntries(db)
    expect(entries).toHaveLength(1)
    expect(entries[0]?.payload).toMatchObject({
      amountCents: 55_500,
      forecastCategory: 'committed'
    })
    expect(await db.opportunities.get(row.uuid)).toMatchObject({ amountCents: 55_500 })
  })

  test('an edit after a create already in flight is queued after it', async () => {
    const db = await openCache()
    const row = await createOpportunity(db, draft())
    const [create] = await listOutboxEntries(db)
    await db.outbox.update(create!.id!, { status: 'in_flight' })
    await editOpportunity(db, row.uuid, { amountCents: 1 })
    const entries = await listOutboxEntries(db)
    expect(entries.map((e) => e.kind)).toEqual(['create', 'update'])
    expect(entries[1]?.baseValues).toEqual({ amountCents: 10_000 })
  })
})

describe('deleteOpportunity', () => {
  test('deleting an unpushed create cancels both', async () => {
    const db = await openCache()
    const row = await createOpportunity(db, draft())
    await editOpportunity(db, row.uuid, { amountCents: 1 })
    await deleteOpportunity(db, row.uuid)
    expect(await listOutboxEntries(db)).toHaveLength(0)
    expect(await db.opportunities.count()).toBe(0)
  })

  test('a delete supersedes queued edits and removes the row', async () => {
    const db = await openCache()
    await seedRow(db, serverOpportunity())
    await editOpportunity(db, 'opp_1', { amountCents: 20_000 })
    await deleteOpportunity(db, 'opp_1')
    const entries = await listOutboxEntries(db)
    expect(entries.map((e) => e.kind)).toEqual(['delete'])
    // The snapshot kept for an undo is the server's version.
    expect(entries[0]?.baseValues).toMatchObject({ uuid: 'opp_1', amountCents: 10_000 })
    expect(await db.opportunities.get('opp_1')).toBeUndefined()
  })
})
