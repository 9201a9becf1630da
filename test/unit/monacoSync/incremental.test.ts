/**
 * Between full passes, a run reads only what changed: records updated after the last complete
 * pass began (less a safety margin). It upserts; deletions wait for the next full pass.
 */
import { afterEach, expect, test } from 'vitest'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import { createMonacoSyncEngine } from '../../../src/renderer/src/monacoSync'
import { freshCache } from '../sync/support/cache'
import { countingMonacoSource } from './support/countingSource'
import { cachedReplica, expectedReplica, sameReplica, sourceFor, startOrg } from './support/org'

let sim: RunningMonacoSimulator | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

test('an incremental pass picks up out-of-band updates and inserts, and only them', async () => {
  const org = await startOrg({ seed: 51, accounts: 80, contacts: 150, opportunities: 90 })
  sim = org
  const source = countingMonacoSource(sourceFor(org))
  const db = await freshCache('monaco-incremental')
  const engine = createMonacoSyncEngine({ db, source, options: { pageSize: 20 } })
  expect((await engine.run()).outcome).toBe('complete')
  expect(engine.progress().map((p) => p.mode)).toEqual(['full', 'full', 'full'])

  // Someone else renames two accounts, adds a contact and deletes a deal.
  const [first, second] = org.store.all('accounts')
  org.store.outOfBand.edit('accounts', first!.id, { name: 'Renamed One' })
  org.store.outOfBand.edit('accounts', second!.id, { name: 'Renamed Two' })
  const [added] = org.store.outOfBand.add('contacts')
  const gone = org.store.all('opportunities')[0]!.id
  org.store.outOfBand.remove('opportunities', gone)

  source.steps.length = 0
  const before = { ...source.items }
  expect((await engine.run()).outcome).toBe('complete')
  expect(engine.progress().map((p) => p.mode)).toEqual([
    'incremental',
    'incremental',
    'incremental'
  ])
  expect(source.steps.length).toBeGreaterThan(0)
  expect(source.steps.every((s) => typeof s.updatedAfter === 'string')).toBe(true)
  // Only the changed records were read.
  expect(source.items.accounts - before.accounts).toBe(2)
  expect(source.items.contacts - before.contacts).toBe(1)
  expect(source.items.opportunities - before.opportunities).toBe(0)
  expect((await db.accounts.get(first!.id))?.name).toBe('Renamed One')
  expect((await db.accounts.get(second!.id))?.name).toBe('Renamed Two')
  expect(await db.contacts.get(added!.id)).toBeDefined()
  // Upsert only: the deleted deal stays until the next full pass.
  expect(await db.opportunities.get(gone)).toBeDefined()

  expect((await engine.run({ full: true })).outcome).toBe('complete')
  expect(await db.opportunities.get(gone)).toBeUndefined()
  const replica = await cachedReplica(db)
  if (!sameReplica(replica, expectedReplica(org))) expect(replica).toEqual(expectedReplica(org))
  db.close()
}, 30_000)

test('a full pass runs again once the last one is older than fullPassEveryMs', async () => {
  sim = await startOrg({ seed: 52, accounts: 30, contacts: 40, opportunities: 30 })
  const db = await freshCache('monaco-full-again')
  let now = Date.parse('2026-12-02T08:00:00Z')
  const clock = {
    now: () => now,
    setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
    clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>)
  }
  const engine = createMonacoSyncEngine({
    db,
    source: sourceFor(sim),
    options: { clock, fullPassEveryMs: 3_600_000 }
  })
  await engine.run()
  now += 30 * 60_000
  await engine.run()
  expect(engine.progress().map((p) => p.mode)).toEqual([
    'incremental',
    'incremental',
    'incremental'
  ])
  now += 31 * 60_000
  await engine.run()
  expect(engine.progress().map((p) => p.mode)).toEqual(['full', 'full', 'full'])
  db.close()
}, 30_000)
