/**
 * The outbox against the ChartMogul simulator over real loopback HTTP: 500 seeded random
 * creates, edits and deletes, pushed while at least 15 % of requests fail (measured: 429, 5xx,
 * resets, writes applied and then answered with an error), with random aborts mid-push and
 * "crashes" after ChartMogul answered but before the cache recorded it. Then the faults stop and
 * the outbox is pushed until empty: the server must hold exactly what the user intended — no
 * opportunity twice, no edit lost — checked against its final state and its mutation log.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createChartMogulClient, mapOpportunity } from '../../../src/main/chartmogul'
import { startSimulator, type RunningSimulator } from '../../../src/main/simulator'
import type { WorkspaceCache } from '../../../src/renderer/src/cache'
import {
  createOpportunity,
  createOutboxPusher,
  deleteOpportunity,
  editOpportunity,
  listOutboxEntries,
  type OpportunityWrites
} from '../../../src/renderer/src/outbox'
import type { Opportunity, OpportunityPatch } from '../../../src/shared/domain'
import { unlimited } from '../sync/support/simulatorSource'
import { clientWrites, openCache, seedRow } from './support'
import { seededRandom } from '../sync/support/random'

let sim: RunningSimulator

beforeAll(async () => {
  sim = await startSimulator({
    data: { seed: 21, customers: 40 },
    rateLimit: false,
    maxConcurrent: false,
    onError: () => undefined
  })
})
afterAll(async () => {
  await sim.close()
})

const EDITABLE = ['amountCents', 'winLikelihood', 'estimatedCloseDate'] as const
const WIRE_FIELD = {
  amountCents: 'amount_in_cents',
  winLikelihood: 'win_likelihood',
  estimatedCloseDate: 'estimated_close_date'
} as const
const OPERATIONS = 500
/** Share of requests that must fail while the changes are pushed. */
const MIN_FAULT_FRACTION = 0.15

interface Intended {
  /** Server uuid for opportunities that existed before; a custom ref for ones we create. */
  uuid: string | null
  ref: string | null
  customerUuid: string
  fields: Record<string, unknown>
  alive: boolean
}

/** Writes that sometimes "crash" after ChartMogul answered, before the outbox records it. */
function crashing(
  writes: OpportunityWrites,
  random: () => number,
  rate: number
): OpportunityWrites {
  const crash = () => {
    if (random() < rate) throw Object.assign(new Error('The app went away.'), { kind: 'Cancelled' })
  }
  return {
    async create(d, o) {
      const r = await writes.create(d, o)
      crash()
      return r
    },
    async update(u, p, o) {
      const r = await writes.update(u, p, o)
      crash()
      return r
    },
    async delete(u, o) {
      await writes.delete(u, o)
      crash()
    },
    get: (u, o) => writes.get(u, o),
    listForCustomer: (c, o) => writes.listForCustomer(c, o)
  }
}

async function localUuidOf(db: WorkspaceCache, item: Intended): Promise<string | undefined> {
  if (item.uuid !== null) return item.uuid
  const rows = await db.opportunities.filter((o) => o.custom['ref'] === item.ref).toArray()
  return rows[0]?.uuid
}

test(
  'random changes under faults and aborts converge to exactly the intended server state',
  { timeout: 60_000 },
  async () => {
    const random = seededRandom(Number(process.env['OUTBOX_SEED'] ?? 4242))
    const db = await openCache()
    const client = createChartMogulClient({
      apiKey: sim.apiKey,
      baseUrl: sim.url,
      timeoutMs: 2_000,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5, maxElapsedMs: 2_000 },
      limiter: unlimited
    })
    const writes = crashing(clientWrites(client), random, 0.05)
    const pusher = createOutboxPusher({ db, writes, concurrency: 3 })

    // The cache starts as a pull would leave it, for a handful of customers.
    const customers = sim.store
      .customers()
      .slice(0, 8)
      .map((c) => c.uuid)
    const owner = sim.store.opportunities()[0]?.owner
    if (owner === undefined || owner === null) throw new Error('dataset has no opportunity owner')
    const model: Intended[] = []
    const seeded = new Map<string, Record<string, unknown>>()
    for (const wire of sim.store.opportunities()) {
      if (!customers.includes(wire.customer_uuid)) continue
      const opportunity: Opportunity = mapOpportunity(wire)
      await seedRow(db, opportunity)
      seeded.set(opportunity.uuid, Object.fromEntries(EDITABLE.map((f) => [f, opportunity[f]])))
      model.push({
        uuid: opportunity.uuid,
        ref: null,
        customerUuid: opportunity.customerUuid,
        fields: Object.fromEntries(EDITABLE.map((f) => [f, opportunity[f]])),
        alive: true
      })
    }
    const before = new Set(sim.store.opportunities().map((o) => o.uuid))

    sim.resetStats()
    sim.setFaults({
      rate429: 0.04,
      rate5xxJson: 0.04,
      rate5xxText: 0.04,
      rateReset: 0.04,
      applyThenFail: 0.1,
      seed: Number(process.env['OUTBOX_SEED'] ?? 99)
    })
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
    let created = 0
    let reconciled = 0
    for (let op = 0; op < OPERATIONS; op++) {
      const roll = random()
      const alive = model.filter((m) => m.alive)
      if (roll < 0.3 || alive.length === 0) {
        const ref = `m-${created++}`
        const customerUuid = pick(customers)
        const fields = {
          amountCents: Math.floor(random() * 1_000_000),
          winLikelihood: Math.floor(random() * 101),
          estimatedCloseDate: `2031-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`
        }
        await createOpportunity(db, {
          customerUuid,
          owner,
          pipeline: 'New Business',
          pipelineStage: random() < 0.5 ? 'Discovery' : 'Evaluation',
          currency: 'USD',
          custom: { ref },
          ...fields
        })
        model.push({ uuid: null, ref, customerUuid, fields, alive: true })
      } else if (roll < 0.85) {
        const item = pick(alive)
        const patch: OpportunityPatch = {}
        if (random() < 0.6) patch.amountCents = Math.floor(random() * 1_000_000)
        if (random() < 0.4) patch.winLikelihood = Math.floor(random() * 101)
        if (random() < 0.3 || Object.keys(patch).length === 0) {
          patch.estimatedCloseDate = `2032-0${1 + Math.floor(random() * 9)}-2${Math.floor(random() * 8)}`
        }
        const uuid = await localUuidOf(db, item)
        if (uuid === undefined) throw new Error(`lost track of ${item.ref ?? item.uuid}`)
        await editOpportunity(db, uuid, patch)
        Object.assign(item.fields, patch)
      } else {
        const item = pick(alive)
        const uuid = await localUuidOf(db, item)
        if (uuid === undefined) throw new Error(`lost track of ${item.ref ?? item.uuid}`)
        await deleteOpportunity(db, uuid)
        item.alive = false
      }
      if (op % 10 === 9) {
        const controller = new AbortController()
        if (random() < 0.3) setTimeout(() => controller.abort(), Math.floor(random() * 30))
        const summary = await pusher.pushAll({ signal: controller.signal, ignoreBackoff: true })
        reconciled += summary.reconciled
      }
    }

    // The faults actually injected while pushing, over every request that arrived meanwhile.
    const faulted = sim.stats
    sim.clearFaults()
    // (A write applied and then answered with a reset counts under `reset` too: count it once.)
    const { applyThenFail, ...failures } = faulted.faults
    const injected = Object.values(failures).reduce((a, b) => a + b, 0)
    expect(applyThenFail).toBeGreaterThan(0)
    expect(failures.reset).toBeGreaterThanOrEqual(applyThenFail)
    expect(faulted.requests).toBeGreaterThan(500)
    expect(injected / faulted.requests).toBeGreaterThanOrEqual(MIN_FAULT_FRACTION)
    let rounds = 0
    for (; rounds < 30; rounds++) {
      const summary = await pusher.pushAll({ ignoreBackoff: true })
      expect(summary.failed + summary.conflicts).toBe(0)
      if (summary.remaining === 0) break
    }
    expect(await listOutboxEntries(db)).toEqual([])
    expect(sim.stats.faults.applyThenFail).toBeGreaterThan(0)
    expect(reconciled).toBeGreaterThan(0) // lost creates were found rather than sent again

    // The server holds exactly the intended opportunities: none lost, none twice, every edit.
    const onServer = sim.store.opportunities().map(mapOpportunity)
    for (const item of model) {
      const matches = onServer.filter((o) =>
        item.uuid !== null ? o.uuid === item.uuid : o.custom['ref'] === item.ref
      )
      expect(matches, item.ref ?? item.uuid ?? '').toHaveLength(item.alive ? 1 : 0)
      const [found] = matches
      if (found === undefined) continue
      for (const field of EDITABLE)
        expect(found[field], `${field} of ${found.uuid}`).toEqual(item.fields[field])
      const cached = await db.opportunities.get(found.uuid)
      expect(cached?._dirty).toBe(0)
      for (const field of EDITABLE) expect(cached?.[field]).toEqual(item.fields[field])
    }
    const ours = onServer.filter((o) => customers.includes(o.customerUuid))
    expect(ours).toHaveLength(model.filter((m) => m.alive).length)
    expect(onServer.filter((o) => !before.has(o.uuid) && o.custom['ref'] === undefined)).toEqual([])
    // No local temporary id survives.
    expect((await db.opportunities.toArray()).filter((o) => o.uuid.startsWith('local_'))).toEqual(
      []
    )
    // Each applied create in the log made a distinct intended opportunity.
    const appliedCreates = sim.mutationLog.filter(
      (e) => e.entity === 'opportunity' && e.action === 'create' && e.applied && e.source === 'api'
    )
    expect(new Set(appliedCreates.map((e) => e.uuid)).size).toBe(appliedCreates.length)
    // (Request bodies carry `custom` as `[{ key, value }]`.)
    const refs = appliedCreates.map(
      (e) =>
        (e.body as { custom?: { key: string; value: unknown }[] }).custom?.find(
          (c) => c.key === 'ref'
        )?.value
    )
    expect(refs.every((ref) => typeof ref === 'string')).toBe(true)
    expect(new Set(refs).size).toBe(refs.length)
    expect(appliedCreates.length).toBeGreaterThan(100)

    // The mutation log alone tells the same story: replaying every applied API write over the
    // starting values gives exactly the intended opportunities, with every intended value.
    const replayed = new Map<string, Record<string, unknown>>(
      [...seeded].map(([uuid, fields]) => [uuid, { ...fields }])
    )
    const fieldsOf = (body: unknown): Record<string, unknown> => {
      const wire = body as Record<string, unknown>
      return Object.fromEntries(
        EDITABLE.filter((f) => wire[WIRE_FIELD[f]] !== undefined).map((f) => [
          f,
          wire[WIRE_FIELD[f]]
        ])
      )
    }
    for (const e of sim.mutationLog) {
      if (e.entity !== 'opportunity' || e.source !== 'api' || !e.applied || e.uuid === null) {
        continue
      }
      if (e.action === 'create') replayed.set(e.uuid, fieldsOf(e.body))
      else if (e.action === 'delete') replayed.delete(e.uuid)
      else {
        const current = replayed.get(e.uuid)
        expect(current, `update of ${e.uuid} after its delete`).toBeDefined()
        Object.assign(current ?? {}, fieldsOf(e.body))
      }
    }
    const intendedAlive = new Map<string, Record<string, unknown>>()
    for (const item of model.filter((m) => m.alive)) {
      const uuid =
        item.uuid ?? onServer.find((o) => o.custom['ref'] === item.ref)?.uuid ?? `? ${item.ref}`
      intendedAlive.set(uuid, item.fields)
    }
    expect(Object.fromEntries(replayed)).toEqual(Object.fromEntries(intendedAlive))
  }
)
