/**
 * Adding a ChartMogul workspace checks the key with the (simulated) API first; changing and
 * removing workspaces keeps the registry, the keychain and the gateways consistent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/dispatcher'
import { startSimulator, type RunningSimulator } from '../../../src/main/simulator'
import type { Workspace } from '../../../src/shared/workspace/workspace'
import { testServices, type TestServices } from '../support/testServices'

let simulator: RunningSimulator
beforeAll(async () => {
  simulator = await startSimulator({ apiKey: 'good-key-1234', data: { seed: 3, customers: 50 } })
})
afterAll(() => simulator.close())

function setup(): { services: TestServices; dispatch: Dispatch } {
  const services = testServices()
  return { services, dispatch: createDispatcher(createBridgeHandlers(services)) }
}

async function add(dispatch: Dispatch, apiKey: string, name = 'Acme Inc.') {
  return dispatch({ method: 'addWorkspace', args: { name, apiKey, baseUrl: simulator.url } })
}

describe('workspaces', () => {
  it('adds a workspace only after ChartMogul accepts the key, and stores the key in the vault', async () => {
    const { services, dispatch } = setup()
    const result = await add(dispatch, 'good-key-1234')
    if (!result.ok) throw new Error(result.error.message)
    const workspace = result.value as Workspace
    expect(workspace).toMatchObject({
      name: 'Acme Inc.',
      kind: 'chartmogul',
      baseUrl: simulator.url,
      requestsPerSecond: 20
    })
    expect(workspace.id).toMatch(/^acme-inc-[0-9a-f]{6}$/)
    expect(await services.vault.read(workspace.id)).toBe('good-key-1234')
    expect(await dispatch({ method: 'listWorkspaces' })).toEqual({ ok: true, value: [workspace] })
    // The stored key works for syncing right away.
    expect(
      await dispatch({
        method: 'fetchPage',
        args: { workspaceId: workspace.id, requestId: 'r', resource: 'plans', query: {} }
      })
    ).toMatchObject({ ok: true })
  })

  it('refuses a wrong key with a clear message and saves nothing', async () => {
    const { services, dispatch } = setup()
    const result = await add(dispatch, 'wrong-key')
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    if (result.ok) return
    expect(result.error.message).toMatch(/key/i)
    expect(await services.workspaces.list()).toEqual([])
  })

  it('says so when ChartMogul cannot be reached, and saves nothing', async () => {
    const { services, dispatch } = setup()
    const result = await dispatch({
      method: 'addWorkspace',
      args: { name: 'Acme', apiKey: 'good-key-1234', baseUrl: 'http://127.0.0.1:9' }
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(['offline', 'network']).toContain(result.error.code)
    expect(await services.workspaces.list()).toEqual([])
  })

  it.each([
    [
      'a plain-http remote address',
      { name: 'A', apiKey: 'k', baseUrl: 'http://api.chartmogul.com' }
    ],
    [
      'credentials in the address',
      { name: 'A', apiKey: 'k', baseUrl: 'https://u:p@api.chartmogul.com' }
    ],
    ['an empty name', { name: '   ', apiKey: 'k' }],
    ['a key with spaces', { name: 'A', apiKey: 'a b' }]
  ])('rejects %s before calling anyone', async (_label, args) => {
    const { dispatch } = setup()
    const before = simulator.stats.requests
    expect(await dispatch({ method: 'addWorkspace', args })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' }
    })
    expect(simulator.stats.requests).toBe(before)
  })

  it('renames and tunes a workspace within the documented limits', async () => {
    const { dispatch } = setup()
    const added = await add(dispatch, 'good-key-1234')
    if (!added.ok) throw new Error(added.error.message)
    const id = (added.value as Workspace).id
    expect(
      await dispatch({
        method: 'updateWorkspace',
        args: { workspaceId: id, name: 'Acme EU', requestsPerSecond: 35, syncIntervalMinutes: 30 }
      })
    ).toMatchObject({
      ok: true,
      value: { id, name: 'Acme EU', requestsPerSecond: 35, syncIntervalMinutes: 30 }
    })
    expect(
      await dispatch({
        method: 'updateWorkspace',
        args: { workspaceId: id, requestsPerSecond: 41 }
      })
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', issues: [{ path: 'requestsPerSecond' }] }
    })
    expect(
      await dispatch({
        method: 'updateWorkspace',
        args: { workspaceId: id, baseUrl: 'http://127.0.0.1:9' }
      })
    ).toMatchObject({ ok: false })
    expect((await dispatch({ method: 'listWorkspaces' })) as { value: Workspace[] }).toMatchObject({
      value: [{ baseUrl: simulator.url }]
    })
  })

  it('signs out: the workspace and its key are gone, and the page hears about the key', async () => {
    const { services, dispatch } = setup()
    const added = await add(dispatch, 'good-key-1234')
    if (!added.ok) throw new Error(added.error.message)
    const id = (added.value as Workspace).id
    expect(await dispatch({ method: 'removeWorkspace', args: { workspaceId: id } })).toEqual({
      ok: true,
      value: { removed: true }
    })
    expect(await services.vault.read(id)).toBeNull()
    expect(await services.workspaces.list()).toEqual([])
    expect(services.events).toContainEqual({
      event: 'keyChanged',
      payload: { workspaceId: id, present: false, last4: null }
    })
    expect(await dispatch({ method: 'removeWorkspace', args: { workspaceId: id } })).toEqual({
      ok: true,
      value: { removed: false }
    })
  })
})
