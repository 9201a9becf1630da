/**
 * A complete full pass removes what Monaco no longer has — but never a deal with local edits
 * still to push, nor one created here and not yet confirmed; a pull keeps pending fields'
 * local values and never brings back a deal whose delete is queued (the ChartMogul pull's
 * rules, one shared helper).
 */
import { afterEach, expect, test } from 'vitest'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import type { CachedOpportunity, OutboxEntry } from '../../../src/renderer/src/cache'
import { createMonacoSyncEngine } from '../../../src/renderer/src/monacoSync'
import { freshCache } from '../sync/support/cache'
import { sourceFor, startOrg } from './support/org'

let sim: RunningMonacoSimulator | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

test('the sweep keeps dirty and local deals; pulls keep pending fields and queued deletes', async () => {
  const org = await startOrg({ seed: 71, accounts: 30, contacts: 40, opportunities: 60 })
  sim = org
  const db = await freshCache('monaco-sweep')
  const engine = createMonacoSyncEngine({ db, source: sourceFor(org), options: { pageSize: 10 } })
  expect((await engine.run()).outcome).toBe('complete')

  const [dirty, dirtyGone, clean, queuedDelete] = org.store.all('opportunities')
  // Local edits waiting in the outbox: one on a deal someone renames, one on a deal someone
  // deletes; a deal created here; a deal deleted here whose delete is queued.
  for (const deal of [dirty!, dirtyGone!]) {
    const row = (await db.opportunities.get(deal.id)) as CachedOpportunity
    await db.opportunities.put({
      ...row,
      estimatedCloseDate: '2031-03-31',
      _pending: ['estimatedCloseDate'],
      _dirty: 1
    })
  }
  const local = {
    ...((await db.opportunities.get(clean!.id)) as CachedOpportunity),
    uuid: 'local_4b1f',
    _gen: 0,
    _pending: [],
    _dirty: 0 as const
  }
  await db.opportunities.put(local)
  await db.opportunities.delete(queuedDelete!.id)
  const entry: OutboxEntry = {
    opportunityUuid: queuedDelete!.id,
    kind: 'delete',
    payload: null,
    baseValues: null,
    status: 'pending',
    createdAt: new Date().toISOString(),
    attempts: 0,
    lastError: null
  } as OutboxEntry
  await db.outbox.add(entry)

  org.store.outOfBand.edit('opportunities', dirty!.id, { name: 'Renamed elsewhere' })
  org.store.outOfBand.remove('opportunities', dirtyGone!.id)
  org.store.outOfBand.remove('opportunities', clean!.id)

  expect((await engine.run({ full: true })).outcome).toBe('complete')
  const kept = (await db.opportunities.get(dirty!.id)) as CachedOpportunity
  expect(kept.name).toBe('Renamed elsewhere')
  expect(kept.estimatedCloseDate).toBe('2031-03-31')
  expect(kept._pending).toEqual(['estimatedCloseDate'])
  expect(kept._dirty).toBe(1)
  expect(await db.opportunities.get(dirtyGone!.id)).toBeDefined()
  expect(await db.opportunities.get('local_4b1f')).toBeDefined()
  expect(await db.opportunities.get(clean!.id)).toBeUndefined()
  expect(await db.opportunities.get(queuedDelete!.id)).toBeUndefined()
  const row = await db.monacoSync.get('opportunities')
  expect(row?.lastRemoved).toBe(1)
  db.close()
}, 30_000)
