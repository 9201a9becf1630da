/**
 * The sync engine's path into ChartMogul as the page sees it: bridge call → dispatcher →
 * workspace's client (key from the vault, shared limiter) → real HTTP → the simulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import { createDemoRuntime } from '../../../src/main/features/workspaces/demoRuntime'
import { startDemoSimulator } from '../../../src/main/features/workspaces/startDemoSimulator'
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/dispatcher'
import { startSimulator, type RunningSimulator } from '../../../src/main/simulator'
import type { Workspace } from '../../../src/shared/workspace/workspace'
import { testServices, type TestServices } from '../support/testServices'

let simulator: RunningSimulator
const demo = createDemoRuntime(startDemoSimulator)

beforeAll(async () => {
  simulator = await startSimulator({ apiKey: 'right-key', data: { seed: 7, customers: 250 } })
})
afterAll(async () => {
  await simulator.close()
  await demo.close()
})

function setup(): { services: TestServices; dispatch: Dispatch } {
  const services = testServices({ demo })
  return { services, dispatch: createDispatcher(createBridgeHandlers(services)) }
}

function workspaceAt(url: string, id = 'acme'): Workspace {
  return {
    id,
    name: 'Acme',
    kind: 'chartmogul',
    baseUrl: url,
    requestsPerSecond: 20,
    syncIntervalMinutes: 15,
    createdAt: new Date(0).toISOString()
  }
}

describe('pages through the bridge', () => {
  it('opens the demo workspace once and pages its customers from the built-in simulator', async () => {
    const { dispatch } = setup()
    const opened = await dispatch({ method: 'openDemoWorkspace' })
    expect(opened).toMatchObject({ ok: true, value: { id: 'demo', kind: 'demo' } })
    expect(await dispatch({ method: 'openDemoWorkspace' })).toEqual(opened)
    expect(await dispatch({ method: 'listWorkspaces' })).toMatchObject({
      ok: true,
      value: [{ id: 'demo' }]
    })

    const seen = new Set<string>()
    let cursor: string | undefined
    for (;;) {
      const page = await dispatch({
        method: 'fetchPage',
        args: {
          workspaceId: 'demo',
          requestId: 'demo-1',
          resource: 'customers',
          query: {},
          ...(cursor ? { cursor } : {})
        }
      })
      if (!page.ok) throw new Error(page.error.message)
      const value = page.value as {
        items: { uuid: string }[]
        hasMore: boolean
        cursor: string | null
      }
      for (const c of value.items) seen.add(c.uuid)
      if (!value.hasMore) break
      cursor = value.cursor ?? undefined
    }
    expect(seen.size).toBe(500)
  })

  it('says a workspace without a key needs one, then works once the key is saved', async () => {
    const { services, dispatch } = setup()
    await services.workspaces.put(workspaceAt(simulator.url))
    const request = {
      method: 'fetchPage',
      args: { workspaceId: 'acme', requestId: 'r', resource: 'plans', query: {} }
    }
    expect(await dispatch(request)).toMatchObject({
      ok: false,
      error: { code: 'no_key', message: expect.stringContaining('Settings') }
    })

    await dispatch({ method: 'saveKey', args: { workspaceId: 'acme', apiKey: 'wrong-key' } })
    expect(await dispatch(request)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })

    await dispatch({ method: 'saveKey', args: { workspaceId: 'acme', apiKey: 'right-key' } })
    const ok = await dispatch(request)
    expect(ok).toMatchObject({ ok: true, value: { hasMore: false } })
    expect((ok as { value: { items: unknown[] } }).value.items.length).toBeGreaterThan(0)
  })

  it('passes the partition filters through and maps records to the domain shape', async () => {
    const { services, dispatch } = setup()
    await services.workspaces.put(workspaceAt(simulator.url))
    await services.vault.save('acme', 'right-key')
    const page = await dispatch({
      method: 'fetchPage',
      args: {
        workspaceId: 'acme',
        requestId: 'r',
        resource: 'customers',
        query: { status: 'Active' },
        perPage: 50
      }
    })
    if (!page.ok) throw new Error(page.error.message)
    const items = (page.value as { items: { status: string; mrrCents: number }[] }).items
    expect(items.length).toBeGreaterThan(0)
    expect(items.every((c) => c.status === 'Active' && Number.isInteger(c.mrrCents))).toBe(true)
  })

  it('cancels an in-flight page when the page asks', async () => {
    const { services, dispatch } = setup()
    await services.workspaces.put(workspaceAt(simulator.url))
    await services.vault.save('acme', 'right-key')
    const release = simulator.holdRequests()
    try {
      const pending = dispatch({
        method: 'fetchPage',
        args: { workspaceId: 'acme', requestId: 'slow-1', resource: 'plans', query: {} }
      })
      await expect.poll(() => simulator.stats.inFlight).toBeGreaterThan(0)
      expect(await dispatch({ method: 'cancelRequest', args: { requestId: 'slow-1' } })).toEqual({
        ok: true,
        value: { cancelled: true }
      })
      expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    } finally {
      release()
    }
    expect(await dispatch({ method: 'cancelRequest', args: { requestId: 'slow-1' } })).toEqual({
      ok: true,
      value: { cancelled: false }
    })
  })

  it.each([
    ['per_page above the cap', { resource: 'plans', query: {}, perPage: 500 }],
    ['an unknown resource', { resource: 'invoices', query: {} }],
    ['a filter the resource does not have', { resource: 'plans', query: { status: 'Active' } }],
    ['a malformed date', { resource: 'activities', query: { startDate: 'yesterday' } }],
    ['a bad request id', { resource: 'plans', query: {}, requestId: 'has spaces' }]
  ])('rejects %s before any request is made', async (_label, args) => {
    const { dispatch } = setup()
    const before = simulator.stats.requests
    const result = await dispatch({
      method: 'fetchPage',
      args: { workspaceId: 'acme', requestId: 'r', ...args }
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    expect(simulator.stats.requests).toBe(before)
  })

  it('names an unknown workspace', async () => {
    const { dispatch } = setup()
    expect(
      await dispatch({
        method: 'fetchPage',
        args: { workspaceId: 'nope', requestId: 'r', resource: 'plans', query: {} }
      })
    ).toMatchObject({ ok: false, error: { code: 'unknown_workspace' } })
  })
})
