/**
 * The outbox against the Monaco simulator over real loopback HTTP, through the real gateway
 * client: 300 seeded random creates, edits and deletes over several accounts (edits of deals
 * created in the same run, deletes of edited deals), pushed while at least 15 % of requests
 * fail — 429, 5xx, resets, truncated and malformed answers, and writes applied and then
 * answered with nothing — with random aborts mid-push and "crashes" after Monaco answered but
 * before the cache recorded it. Then the faults stop and the outbox is pushed until empty.
 * Judged from the simulator's mutation log and its final state: no deal created twice, no
 * edit lost, every entry done. A focused test shows one ambiguous create resent with its key,
 * and a resend refused with an error falling back to a search.
 */
import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  createMonacoClient,
  createMonacoRateLimiter,
  type MonacoClient,
  type MonacoRateLimiter
} from '../../../src/main/monaco'
import {
  createClientMonacoWrites,
  type MonacoDealWrites
} from '../../../src/main/monaco/monacoWrites'
import {
  startMonacoSimulator,
  type RunningMonacoSimulator
} from '../../../src/main/monacoSimulator'
import type { WorkspaceCache } from '../../../src/renderer/src/cache'
import {
  createOpportunity,
  createOutboxPusher,
  deleteOpportunity,
  editOpportunity,
  listOutboxEntries,
  type OpportunityWrites
} from '../../../src/renderer/src/outbox'
import type { MonacoDealDraft, MonacoDealPatch } from '../../../src/shared/domain'
import { seededRandom } from '../sync/support/random'
import { openCache, seedRow } from './support'

type Writes = OpportunityWrites<MonacoDealDraft, MonacoDealPatch>

const MONACO = { provider: 'monaco' } as const
const OPERATIONS = 300
const MIN_FAULT_FRACTION = 0.15
const STAGES = ['discovery', 'demo', 'proposal', 'negotiation'] as const

/** No client-side budget: the simulator's rate windows are off, and the test is about faults. */
function unlimitedLimiter(): MonacoRateLimiter {
  const stats = createMonacoRateLimiter()
  return {
    acquire: () => Promise.resolve(() => undefined),
    noteRateLimited: () => undefined,
    stats: () => stats.stats()
  }
}

function clientFor(sim: RunningMonacoSimulator): MonacoClient {
  return createMonacoClient({
    apiKey: sim.apiKey,
    baseUrl: sim.url,
    timeoutMs: 2_000,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5, maxElapsedMs: 2_000 },
    limiter: unlimitedLimiter()
  })
}

/** The adapter as the outbox takes it (checked by the compiler: same shape). */
function asOutboxWrites(writes: MonacoDealWrites): Writes {
  return writes
}

/** Writes that sometimes "crash" after Monaco answered, before the outbox records it. */
function crashing(writes: Writes, random: () => number, rate: number): Writes {
  const crash = () => {
    if (random() < rate) throw Object.assign(new Error('The app went away.'), { kind: 'Cancelled' })
  }
  return {
    createsAreIdempotent: writes.createsAreIdempotent,
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

interface Fields {
  amountCents: number
  currency: string
  pipelineStage: string
  estimatedCloseDate: string | null
  /** Tag ids, sorted. */
  tagIds: string[]
}

interface Intended {
  /** The server id of a deal that existed before; null for one this run creates. */
  uuid: string | null
  /** The name of a deal this run creates (unique): how it is found again. */
  ref: string | null
  accountId: string
  fields: Fields
  alive: boolean
}

let sim: RunningMonacoSimulator

beforeAll(async () => {
  sim = await startMonacoSimulator({
    data: { seed: 31, accounts: 40, contacts: 0, opportunities: 40, users: 4 },
    rateLimit: false,
    onError: () => undefined
  })
})
afterAll(async () => {
  await sim.close()
})

async function localUuidOf(db: WorkspaceCache, item: Intended): Promise<string | undefined> {
  if (item.uuid !== null) return item.uuid
  const rows = await db.opportunities.filter((o) => o.name === item.ref).toArray()
  return rows[0]?.uuid
}

/** A deal's fields as the simulator stores them (wire terms: whole USD, stage keys, tag ids). */
function storedFields(record: ReturnType<RunningMonacoSimulator['store']['all']>[number]) {
  const r = record as unknown as {
    stage: string | null
    estimatedCloseDate: string | null
    tagIds: string[]
    estimatedValue: { currencyCode: string | null; amount: number | null } | null
  }
  return {
    amount: r.estimatedValue?.amount ?? null,
    currency: r.estimatedValue?.currencyCode ?? null,
    stage: r.stage,
    estimatedCloseDate: r.estimatedCloseDate,
    tagIds: [...r.tagIds].sort()
  }
}

function wireOf(fields: Fields) {
  return {
    amount: fields.amountCents / 100,
    currency: fields.currency,
    stage: fields.pipelineStage,
    estimatedCloseDate: fields.estimatedCloseDate,
    tagIds: [...fields.tagIds].sort()
  }
}

describe('Monaco outbox over HTTP', () => {
  test(
    'random changes under faults and aborts converge to exactly the intended server state',
    { timeout: 120_000 },
    async () => {
      const random = seededRandom(Number(process.env['OUTBOX_SEED'] ?? 7331))
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
      const db = await openCache()
      const adapter = asOutboxWrites(createClientMonacoWrites(clientFor(sim)))
      const pusher = createOutboxPusher({
        db,
        writes: crashing(adapter, random, 0.05),
        provider: 'monaco',
        concurrency: 4
      })

      // The cache starts as a Monaco sync would leave it, for a handful of accounts.
      const tags = sim.store.tags('opportunities')
      await db.tags.bulkPut(tags.map((t) => ({ id: t.id, name: t.name, color: t.color })))
      const tagName = new Map(tags.map((t) => [t.id, t.name]))
      const tagId = new Map(tags.map((t) => [t.name, t.id]))
      const users = sim.store.users().map((u) => u.id)
      const accounts = sim.store
        .all('accounts')
        .slice(0, 8)
        .map((a) => a.id)
      const model: Intended[] = []
      const startingWire = new Map<string, ReturnType<typeof storedFields>>()
      for (const accountId of accounts) {
        for (const deal of await adapter.listForCustomer(accountId)) {
          await seedRow(db, deal)
          const record = sim.store.get('opportunities', deal.uuid)
          if (record !== undefined) startingWire.set(deal.uuid, storedFields(record))
          model.push({
            uuid: deal.uuid,
            ref: null,
            accountId,
            fields: {
              amountCents: deal.amountCents,
              currency: deal.currency,
              pipelineStage: deal.pipelineStage,
              estimatedCloseDate: deal.estimatedCloseDate,
              tagIds: (deal.tags ?? []).map((name) => tagId.get(name) ?? name).sort()
            },
            alive: true
          })
        }
      }
      expect(model.length).toBeGreaterThan(0)

      sim.resetStats()
      sim.setFaults({
        rate429: 0.03,
        rate5xxJson: 0.03,
        rate5xxText: 0.03,
        rateReset: 0.04,
        rateTruncated: 0.02,
        rateMalformed: 0.02,
        applyThenFail: 0.12,
        retryAfter: '0',
        seed: Number(process.env['OUTBOX_SEED'] ?? 77)
      })
      const someTags = () => tags.filter(() => random() < 0.3).map((t) => t.id)
      const amount = () => (1 + Math.floor(random() * 9_000)) * 100
      const closeDate = () => `2031-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`
      let created = 0
      let editsOfCreated = 0
      let deletesOfEdited = 0
      const edited = new Set<Intended>()
      for (let op = 0; op < OPERATIONS; op++) {
        const roll = random()
        const alive = model.filter((m) => m.alive)
        if (roll < 0.3 || alive.length === 0) {
          const ref = `Outbox deal ${created++}`
          const accountId = pick(accounts)
          const fields: Fields = {
            amountCents: amount(),
            currency: 'USD',
            pipelineStage: pick(STAGES),
            estimatedCloseDate: closeDate(),
            tagIds: someTags().sort()
          }
          await createOpportunity(
            db,
            {
              customerUuid: accountId,
              name: ref,
              owner: pick(users),
              pipelineStage: fields.pipelineStage,
              estimatedCloseDate: fields.estimatedCloseDate,
              currency: 'USD',
              amountCents: fields.amountCents,
              tagIds: fields.tagIds
            },
            MONACO
          )
          model.push({ uuid: null, ref, accountId, fields, alive: true })
        } else if (roll < 0.85) {
          const item = pick(alive)
          const patch: MonacoDealPatch = {}
          const next: Partial<Fields> = {}
          if (random() < 0.5) {
            next.amountCents = patch.amountCents = amount()
            next.currency = patch.currency = 'USD'
          }
          if (random() < 0.4) next.pipelineStage = patch.pipelineStage = pick(STAGES)
          if (random() < 0.3) patch.tagIds = next.tagIds = someTags().sort()
          if (random() < 0.3 || Object.keys(patch).length === 0) {
            next.estimatedCloseDate = patch.estimatedCloseDate = closeDate()
          }
          const uuid = await localUuidOf(db, item)
          if (uuid === undefined) throw new Error(`lost track of ${item.ref ?? item.uuid}`)
          await editOpportunity(db, uuid, patch, MONACO)
          Object.assign(item.fields, next)
          if (item.uuid === null) editsOfCreated++
          edited.add(item)
        } else {
          const item = pick(alive)
          const uuid = await localUuidOf(db, item)
          if (uuid === undefined) throw new Error(`lost track of ${item.ref ?? item.uuid}`)
          await deleteOpportunity(db, uuid, MONACO)
          item.alive = false
          if (edited.has(item)) deletesOfEdited++
        }
        if (op % 10 === 9) {
          const controller = new AbortController()
          if (random() < 0.3) setTimeout(() => controller.abort(), Math.floor(random() * 30))
          await pusher.pushAll({ signal: controller.signal, ignoreBackoff: true })
        }
      }
      expect(editsOfCreated).toBeGreaterThan(10)
      expect(deletesOfEdited).toBeGreaterThan(5)

      // The faults actually injected while pushing, over every request that arrived meanwhile.
      const faulted = sim.stats
      sim.clearFaults()
      // (A write applied and then cut off counts under `reset` too: count it once.)
      const { applyThenFail, ...failures } = faulted.faults
      const injected = Object.values(failures).reduce((a, b) => a + b, 0)
      expect(applyThenFail).toBeGreaterThan(0)
      expect(faulted.requests).toBeGreaterThan(300)
      expect(injected / faulted.requests).toBeGreaterThanOrEqual(MIN_FAULT_FRACTION)

      for (let round = 0; round < 30; round++) {
        const summary = await pusher.pushAll({ ignoreBackoff: true })
        expect(summary.failed + summary.conflicts).toBe(0)
        if (summary.remaining === 0) break
      }
      expect(await listOutboxEntries(db)).toEqual([])

      const log = sim.mutationLog.filter((e) => e.entity === 'opportunity' && e.source === 'api')
      const appliedCreates = log.filter((e) => e.action === 'create' && e.applied)
      const names = appliedCreates.map((e) => (e.body as { name?: unknown }).name)
      // No duplicate: every applied create is a different intended deal, made once.
      expect(new Set(names).size).toBe(names.length)
      expect(names.every((n) => typeof n === 'string' && n.startsWith('Outbox deal '))).toBe(true)
      expect(appliedCreates.length).toBeGreaterThan(50)
      // Ambiguous creates were resent with their key and answered from Monaco's memory.
      expect(
        log.filter((e) => e.action === 'create' && !e.applied && e.status === 200).length
      ).toBeGreaterThan(0)

      // The final server state is the intended one, deal by deal.
      const onServer = sim.store.all('opportunities')
      for (const item of model) {
        const matches = onServer.filter((o) =>
          item.uuid !== null ? o.id === item.uuid : o.name === item.ref
        )
        expect(matches, item.ref ?? item.uuid ?? '').toHaveLength(item.alive ? 1 : 0)
        const [found] = matches
        if (found === undefined) continue
        expect(storedFields(found), item.ref ?? item.uuid ?? '').toMatchObject(
          item.uuid !== null && !edited.has(item)
            ? startingWire.get(item.uuid)!
            : wireOf(item.fields)
        )
        const cached = await db.opportunities.get(found.id)
        expect(cached?._dirty).toBe(0)
        expect(cached?.amountCents).toBe(item.fields.amountCents)
        expect(cached?.pipelineStage).toBe(item.fields.pipelineStage)
        expect([...(cached?.tags ?? [])].sort()).toEqual(
          item.fields.tagIds.map((id) => tagName.get(id)).sort()
        )
      }
      const ours = onServer.filter((o) => accounts.includes(o.accountId))
      expect(ours).toHaveLength(model.filter((m) => m.alive).length)
      expect((await db.opportunities.toArray()).filter((o) => o.uuid.startsWith('local_'))).toEqual(
        []
      )

      // The mutation log alone tells the same story: replaying every applied API write over
      // the starting values gives exactly the intended deals, with every intended value.
      const replayed = new Map<string, Record<string, unknown>>(
        [...startingWire].map(([uuid, wire]) => [uuid, { ...wire }])
      )
      const fieldsOf = (body: unknown): Record<string, unknown> => {
        const wire = body as Record<string, unknown>
        const out: Record<string, unknown> = {}
        const value = wire['estimated_value'] as { amount: number; currency_code: string } | null
        if (value !== undefined && value !== null) {
          out['amount'] = value.amount
          out['currency'] = value.currency_code
        }
        if (wire['stage'] !== undefined) out['stage'] = wire['stage']
        if (wire['estimated_close_date'] !== undefined)
          out['estimatedCloseDate'] = wire['estimated_close_date']
        if (Array.isArray(wire['tags'])) out['tagIds'] = [...(wire['tags'] as string[])].sort()
        return out
      }
      for (const e of log) {
        if (!e.applied || e.uuid === null) continue
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
        const uuid = item.uuid ?? onServer.find((o) => o.name === item.ref)?.id ?? `? ${item.ref}`
        intendedAlive.set(
          uuid,
          item.uuid !== null && !edited.has(item) ? startingWire.get(uuid)! : wireOf(item.fields)
        )
      }
      expect(Object.fromEntries(replayed)).toEqual(Object.fromEntries(intendedAlive))
    }
  )
})

describe('one ambiguous create against the simulator', () => {
  async function queueOne(db: WorkspaceCache, name: string) {
    const accountId = sim.store.all('accounts')[20]!.id
    await createOpportunity(
      db,
      {
        customerUuid: accountId,
        name,
        pipelineStage: 'demo',
        currency: 'USD',
        amountCents: 4_200_00
      },
      MONACO
    )
    return accountId
  }
  const createsOf = (name: string) =>
    sim.mutationLog.filter(
      (e) => e.action === 'create' && (e.body as { name?: unknown }).name === name
    )

  test('is resent with the same key and Monaco makes one deal', async () => {
    const db = await openCache()
    const writes = asOutboxWrites(createClientMonacoWrites(clientFor(sim)))
    const pusher = createOutboxPusher({ db, writes, provider: 'monaco' })
    const name = 'Ambiguous once'
    await queueOne(db, name)
    // The create is applied, then the answer is lost (504 from a gateway).
    sim.setFaults({ applyThenFail: 1, applyThenFailMode: 'gateway_timeout', seed: 5 })
    const first = await pusher.pushAll()
    sim.clearFaults()
    expect(first).toMatchObject({ retryLater: 1, remaining: 1 })
    expect((await listOutboxEntries(db))[0]).toMatchObject({ outcomeUnknown: true })

    expect(await pusher.pushAll({ ignoreBackoff: true })).toMatchObject({
      replayed: 1,
      reconciled: 0,
      remaining: 0
    })
    const creates = createsOf(name)
    expect(creates.map((e) => [e.applied, e.status])).toEqual([
      [true, 200],
      [false, 200]
    ])
    const keys = creates.map((e) => (e.body as { idempotency_key?: unknown }).idempotency_key)
    expect(keys[1]).toBe(keys[0])
    expect(creates[1]?.uuid).toBe(creates[0]?.uuid)
    expect(sim.store.all('opportunities').filter((o) => o.name === name)).toHaveLength(1)
    expect(await db.opportunities.get(creates[0]!.uuid!)).toMatchObject({ name, _dirty: 0 })
  })

  test('a resend answered with an error falls back to a search and still ends with one deal', async () => {
    const db = await openCache()
    const real = asOutboxWrites(createClientMonacoWrites(clientFor(sim)))
    // The resend reaches Monaco with a body that differs from the first (as if the key's first
    // use were no longer the same request): Monaco refuses it, 422 idempotency_key_reused.
    let sends = 0
    const writes: Writes = {
      ...real,
      createsAreIdempotent: real.createsAreIdempotent,
      create: (draft, options) =>
        real.create(sends++ === 0 ? draft : { ...draft, estimatedCloseDate: null }, options)
    }
    const pusher = createOutboxPusher({ db, writes, provider: 'monaco' })
    const name = 'Ambiguous then refused'
    await queueOne(db, name)
    sim.setFaults({ applyThenFail: 1, applyThenFailMode: 'reset', seed: 6 })
    await pusher.pushAll()
    sim.clearFaults()

    const summary = await pusher.pushAll({ ignoreBackoff: true })
    expect(summary).toMatchObject({ reconciled: 1, failed: 0, remaining: 0 })
    const creates = createsOf(name)
    expect(creates.map((e) => [e.applied, e.status])).toEqual([
      [true, 200],
      [false, 422]
    ])
    expect(sim.store.all('opportunities').filter((o) => o.name === name)).toHaveLength(1)
    expect(await db.opportunities.get(creates[0]!.uuid!)).toMatchObject({ name, _dirty: 0 })
    expect((await db.opportunities.toArray()).some((o) => o.uuid.startsWith('local_'))).toBe(false)
  })
})
