import { afterEach, describe, expect, it } from 'vitest'
import {
  listAllPages,
  listByCreatedAt,
  type MonacoListEntity,
  type MonacoListFn
} from '../../../src/main/monaco'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import { ascending, ENTITIES, listFor, sortedIds, startOrg } from './support/simulator'

/**
 * Full listings of accounts, contacts and opportunities against the Monaco simulator over
 * real HTTP, through the real gateway client: records deleted and created while the pass
 * runs (page drift), and ~10 % injected faults.
 */

let sim: RunningMonacoSimulator | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

const isoSeconds = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z'

type Walk = (list: MonacoListFn<{ id: string; createdAt: string }>) => Promise<{
  items: { id: string }[]
  complete: boolean
}>

interface DriftOutcome {
  listed: string[]
  complete: boolean
  /** Present from before the pass to after it. */
  presentThroughout: string[]
  /** Deleted out of band after the walk had read it. */
  deletedRead: string
  /** Created out of band during the pass with a `created_at` behind the walk ('' if none). */
  backdated: string
  finalIds: string[]
}

/**
 * While one pass runs (page size 10), someone else: after the 2nd list request deletes a
 * record the pass has read (4th oldest) and one it has not (5th newest) and creates one (now);
 * with `backdate`, after the 4th also creates one dated before every other record. A tie of
 * 12 records at one instant (more than a page) sits in the middle from the start.
 */
async function passUnderDrift(
  entity: MonacoListEntity,
  walk: Walk,
  backdate: boolean
): Promise<DriftOutcome> {
  const org = await startOrg()
  sim = org
  const before = ascending(org, entity)
  const tieAt = before[20]?.createdAt as string
  org.store.outOfBand.add(entity, { createdAt: tieAt }, 12)
  const initialIds = new Set(org.store.all(entity).map((r) => r.id))
  let deletedRead = ''
  let backdated = ''
  let calls = 0
  org.onListed((listed) => {
    if (listed !== entity) return
    calls += 1
    if (calls === 2) {
      ;[deletedRead = ''] = org.store.outOfBand.removeListed(entity, 3, 1, 'created_at')
      org.store.outOfBand.removeListed(entity, org.store.count(entity) - 5, 1, 'created_at')
      org.store.outOfBand.add(entity)
    }
    if (calls === 4 && backdate) {
      const oldest = Date.parse(ascending(org, entity)[0]?.createdAt as string)
      const [made] = org.store.outOfBand.add(entity, { createdAt: isoSeconds(oldest - 1000) })
      backdated = made?.id ?? ''
    }
  })
  const listing = await walk(
    listFor(org, entity) as MonacoListFn<{ id: string; createdAt: string }>
  )
  org.onListed(null)
  const finalIds = org.store.all(entity).map((r) => r.id)
  return {
    listed: sortedIds(listing.items),
    complete: listing.complete,
    presentThroughout: finalIds.filter((id) => initialIds.has(id)).sort(),
    deletedRead,
    backdated,
    finalIds
  }
}

describe.each(ENTITIES)('%s: a full pass while records are created and deleted', (entity) => {
  it.each([
    { backdate: false, drift: -1 },
    { backdate: true, drift: 0 }
  ])(
    'keyset walk (backdated insert: $backdate): exactly the state at the end, plus the record read then deleted, minus a backdated insert',
    async ({ backdate, drift }) => {
      let countDrift: number | null = null
      const outcome = await passUnderDrift(
        entity,
        async (list) => {
          const listing = await listByCreatedAt(list, { pageSize: 10 })
          countDrift = listing.countDrift
          return listing
        },
        backdate
      )
      expect(outcome.deletedRead).not.toBe('')
      expect(outcome.backdated !== '').toBe(backdate)
      const expected = [
        ...outcome.finalIds.filter((id) => id !== outcome.backdated),
        outcome.deletedRead
      ].sort()
      expect(outcome.listed).toEqual(expected)
      expect(outcome.complete).toBe(true)
      // Seen one too many (read, then deleted) and, with the backdated insert, one too few:
      // then the count matches although the listing is not the final state — a signal only.
      expect(countDrift).toBe(drift)
    }
  )

  it('the old page-number walk (same order) misses a record that was there throughout, and calls itself complete', async () => {
    const outcome = await passUnderDrift(
      entity,
      (list) => listAllPages(list, { pageSize: 10, sort: 'created_at' }),
      false
    )
    const missed = outcome.presentThroughout.filter((id) => !outcome.listed.includes(id))
    expect(missed).toHaveLength(1)
    expect(outcome.complete).toBe(true)
  })
})

describe('under ~10 % injected faults (5xx, resets, 429 with a short Retry-After)', () => {
  it('reads the exact set of accounts, contacts and opportunities, each field as Monaco has it', async () => {
    const org = await startOrg()
    sim = org
    // A tie bigger than a page in each entity, so the by-number path runs under faults too.
    for (const entity of ENTITIES) {
      const tieAt = ascending(org, entity)[10]?.createdAt as string
      org.store.outOfBand.add(entity, { createdAt: tieAt }, 25)
    }
    // Fault-free reference: one page of 500 holds every record, so nothing can shift.
    const reference = new Map<MonacoListEntity, { id: string }[]>()
    for (const entity of ENTITIES) {
      const page = await listFor(org, entity)({ pageSize: 500 }, {})
      expect(page.hasMore).toBe(false)
      reference.set(entity, page.items)
    }
    org.setFaults({
      rate5xxJson: 0.03,
      rate5xxText: 0.02,
      rateReset: 0.03,
      rate429: 0.02,
      retryAfter: '0',
      seed: 2
    })

    for (const entity of ENTITIES) {
      const conditions = new Set<string>()
      const list = listFor(org, entity)
      const listing = await listByCreatedAt(
        (params, options) => {
          const rules = Array.isArray(params.filters) ? params.filters : []
          for (const rule of rules) conditions.add(rule.condition)
          return list(params, options)
        },
        { pageSize: 5 }
      )
      // The tie (25 records, 5 a page) was read by number and stepped over, over HTTP.
      expect([...conditions].sort()).toEqual(['equals', 'greater_than', 'greater_than_or_equals'])
      expect(listing.complete).toBe(true)
      expect(listing.countDrift).toBe(0)
      expect(sortedIds(listing.items)).toEqual(sortedIds(org.store.all(entity)))
      const byId = (records: { id: string }[]) =>
        [...records].sort((a, b) => (a.id < b.id ? -1 : 1))
      expect(byId(listing.items)).toEqual(byId(reference.get(entity) ?? []))
      for (const item of listing.items) {
        const stored = org.store.get(entity, item.id)
        // The gateway normalises timestamps to milliseconds; the instant is what must match.
        expect([Date.parse(item.createdAt), Date.parse(item.updatedAt ?? '')]).toEqual([
          Date.parse(stored?.createdAt ?? ''),
          Date.parse(stored?.updatedAt ?? '')
        ])
      }
    }
    const { faults } = org.stats
    expect(faults.serverErrorJson + faults.serverErrorText).toBeGreaterThan(0)
    expect(faults.reset).toBeGreaterThan(0)
    expect(faults.status429).toBeGreaterThan(0)
  }, 20_000)
})
