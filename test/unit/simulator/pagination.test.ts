/**
 * Cursor walks: every record exactly once, in API order, and still exactly once when records
 * are inserted or deleted between pages. Plus per_page defaults and clamping.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../../src/main/simulator'
import type {
  ActivityWire,
  CustomerWire,
  OpportunityWire,
  PlanWire
} from '../../../src/main/simulator/wire'
import { call, get, startSmall } from './support'

interface Envelope<T> {
  entries?: T[]
  plans?: T[]
  cursor: string | null
  has_more: boolean
  [key: string]: unknown
}

/** Follows cursors while has_more; `between` runs after each page (to change the data). */
async function walk<T>(
  sim: RunningSimulator,
  path: string,
  between: (page: number, seen: T[]) => void = () => {}
): Promise<{ items: T[]; pages: Envelope<T>[] }> {
  const items: T[] = []
  const pages: Envelope<T>[] = []
  let cursor: string | null = null
  for (let guard = 0; guard < 1000; guard++) {
    const sep = path.includes('?') ? '&' : '?'
    const url: string = cursor === null ? path : `${path}${sep}cursor=${encodeURIComponent(cursor)}`
    const res = await get(sim, url)
    expect(res.status, url).toBe(200)
    const body = res.json<Envelope<T>>()
    pages.push(body)
    items.push(...(body.entries ?? body.plans ?? []))
    between(pages.length, items)
    if (!body.has_more) return { items, pages }
    expect(body.cursor).toEqual(expect.any(String))
    cursor = body.cursor
  }
  throw new Error('walk did not end')
}

function expectUnique(keys: readonly string[]): void {
  const dupes = keys.filter((k, i) => keys.indexOf(k) !== i)
  expect(dupes).toEqual([])
}

describe('cursor pagination', () => {
  let sim: RunningSimulator
  beforeEach(async () => {
    sim = await startSmall({ data: { seed: 21, customers: 150, opportunities: 90 } })
  })
  afterEach(() => sim.close())

  it('walks customers exactly once in ascending id order; cursor even on the last page', async () => {
    const { items, pages } = await walk<CustomerWire>(sim, '/v1/customers?per_page=37')
    expect(items.map((c) => c.id)).toEqual(sim.store.customers().map((c) => c.id))
    expect(pages).toHaveLength(Math.ceil(150 / 37))
    const last = pages[pages.length - 1] as Envelope<CustomerWire>
    expect(last.has_more).toBe(false)
    expect(last.cursor).toEqual(expect.any(String))
    // Deprecated offset fields only on the first page.
    expect(pages[0]).toMatchObject({ current_page: 1, total_pages: 5, per_page: 37, page: 1 })
    for (const p of pages.slice(1))
      expect(Object.keys(p)).toEqual(['entries', 'cursor', 'has_more'])
  })

  it('walks plans newest first and opportunities newest first, exactly once', async () => {
    const plans = await walk<PlanWire>(sim, '/v1/plans?per_page=5')
    expect(plans.items.map((p) => p.uuid)).toEqual(sim.store.plans().map((p) => p.uuid))
    const opps = await walk<OpportunityWire>(sim, '/v1/opportunities?per_page=20')
    expect(opps.items.map((o) => o.uuid)).toEqual(sim.store.opportunities().map((o) => o.uuid))
    const created = opps.items.map((o) => o.created_at)
    expect(created).toEqual([...created].sort().reverse())
  })

  it('walks activities ascending by date, and descending with order=-date', async () => {
    const all = sim.store.activities()
    const up = await walk<ActivityWire>(sim, '/v1/activities?per_page=50')
    expect(up.items.map((a) => a.uuid)).toEqual(all.map((a) => a.uuid))
    for (const p of up.pages.slice(1))
      expect(Object.keys(p)).toEqual(['entries', 'has_more', 'cursor'])
    const down = await walk<ActivityWire>(sim, '/v1/activities?per_page=50&order=-date')
    expect(down.items.map((a) => a.uuid)).toEqual(all.map((a) => a.uuid).reverse())
  })

  it('filters activities by inclusive start-date/end-date and type while paging', async () => {
    const all = sim.store.activities()
    const from = (all[Math.floor(all.length / 4)] as ActivityWire).date
    const to = (all[Math.floor((all.length * 3) / 4)] as ActivityWire).date
    const expected = all.filter(
      (a) =>
        a.type === 'expansion' &&
        Date.parse(a.date) >= Date.parse(from) &&
        Date.parse(a.date) <= Date.parse(to)
    )
    expect(expected.length).toBeGreaterThan(3)
    const q = `start-date=${encodeURIComponent(from)}&end-date=${encodeURIComponent(to)}&type=expansion`
    const up = await walk<ActivityWire>(sim, `/v1/activities?per_page=3&${q}`)
    expect(up.items.map((a) => a.uuid)).toEqual(expected.map((a) => a.uuid))
    const down = await walk<ActivityWire>(sim, `/v1/activities?per_page=3&order=-date&${q}`)
    expect(down.items.map((a) => a.uuid)).toEqual(expected.map((a) => a.uuid).reverse())
    // A date without time means midnight UTC.
    const day = from.slice(0, 10)
    const fromDay = (await get(sim, `/v1/activities?start-date=${day}`)).json<
      Envelope<ActivityWire>
    >()
    expect(fromDay.entries?.[0]?.uuid).toBe(all.find((a) => a.date.slice(0, 10) >= day)?.uuid)
  })

  it('accepts the legacy per-page and start-after spellings on activities', async () => {
    const all = sim.store.activities()
    const first = (await get(sim, '/v1/activities?per-page=2')).json<Envelope<ActivityWire>>()
    expect(first.entries?.map((a) => a.uuid)).toEqual(all.slice(0, 2).map((a) => a.uuid))
    const next = (await get(sim, `/v1/activities?per-page=2&start-after=${first.cursor}`)).json<
      Envelope<ActivityWire>
    >()
    expect(next.entries?.map((a) => a.uuid)).toEqual(all.slice(2, 4).map((a) => a.uuid))
  })

  it('keeps customer walks exact while customers are added and deleted between pages', async () => {
    const initial = sim.store.customers().map((c) => c.uuid)
    const deletedUnseen: string[] = []
    const added: string[] = []
    const { items } = await walk<CustomerWire>(sim, '/v1/customers?per_page=20', (page, seen) => {
      const seenSet = new Set(seen.map((c) => c.uuid))
      const unseen = sim.store.customers().filter((c) => !seenSet.has(c.uuid))
      // Delete one customer already returned and one not yet reached; add one (sorts last).
      sim.store.outOfBand.deleteCustomer(seen[0]?.uuid ?? '')
      const victim = unseen[3]
      if (victim) {
        sim.store.outOfBand.deleteCustomer(victim.uuid)
        deletedUnseen.push(victim.uuid)
      }
      if (page < 4) added.push(sim.store.outOfBand.addCustomer({ name: `Late ${page}` }).uuid)
    })
    const uuids = items.map((c) => c.uuid)
    expectUnique(uuids)
    const survivors = initial.filter((u) => !deletedUnseen.includes(u))
    expect(new Set(uuids)).toEqual(new Set([...survivors, ...added]))
  })

  it('keeps activity walks exact while activities are inserted and customers deleted', async () => {
    const initial = sim.store.activities().map((a) => a.uuid)
    const removed = new Set<string>()
    const future: string[] = []
    const payers = sim.store.customers().filter((c) => c.mrr > 0)
    const { items } = await walk<ActivityWire>(sim, '/v1/activities?per_page=40', (page, seen) => {
      const seenSet = new Set(seen.map((a) => a.uuid))
      // A customer whose history has not been reached yet disappears with its activities.
      const victim = payers.find(
        (c) =>
          sim.store.activities().some((a) => a['customer-uuid'] === c.uuid) &&
          sim.store.activities().every((a) => a['customer-uuid'] !== c.uuid || !seenSet.has(a.uuid))
      )
      if (victim) {
        for (const a of sim.store.activities())
          if (a['customer-uuid'] === victim.uuid) removed.add(a.uuid)
        sim.store.outOfBand.deleteCustomer(victim.uuid)
        payers.splice(payers.indexOf(victim), 1)
      }
      // New activities land after everything (today), so the walk must pick them up.
      if (page < 3) {
        const customer = payers[page] as CustomerWire
        const [added] = sim.store.outOfBand.addActivities(customer.uuid, [{ type: 'expansion' }])
        if (added) future.push(added.uuid)
      }
    })
    const uuids = items.map((a) => a.uuid)
    expectUnique(uuids)
    expect(removed.size).toBeGreaterThan(0)
    const survivors = initial.filter((u) => !removed.has(u))
    expect(new Set(uuids)).toEqual(new Set([...survivors, ...future]))
  })

  it('keeps opportunity walks exact while deals are created, edited and deleted', async () => {
    const initial = sim.store.opportunities().map((o) => o.uuid)
    const deletedUnseen: string[] = []
    const customer = sim.store.customers()[0] as CustomerWire
    const { items } = await walk<OpportunityWire>(
      sim,
      '/v1/opportunities?per_page=15',
      (_p, seen) => {
        const seenSet = new Set(seen.map((o) => o.uuid))
        const unseen = sim.store.opportunities().filter((o) => !seenSet.has(o.uuid))
        // A newer deal sorts before the cursor: not part of this walk, and no shift either.
        sim.store.outOfBand.addOpportunity({ customer_uuid: customer.uuid })
        const edited = unseen[0]
        if (edited) sim.store.outOfBand.editOpportunity(edited.uuid, { amount_in_cents: 1 })
        const victim = unseen[2]
        if (victim) {
          sim.store.outOfBand.deleteOpportunity(victim.uuid)
          deletedUnseen.push(victim.uuid)
        }
      }
    )
    const uuids = items.map((o) => o.uuid)
    expectUnique(uuids)
    expect(new Set(uuids)).toEqual(new Set(initial.filter((u) => !deletedUnseen.includes(u))))
  })

  it('defaults per_page to 200 and clamps larger values to 200', async () => {
    const big = await startSmall({ data: { seed: 2, customers: 450, opportunities: 10 } })
    try {
      const byDefault = (await get(big, '/v1/customers')).json<Envelope<CustomerWire>>()
      expect(byDefault.entries).toHaveLength(200)
      expect(byDefault.per_page).toBe(200)
      expect(byDefault.total_pages).toBe(3)
      const clamped = (await get(big, '/v1/customers?per_page=1000')).json<Envelope<CustomerWire>>()
      expect(clamped.entries).toHaveLength(200)
      expect(clamped.per_page).toBe(200)
      const acts = (await get(big, '/v1/activities?per_page=999')).json<Envelope<ActivityWire>>()
      expect(acts.entries).toHaveLength(200)
      expect(acts.per_page).toBe(200)
    } finally {
      await big.close()
    }
  })

  it('rejects unusable per_page values and cursors with the 400 envelope', async () => {
    for (const path of [
      '/v1/customers?per_page=0',
      '/v1/plans?per_page=abc',
      '/v1/activities?per_page=-3'
    ]) {
      const res = await get(sim, path)
      expect(res.status, path).toBe(400)
      expect(res.json()).toMatchObject({ code: 400, param: expect.stringMatching(/per.page/) })
    }
    for (const path of [
      '/v1/customers?cursor=not-base64!',
      '/v1/opportunities?cursor=' + Buffer.from('garbage').toString('base64'),
      '/v1/activities?cursor=00000000-0000-4000-8000-000000000000'
    ]) {
      const res = await get(sim, path)
      expect(res.status, path).toBe(400)
      expect(res.json()).toEqual({
        code: 400,
        message: 'Parameter "cursor" is invalid',
        param: 'cursor'
      })
    }
  })

  it('returns an empty later page with has_more false when the rest was deleted', async () => {
    const first = (await get(sim, '/v1/opportunities?per_page=89')).json<
      Envelope<OpportunityWire>
    >()
    const rest = sim.store.opportunities().slice(89)
    for (const o of rest) sim.store.outOfBand.deleteOpportunity(o.uuid)
    const res = await call(
      sim,
      'GET',
      `/v1/opportunities?per_page=89&cursor=${encodeURIComponent(first.cursor ?? '')}`
    )
    expect(res.json()).toEqual({ entries: [], cursor: first.cursor, has_more: false })
  })
})
