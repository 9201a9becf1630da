/**
 * The aggregates kept up to date write by write equal a rebuild from scratch, after every step
 * of random sequences of sync passes (new rows, re-written rows with other values, rows a full
 * pass removes), outbox creates/edits/deletes, and other writes (modify, clear, bulk delete).
 * The dashboards' figures read from them equal the old scan of every row.
 */
import 'fake-indexeddb/auto'
import { describe, expect, test } from 'vitest'
import {
  createOpportunity,
  deleteOpportunity,
  editOpportunity
} from '../../../src/renderer/src/outbox'
import { seededRandom } from '../sync/support/random'
import { freshCache } from '../sync/support/cache'
import {
  expectAggregatesMatchRows,
  pick,
  randomPages,
  RESOURCES,
  syncPass,
  type Random
} from './support'
import type { WorkspaceCache } from '../../../src/renderer/src/cache'

async function outboxStep(db: WorkspaceCache, random: Random, step: number): Promise<string> {
  const uuids = await db.opportunities.toCollection().primaryKeys()
  const choice = random()
  if (choice < 0.3 || uuids.length === 0) {
    await createOpportunity(
      db,
      {
        customerUuid: 'cus_1',
        owner: 'ann@example.com',
        pipeline: pick(random, ['New Business', 'Expansion']),
        pipelineStage: pick(random, ['Discovery', 'Proposal']),
        estimatedCloseDate: '2031-01-15',
        currency: pick(random, ['USD', 'EUR']),
        amountCents: Math.floor(random() * 90_000)
      },
      { newId: () => `new${step}` }
    )
    return 'outbox create'
  }
  const uuid = pick(random, uuids)
  if (choice < 0.75) {
    await editOpportunity(db, uuid, {
      amountCents: Math.floor(random() * 90_000),
      pipelineStage: pick(random, ['Discovery', 'Proposal', 'Closed Won']),
      forecastCategory: pick(random, ['pipeline', 'committed', 'best_case', 'won'] as const),
      winLikelihood: Math.floor(random() * 101)
    })
    return `outbox edit ${uuid}`
  }
  await deleteOpportunity(db, uuid)
  return `outbox delete ${uuid}`
}

async function otherWrite(db: WorkspaceCache, random: Random): Promise<string> {
  const choice = random()
  if (choice < 0.4) {
    await db.opportunities.where('pipeline').equals('Expansion').modify({ amountCents: 1_234 })
    return 'modify'
  }
  if (choice < 0.7) {
    const keys = await db.customers.toCollection().primaryKeys()
    await db.customers.bulkDelete(keys.filter(() => random() < 0.3))
    return 'bulk delete'
  }
  await db.activities.clear()
  return 'clear'
}

describe('incremental aggregates equal a rebuild', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    test(`random sync and edit sequence, seed ${seed}`, async () => {
      const random = seededRandom(seed)
      const db = await freshCache('aggregates')
      for (let step = 0; step < 24; step++) {
        const roll = random()
        let what: string
        if (roll < 0.55) {
          const resource = pick(random, RESOURCES)
          const mode = random() < 0.6 ? 'full' : 'incremental'
          await syncPass(db, resource, mode, randomPages(random, resource, 30))
          what = `${mode} pass of ${resource}`
        } else if (roll < 0.9) {
          what = await outboxStep(db, random, step)
        } else {
          what = await otherWrite(db, random)
        }
        await expectAggregatesMatchRows(db, `seed ${seed}, step ${step}: ${what}`)
      }
      db.close()
    })
  }

  test('two writes of the same row in one transaction count it once, as its last value', async () => {
    const db = await freshCache('aggregates-overlap')
    const row = (uuid: string, mrrCents: number) => ({
      ...JSON.parse(JSON.stringify({ uuid, name: uuid, email: '', status: 'Active' })),
      mrrCents,
      currency: 'USD',
      _gen: 1
    })
    await db.transaction('rw', db.customers, () =>
      Promise.all([
        db.customers.bulkPut([row('a', 100), row('b', 5)]),
        db.customers.bulkPut([row('a', 300)]),
        db.customers.put(row('a', 700))
      ])
    )
    const stored = await db.table('aggCustomers').toArray()
    expect(stored).toEqual([
      { id: '["Active","USD"]', status: 'Active', currency: 'USD', count: 2, mrrCents: 705 }
    ])
    await expectAggregatesMatchRows(db, 'overlapping writes')
    db.close()
  })
})
