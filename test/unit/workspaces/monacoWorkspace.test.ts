/**
 * Adding a Monaco workspace: the key is checked with `GET /v1/me` (the real Monaco simulator
 * over loopback HTTP, through the real dispatcher) before anything is stored; a wrong key
 * leaves no trace (no vault entry, no workspace), a right one stores the identity it acts as.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/dispatcher'
import type { FetchLike } from '../../../src/main/chartmogul'
import { DEFAULT_MONACO_BASE_URL, monacoKeyShapeHint } from '../../../src/main/monaco'
import {
  startMonacoSimulator,
  type RunningMonacoSimulator
} from '../../../src/main/monacoSimulator'
import type { KeyVault } from '../../../src/main/vault/keyVault'
import type { Workspace } from '../../../src/shared/workspace/workspace'
import { testServices, type TestServices } from '../support/testServices'

const KEY = 'mks_good_4f9a1c2e7b'
let sim: RunningMonacoSimulator

beforeAll(async () => {
  sim = await startMonacoSimulator({ apiKey: KEY, data: { seed: 5, accounts: 20 } })
})
afterAll(() => sim.close())

/** An in-memory vault that remembers every save, so "nothing was stored" is checked. */
function recordingVault(): KeyVault & { saved: string[]; keys: Map<string, string> } {
  const keys = new Map<string, string>()
  const saved: string[] = []
  return {
    backend: 'encrypted-file',
    keys,
    saved,
    save: async (id, key) => {
      saved.push(id)
      keys.set(id, key)
    },
    read: async (id) => keys.get(id) ?? null,
    delete: async (id) => keys.delete(id)
  }
}

function setup(fetch?: FetchLike) {
  const vault = recordingVault()
  const services: TestServices = testServices({
    vault: { vault, status: { backend: 'encrypted-file', weak: false, notice: null } },
    ...(fetch ? { fetch } : {})
  })
  return { services, vault, dispatch: createDispatcher(createBridgeHandlers(services)) }
}

/** `baseUrl: null` leaves the address out (the provider's default). */
function addMonaco(dispatch: Dispatch, apiKey: string, baseUrl: string | null = sim.url) {
  return dispatch({
    method: 'addWorkspace',
    args: { name: 'Globex', apiKey, provider: 'monaco', ...(baseUrl ? { baseUrl } : {}) }
  })
}

describe('adding a Monaco workspace', () => {
  it('checks the key with GET /v1/me, then stores the key and the identity it acts as', async () => {
    const { services, vault, dispatch } = setup()
    sim.resetStats()
    const result = await addMonaco(dispatch, KEY)
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    const workspace = result.value as Workspace
    const { org } = sim.store
    expect(workspace).toMatchObject({
      name: 'Globex',
      kind: 'chartmogul',
      provider: 'monaco',
      baseUrl: sim.url,
      identity: { orgName: org.name, userEmail: sim.store.user(org.userId)?.email }
    })
    expect(workspace.identity?.userEmail).toMatch(/@/)
    expect(vault.keys.get(workspace.id)).toBe(KEY)
    expect(await services.workspaces.list()).toEqual([workspace])
    expect(sim.stats.byStatus[200]).toBe(1)
  })

  it('refuses a wrong key with a sentence naming Monaco, and stores nothing', async () => {
    const { services, vault, dispatch } = setup()
    const result = await addMonaco(dispatch, 'mks_wrong_key_000')
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    if (result.ok) return
    expect(result.error.message).toMatch(/^Monaco did not accept the API key/)
    expect(result.error.message).not.toContain('mks_')
    expect(result.error.message).not.toContain('ChartMogul')
    expect(vault.saved).toEqual([])
    expect(await services.workspaces.list()).toEqual([])
  })

  it('adds the mks_ hint when the refused key does not look like a Monaco key', async () => {
    const { services, vault, dispatch } = setup()
    const result = await addMonaco(dispatch, 'cm_live_chartmogul_key')
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    if (result.ok) return
    expect(result.error.message).toContain('Monaco did not accept the API key')
    expect(result.error.message).toContain(monacoKeyShapeHint('cm_live_chartmogul_key')!)
    expect(vault.saved).toEqual([])
    expect(await services.workspaces.list()).toEqual([])
  })

  it('uses Monaco’s own address by default, and sends the key there without asking', async () => {
    const urls: string[] = []
    const me = {
      data: { org_id: 'org-1', user_id: 'usr-1', org_name: 'Globex', user_email: 'h@g.example' },
      meta: { timestamp: '2026-01-01T00:00:00Z' }
    }
    const { services, dispatch } = setup(async (url) => {
      urls.push(url)
      return new Response(JSON.stringify(me), {
        status: 200,
        headers: { 'content-type': 'application/json' }
      })
    })
    const result = await addMonaco(dispatch, KEY, null)
    expect(result).toMatchObject({
      ok: true,
      value: {
        provider: 'monaco',
        baseUrl: DEFAULT_MONACO_BASE_URL,
        confirmedHosts: [],
        identity: { orgName: 'Globex', userEmail: 'h@g.example' }
      }
    })
    expect(urls).toEqual([`${DEFAULT_MONACO_BASE_URL}/v1/me`])
    expect(services.questions).toEqual([])
  })

  it('asks before a Monaco key goes to a host that is not Monaco’s, in Monaco’s name', async () => {
    const urls: string[] = []
    const { services, vault, dispatch } = setup(async (url) => {
      urls.push(url)
      return new Response('{}', { status: 500 })
    })
    const result = await addMonaco(dispatch, KEY, 'https://api.chartmogul.com')
    expect(services.questions).toEqual([
      expect.objectContaining({ message: 'Send your Monaco API key to api.chartmogul.com?' })
    ])
    expect(services.questions[0]?.detail).toContain('api.monaco.com')
    expect(result).toMatchObject({ ok: false, error: { code: 'key_withheld' } })
    expect(urls).toEqual([])
    expect(vault.saved).toEqual([])
  })

  it('checks the key with Monaco again when the address changes, and refreshes the identity', async () => {
    const other = await startMonacoSimulator({ apiKey: KEY, data: { seed: 77, accounts: 5 } })
    try {
      const { dispatch } = setup()
      const added = await addMonaco(dispatch, KEY)
      if (!added.ok) throw new Error(added.error.message)
      const moved = await dispatch({
        method: 'updateWorkspace',
        args: { workspaceId: (added.value as Workspace).id, baseUrl: other.url }
      })
      expect(other.store.org.name).not.toBe(sim.store.org.name)
      expect(moved).toMatchObject({
        ok: true,
        value: {
          baseUrl: other.url,
          provider: 'monaco',
          identity: { orgName: other.store.org.name }
        }
      })
      expect(other.stats.byStatus[200]).toBe(1)
    } finally {
      await other.close()
    }
  })

  it('still adds ChartMogul workspaces when no provider is named', async () => {
    const { dispatch } = setup(async (url) => {
      expect(url).toBe('https://api.chartmogul.com/v1/ping')
      return new Response(JSON.stringify({ data: 'pong!' }), {
        status: 200,
        headers: { 'content-type': 'application/json' }
      })
    })
    const result = await dispatch({
      method: 'addWorkspace',
      args: { name: 'Acme', apiKey: 'cm_key_1234' }
    })
    expect(result).toMatchObject({
      ok: true,
      value: { provider: 'chartmogul', baseUrl: 'https://api.chartmogul.com' }
    })
    if (result.ok) expect((result.value as Workspace).identity).toBeUndefined()
  })
})
