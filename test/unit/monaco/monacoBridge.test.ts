/**
 * A Monaco workspace through the real dispatcher and handlers, against the Monaco simulator
 * over loopback HTTP: keyset steps, bounds and lookups; idempotent creates; PATCH updates; the
 * generic deal reads and delete routed to Monaco; cancellation. Every request main sends is
 * checked against Monaco's OpenAPI on the way out.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import type { FetchLike } from '../../../src/main/chartmogul'
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/dispatcher'
import {
  startMonacoSimulator,
  type RunningMonacoSimulator
} from '../../../src/main/monacoSimulator'
import type { Account, Opportunity } from '../../../src/shared/domain'
import type { MonacoAccount } from '../../../src/shared/domain/monaco'
import type { MonacoBounds, MonacoLookups, MonacoStep } from '../../../src/shared/sync/monacoSource'
import type { Workspace } from '../../../src/shared/workspace/workspace'
import { requestProblems } from '../support/monacoOpenApi'
import { testServices, type TestServices } from '../support/testServices'

const KEY = 'mks_bridge_test_7c1d'
const WORKSPACE: Workspace = {
  id: 'globex',
  name: 'Globex',
  kind: 'chartmogul',
  provider: 'monaco',
  baseUrl: 'http://127.0.0.1:1',
  requestsPerSecond: 20,
  syncIntervalMinutes: 15,
  createdAt: new Date(0).toISOString()
}

let sim: RunningMonacoSimulator
let services: TestServices
let dispatch: Dispatch
/** Problems found in the requests main sent, checked against the OpenAPI. */
const problems: string[] = []
let checked = 0
/** How often main read the opportunity field schema (for stage labels → keys). */
let schemaReads = 0

/** The real fetch, with every request body checked against Monaco's published schemas. */
const checkingFetch: FetchLike = async (url, init) => {
  const { pathname } = new URL(url)
  const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined
  checked++
  if (pathname === '/v1/schemas/opportunities') schemaReads++
  problems.push(
    ...requestProblems(init.method ?? 'GET', pathname, body).map(
      (p) => `${init.method} ${pathname}: ${p}`
    )
  )
  return fetch(url, init)
}

beforeAll(async () => {
  sim = await startMonacoSimulator({
    apiKey: KEY,
    data: { seed: 42, accounts: 40 },
    rateLimit: false
  })
  services = testServices({ fetch: checkingFetch })
  await services.workspaces.put({ ...WORKSPACE, baseUrl: sim.url })
  await services.vault.save(WORKSPACE.id, KEY)
  dispatch = createDispatcher(createBridgeHandlers(services))
})
afterAll(() => sim.close())

async function ok<T>(method: string, args: Record<string, unknown>): Promise<T> {
  const result = await dispatch({ method, args: { workspaceId: WORKSPACE.id, ...args } })
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

const account = () => sim.store.all('accounts')[0]!
const tags = () => sim.store.tags('opportunities')
const createsIn = (log: RunningMonacoSimulator['mutationLog']) =>
  log.filter((entry) => entry.action === 'create' && entry.applied)

describe('Monaco listings through the bridge', () => {
  it('reads the lookups, the bounds and every account in keyset steps', async () => {
    const lookups = await ok<MonacoLookups>('monacoLookups', { requestId: 'l1' })
    expect(lookups.users.map((u) => u.id).sort()).toEqual(
      sim.store
        .users()
        .map((u) => u.id)
        .sort()
    )
    expect(lookups.tags.map((t) => t.id).sort()).toEqual(
      tags()
        .map((t) => t.id)
        .sort()
    )
    expect(lookups.opportunitySchema.stages?.length).toBeGreaterThan(1)

    const bounds = await ok<MonacoBounds>('monacoListBounds', {
      requestId: 'b1',
      entity: 'accounts'
    })
    expect(bounds.totalCount).toBe(sim.store.count('accounts'))
    expect(bounds.oldestCreatedAt! <= bounds.newestCreatedAt!).toBe(true)
    // The drift check after a full pass asks for the count alone: one request.
    const count = await ok<MonacoBounds>('monacoListBounds', {
      requestId: 'b2',
      entity: 'accounts',
      countOnly: true
    })
    expect(count).toMatchObject({ totalCount: sim.store.count('accounts'), requests: 1 })

    const seen = new Set<string>()
    let position: MonacoStep<MonacoAccount>['position'] | undefined
    for (let steps = 0; steps < 20; steps++) {
      const step: MonacoStep<MonacoAccount> = await ok('monacoListStep', {
        requestId: 's1',
        entity: 'accounts',
        pageSize: 15,
        ...(position ? { position } : {})
      })
      for (const item of step.items) seen.add(item.id)
      position = step.position
      if (step.done) break
    }
    expect([...seen].sort()).toEqual(
      sim.store
        .all('accounts')
        .map((a) => a.id)
        .sort()
    )
  })

  it('lists deals with their stage as a key of the field schema', async () => {
    const lookups = await ok<MonacoLookups>('monacoLookups', { requestId: 'l2' })
    const keys = new Set(lookups.opportunitySchema.stages?.map((s) => s.key))
    const step: MonacoStep<Opportunity> = await ok('monacoListStep', {
      requestId: 's2',
      entity: 'opportunities'
    })
    expect(step.done).toBe(true)
    expect(step.items).toHaveLength(sim.store.count('opportunities'))
    // The simulator answers labels ("Closed Won"); the cache gets keys.
    for (const deal of step.items) expect(keys.has(deal.pipelineStage)).toBe(true)
  })
})

describe('Monaco deal writes through the bridge', () => {
  it('creates once however often the same idempotency key is sent', async () => {
    const before = createsIn(sim.mutationLog).length
    const idempotencyKey = randomUUID()
    const draft = {
      customerUuid: account().id,
      name: 'Globex — Enterprise',
      pipelineStage: 'negotiation',
      currency: 'USD',
      amountCents: 1_250_000,
      tagIds: [tags()[0]!.id]
    }
    const first = await ok<Opportunity>('monacoCreateOpportunity', { draft, idempotencyKey })
    const again = await ok<Opportunity>('monacoCreateOpportunity', { draft, idempotencyKey })
    expect(again).toEqual(first)
    expect(first).toMatchObject({
      customerUuid: account().id,
      name: 'Globex — Enterprise',
      pipelineStage: 'negotiation',
      currency: 'USD',
      amountCents: 1_250_000,
      tags: [tags()[0]!.name]
    })
    expect(createsIn(sim.mutationLog).length - before).toBe(1)
    expect(sim.store.all('opportunities').filter((o) => o.id === first.uuid)).toHaveLength(1)
  })

  it('updates with PATCH: a tag list replaces the tags, a currency keeps the amount', async () => {
    const created = await ok<Opportunity>('monacoCreateOpportunity', {
      draft: {
        customerUuid: account().id,
        name: 'Tags deal',
        currency: 'USD',
        amountCents: 500_000,
        tagIds: [tags()[0]!.id, tags()[1]!.id]
      },
      idempotencyKey: randomUUID()
    })
    expect(created.tags).toHaveLength(2)

    const retagged = await ok<Opportunity>('monacoUpdateOpportunity', {
      uuid: created.uuid,
      patch: { tagIds: [tags()[2]!.id] }
    })
    expect(retagged.tags).toEqual([tags()[2]!.name])
    const patch = sim.mutationLog.at(-1)!
    expect(patch).toMatchObject({ action: 'update', method: 'PATCH', applied: true })
    expect(patch.body).toEqual({ tags: [tags()[2]!.id] })

    const euros = await ok<Opportunity>('monacoUpdateOpportunity', {
      uuid: created.uuid,
      patch: { currency: 'EUR' }
    })
    expect(euros).toMatchObject({ currency: 'EUR', amountCents: 500_000 })
    expect(sim.mutationLog.at(-1)!.body).toEqual({
      estimated_value: { currency_code: 'EUR', amount: 5_000 }
    })

    const bigger = await ok<Opportunity>('monacoUpdateOpportunity', {
      uuid: created.uuid,
      patch: { amountCents: 900_000 }
    })
    expect(bigger).toMatchObject({ currency: 'EUR', amountCents: 900_000 })
  })

  it('reads, lists by account and deletes through the generic deal methods', async () => {
    const created = await ok<Opportunity>('monacoCreateOpportunity', {
      draft: { customerUuid: account().id, name: 'To delete' },
      idempotencyKey: randomUUID()
    })
    expect(await ok('getOpportunity', { uuid: created.uuid })).toEqual(created)

    const listed = await ok<Opportunity[]>('listCustomerOpportunities', {
      customerUuid: account().id
    })
    const expected = sim.store
      .all('opportunities')
      .filter((o) => o.accountId === account().id)
      .map((o) => o.id)
      .sort()
    expect(listed.map((o) => o.uuid).sort()).toEqual(expected)
    expect(expected).toContain(created.uuid)

    expect(await ok('deleteOpportunity', { uuid: created.uuid })).toEqual({ deleted: true })
    expect(sim.mutationLog.at(-1)).toMatchObject({ action: 'delete', status: 204 })
    expect(await ok('getOpportunity', { uuid: created.uuid })).toBeNull()
    const again = await dispatch({
      method: 'deleteOpportunity',
      args: { workspaceId: WORKSPACE.id, uuid: created.uuid }
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } })
    if (!again.ok) expect(again.error.message).toContain('Monaco')
  })

  it('answers the organization as the account', async () => {
    expect(await ok<Account>('getAccount', {})).toEqual({
      name: sim.store.org.name,
      currency: null,
      timeZone: null,
      weekStartOn: null
    })
  })

  it('read the field schema only for the lookups: steps and writes reuse its stages', () => {
    // Two monacoLookups calls above; every step and write of the same client shared them.
    expect(schemaReads).toBe(2)
  })

  it('sent only requests Monaco’s OpenAPI describes', () => {
    expect(checked).toBeGreaterThan(10)
    expect(problems).toEqual([])
  })
})

describe('the workspace’s request budget', () => {
  it('is one limiter at 80 % of Monaco’s documented limits, kept across a new key', async () => {
    const client = await services.gateways.monacoClientFor(WORKSPACE.id)
    const { limiter } = client
    expect(limiter.stats().windows.map((w) => w.limit)).toEqual([80, 800])
    // Every request this workspace made so far (lists, lookups, writes) went through it.
    expect(limiter.stats().started).toBe(sim.stats.requests)

    await ok('saveKey', { apiKey: KEY })
    const rebuilt = await services.gateways.monacoClientFor(WORKSPACE.id)
    expect(rebuilt).not.toBe(client)
    expect(rebuilt.limiter).toBe(limiter)
  })
})

describe('cancelling a Monaco request', () => {
  it('cancelRequest aborts a monacoListStep in flight', async () => {
    const release = sim.holdRequests()
    const before = sim.stats.requests
    try {
      const step = dispatch({
        method: 'monacoListStep',
        args: { workspaceId: WORKSPACE.id, requestId: 'to-cancel', entity: 'contacts' }
      })
      await expect.poll(() => sim.stats.requests, { timeout: 5_000 }).toBeGreaterThan(before)
      expect(await dispatch({ method: 'cancelRequest', args: { requestId: 'to-cancel' } })).toEqual(
        { ok: true, value: { cancelled: true } }
      )
      const result = await step
      expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    } finally {
      release()
    }
  })
})

describe('a workspace asked for the other provider’s call', () => {
  it('is a typed refusal, and nothing is sent', async () => {
    const before = sim.stats.requests
    const page = await dispatch({
      method: 'fetchPage',
      args: { workspaceId: WORKSPACE.id, requestId: 'p', resource: 'plans', query: {} }
    })
    expect(page).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', issues: [{ path: 'workspaceId' }] }
    })
    if (!page.ok) expect(page.error.message).toContain('is a Monaco workspace')

    await services.workspaces.put({ ...WORKSPACE, id: 'acme', provider: 'chartmogul' })
    await services.vault.save('acme', 'cm_key_1234')
    const step = await dispatch({
      method: 'monacoListStep',
      args: { workspaceId: 'acme', requestId: 'x', entity: 'accounts' }
    })
    expect(step).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    if (!step.ok) expect(step.error.message).toContain('is a ChartMogul workspace')
    expect(sim.stats.requests).toBe(before)
  })

  it('says to copy a broken stored key again from Monaco, not ChartMogul', async () => {
    await services.workspaces.put({ ...WORKSPACE, id: 'initech', baseUrl: sim.url })
    await services.vault.save('initech', 'mks_broken\u2013key')
    const result = await dispatch({
      method: 'monacoLookups',
      args: { workspaceId: 'initech', requestId: 'k' }
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'no_key' } })
    if (!result.ok) {
      expect(result.error.message).toContain('Copy it from Monaco again')
      expect(result.error.message).not.toContain('ChartMogul')
    }
  })
})
