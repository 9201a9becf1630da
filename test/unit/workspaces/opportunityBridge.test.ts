/**
 * Opportunity writes through the bridge, against the simulator over HTTP: the statuses and
 * bodies ChartMogul uses, typed errors, and a create whose answer is lost reported as
 * `outcome_unknown` without a second POST.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/dispatcher'
import { startSimulator, type RunningSimulator } from '../../../src/main/simulator'
import type { Opportunity } from '../../../src/shared/domain'
import { testServices } from '../support/testServices'

let simulator: RunningSimulator
let dispatch: Dispatch
const workspaceId = 'acme-ffffff'

beforeAll(async () => {
  simulator = await startSimulator({ apiKey: 'key-1', data: { seed: 9, customers: 30 } })
  const services = testServices()
  await services.workspaces.put({
    id: workspaceId,
    name: 'Acme',
    kind: 'chartmogul',
    baseUrl: simulator.url,
    requestsPerSecond: 20,
    syncIntervalMinutes: 15,
    createdAt: new Date(0).toISOString()
  })
  await services.vault.save(workspaceId, 'key-1')
  dispatch = createDispatcher(createBridgeHandlers(services))
})
afterAll(() => simulator.close())

function draft(customerUuid: string) {
  return {
    customerUuid,
    owner: 'sam@example.com',
    pipeline: 'New Business',
    pipelineStage: 'Discovery',
    estimatedCloseDate: '2027-03-30',
    currency: 'USD',
    amountCents: 1_234_56,
    forecastCategory: 'pipeline' as const,
    custom: { seats: 3 }
  }
}

async function ok<T>(request: unknown): Promise<T> {
  const result = await dispatch(request)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

describe('opportunity writes through the bridge', () => {
  it('creates, reads, updates, lists and deletes', async () => {
    const customer = simulator.store.customers()[0]!
    const created = await ok<Opportunity>({
      method: 'createOpportunity',
      args: { workspaceId, draft: draft(customer.uuid) }
    })
    expect(created).toMatchObject({
      customerUuid: customer.uuid,
      amountCents: 123456,
      custom: { seats: 3 }
    })
    expect(
      await ok({ method: 'getOpportunity', args: { workspaceId, uuid: created.uuid } })
    ).toEqual(created)

    const updated = await ok<Opportunity>({
      method: 'updateOpportunity',
      args: { workspaceId, uuid: created.uuid, patch: { pipelineStage: 'Evaluation' } }
    })
    expect(updated.pipelineStage).toBe('Evaluation')
    const listed = await ok<Opportunity[]>({
      method: 'listCustomerOpportunities',
      args: { workspaceId, customerUuid: customer.uuid }
    })
    expect(listed.map((o) => o.uuid)).toContain(created.uuid)

    expect(
      await ok({ method: 'deleteOpportunity', args: { workspaceId, uuid: created.uuid } })
    ).toEqual({ deleted: true })
    expect(
      await ok({ method: 'getOpportunity', args: { workspaceId, uuid: created.uuid } })
    ).toBeNull()
  })

  it('refuses an invalid draft with per-field messages before calling ChartMogul', async () => {
    const before = simulator.stats.requests
    const result = await dispatch({
      method: 'createOpportunity',
      args: { workspaceId, draft: { ...draft('cus_x'), amountCents: -5, currency: 'dollars' } }
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    if (result.ok) return
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual([
      'draft.amountCents',
      'draft.currency'
    ])
    expect(simulator.stats.requests).toBe(before)
  })

  it('reports a server-side rejection as a validation error', async () => {
    const result = await dispatch({
      method: 'createOpportunity',
      args: { workspaceId, draft: draft('cus_does-not-exist') }
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('says outcome_unknown when the answer to a create is lost, having sent it once', async () => {
    const customer = simulator.store.customers()[1]!
    const creates = (): number => simulator.mutationLog.filter((m) => m.action === 'create').length
    const before = creates()
    simulator.setFaults({ applyThenFail: 1, seed: 1 })
    try {
      const result = await dispatch({
        method: 'createOpportunity',
        args: { workspaceId, draft: draft(customer.uuid) }
      })
      expect(result).toMatchObject({ ok: false, error: { code: 'outcome_unknown' } })
    } finally {
      simulator.clearFaults()
    }
    expect(creates()).toBe(before + 1)
    const listed = await ok<Opportunity[]>({
      method: 'listCustomerOpportunities',
      args: { workspaceId, customerUuid: customer.uuid }
    })
    expect(
      listed.filter((o) => o.amountCents === 123456 && o.owner === 'sam@example.com')
    ).toHaveLength(1)
  })
})

describe('a create repeated by the page (reload, its own timeout)', () => {
  const createsFor = (customerUuid: string): number =>
    simulator.mutationLog.filter(
      (m) =>
        m.action === 'create' &&
        m.applied &&
        (m.body as { customer_uuid?: string } | null)?.customer_uuid === customerUuid
    ).length

  it('joins the send still in flight, then answers repeats with the same deal', async () => {
    const customer = simulator.store.customers()[2]!
    const release = simulator.holdRequests()
    const request = {
      method: 'createOpportunity',
      args: { workspaceId, draft: draft(customer.uuid), clientRef: 'local_ref-1' }
    }
    // The first send waits at the server; the page asks again meanwhile (as after a reload).
    const first = dispatch(request)
    const second = dispatch(request)
    await new Promise((r) => setTimeout(r, 50))
    release()
    const [a, b] = await Promise.all([first, second])
    expect(a.ok && b.ok).toBe(true)
    if (!a.ok || !b.ok) return
    expect((b.value as Opportunity).uuid).toBe((a.value as Opportunity).uuid)
    const again = await ok<Opportunity>(request)
    expect(again.uuid).toBe((a.value as Opportunity).uuid)
    expect(createsFor(customer.uuid)).toBe(1)
  })

  it('sends creates with different references, or none, separately', async () => {
    const customer = simulator.store.customers()[3]!
    const send = (clientRef?: string) =>
      ok<Opportunity>({
        method: 'createOpportunity',
        args: { workspaceId, draft: draft(customer.uuid), ...(clientRef ? { clientRef } : {}) }
      })
    const [x, y, z] = [await send('local_ref-2'), await send('local_ref-3'), await send()]
    expect(new Set([x.uuid, y.uuid, z.uuid]).size).toBe(3)
    expect(createsFor(customer.uuid)).toBe(3)
  })

  it('tries a failed send again (nothing is remembered from a failure)', async () => {
    const customer = simulator.store.customers()[4]!
    const request = {
      method: 'createOpportunity',
      args: { workspaceId, draft: draft(customer.uuid), clientRef: 'local_ref-4' }
    }
    simulator.setFaults({ rate5xxJson: 1, seed: 3 })
    let failed
    try {
      failed = await dispatch(request)
    } finally {
      simulator.clearFaults()
    }
    expect(failed.ok).toBe(false)
    const created = await ok<Opportunity>(request)
    expect(created.customerUuid).toBe(customer.uuid)
  })
})

describe('account through the bridge', () => {
  it("answers the simulator's account, whose currency a new deal defaults to", async () => {
    const account = await ok<{ currency: string; name: string }>({
      method: 'getAccount',
      args: { workspaceId }
    })
    expect(account.currency).toBe(simulator.store.account.currency)
    expect(account.name).toBe(simulator.store.account.name)
  })

  it('refuses a malformed workspace id before any request', async () => {
    const result = await dispatch({ method: 'getAccount', args: { workspaceId: 'Not Valid!' } })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid_argument')
  })
})
