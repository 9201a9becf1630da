/**
 * A confirmed create is stamped with the generation of the workspace's own sync, supplied by
 * its provider: a Monaco workspace keeps it in `monacoSync`, not in the paged engine's
 * `syncState` (always 0 there). A full pass already past where the new deal sorts must not
 * sweep it at its end — and here nothing else shields the row (it is confirmed, clean, and
 * Monaco's clock stamped it before the pass began), so only its generation can keep it.
 */
import 'fake-indexeddb/auto'
import { expect, test } from 'vitest'
import type { MonacoPassState, WorkspaceCache } from '../../../src/renderer/src/cache'
import { createOpportunity, createOutboxPusher } from '../../../src/renderer/src/outbox'
import { adapterFor } from '../../../src/renderer/src/providers'
import { beginPass, commitStep, finishPass } from '../../../src/renderer/src/monacoSync/passStore'
import { START_POSITION } from '../../../src/renderer/src/monacoSync/startPosition'
import { keptBySweep } from '../../../src/renderer/src/monacoSync/sweepRule'
import { openCache, seedRow } from './support'
import { FakeMonaco, monacoDeal, monacoDraft } from './monacoSupport'

const PASS_STARTED = '2030-06-01T12:00:00.000Z'
const PASS_ENDS = Date.parse('2030-06-01T12:05:00.000Z')

async function fullPass(db: WorkspaceCache, startedAt: string): Promise<MonacoPassState> {
  return beginPass(db, 'opportunities', {
    mode: 'full',
    updatedAfter: null,
    startedAt,
    estimatedTotal: 0,
    newestCreatedAt: null,
    ranges: [{}]
  })
}

/** The pass's one walk reads its last step (nothing new: it is past where the deal sorts). */
async function walkEnds(db: WorkspaceCache, pass: MonacoPassState): Promise<void> {
  await commitStep(db, 'opportunities', pass.generation, 0, {
    items: [],
    skipped: [],
    position: START_POSITION,
    done: true,
    totalCount: 0,
    requests: 1
  })
}

test('a Monaco create confirmed during the next full pass carries its generation and survives its sweep', async () => {
  const db = await openCache()
  // A first full pass, and a deal it wrote that Monaco has since deleted.
  const first = await fullPass(db, '2030-06-01T11:00:00.000Z')
  await seedRow(db, monacoDeal({ uuid: 'opp_gone' }))
  await walkEnds(db, first)
  await finishPass(db, 'opportunities', first.generation, PASS_ENDS, null)
  // The next full pass begins.
  const pass = await fullPass(db, PASS_STARTED)
  expect(pass.generation).toBe(2)

  const server = new FakeMonaco()
  // Monaco's clock runs a minute behind this machine's.
  server.clock = () => new Date(Date.parse(PASS_STARTED) - 60_000)
  await createOpportunity(db, monacoDraft(), { provider: 'monaco' })
  const pusher = createOutboxPusher({
    db,
    writes: server,
    provider: 'monaco',
    generation: adapterFor({ provider: 'monaco' }).dealGeneration
  })
  expect(await pusher.pushAll()).toMatchObject({ pushed: 1, remaining: 0 })

  const [created] = [...server.deals.values()]
  const confirmed = await db.opportunities.get(created!.uuid)
  expect(confirmed?._gen).toBe(pass.generation)
  // Clean, confirmed, and stamped by Monaco before the pass began: no other rule keeps it.
  expect(keptBySweep(confirmed!, PASS_STARTED, PASS_ENDS)).toBe(false)

  // The walk had already read past where the deal sorts; it ends, and the pass sweeps.
  await walkEnds(db, pass)
  expect(await finishPass(db, 'opportunities', pass.generation, PASS_ENDS, null)).toMatchObject({
    removed: 1
  })
  expect(await db.opportunities.get('opp_gone')).toBeUndefined()
  expect(await db.opportunities.get(created!.uuid)).toMatchObject({
    uuid: created!.uuid,
    name: 'Acme - Enterprise',
    _gen: pass.generation
  })
})
