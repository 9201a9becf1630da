/**
 * A stored API key goes only where the user said it may: ChartMogul's own API host, this
 * computer, or a host the user confirmed for that workspace in a native dialog. Every request
 * main makes goes through a recording fetch here, so "nothing was sent" is checked, not assumed.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import type { FetchLike } from '../../../src/main/chartmogul'
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/dispatcher'
import type { UserQuestion } from '../../../src/main/platform/askUser'
import type { Workspace } from '../../../src/shared/workspace/workspace'
import { testServices, type TestServices } from '../support/testServices'

/** Answers every ChartMogul call as if the key were good, and remembers where each went. */
function recordingFetch(): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = []
  const fetch: FetchLike = async (url) => {
    urls.push(url)
    const body = url.includes('/v1/plans')
      ? { plans: [], has_more: false, cursor: null }
      : { data: 'pong!' }
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' }
    })
  }
  return { fetch, urls }
}

function setup(answer: (question: UserQuestion) => boolean = () => false): {
  services: TestServices
  dispatch: Dispatch
  urls: string[]
} {
  const { fetch, urls } = recordingFetch()
  const services = testServices({ fetch, answerQuestions: answer })
  return { services, dispatch: createDispatcher(createBridgeHandlers(services)), urls }
}

const hostsOf = (urls: string[]): string[] => urls.map((url) => new URL(url).host)

const ACME: Workspace = {
  id: 'acme',
  name: 'Acme',
  kind: 'chartmogul',
  baseUrl: 'https://api.chartmogul.com',
  requestsPerSecond: 20,
  syncIntervalMinutes: 15,
  createdAt: new Date(0).toISOString()
}

async function acmeWithKey(services: TestServices, baseUrl = ACME.baseUrl): Promise<void> {
  await services.workspaces.put({ ...ACME, baseUrl })
  await services.vault.save(ACME.id, 'cm_live_key_1234')
}

const plansPage = {
  method: 'fetchPage',
  args: { workspaceId: 'acme', requestId: 'r1', resource: 'plans', query: {} }
}

describe('changing the API address of a workspace with a stored key', () => {
  it('asks natively, naming the exact host, before the key goes anywhere new', async () => {
    const { services, dispatch, urls } = setup()
    await acmeWithKey(services)
    const result = await dispatch({
      method: 'updateWorkspace',
      args: { workspaceId: 'acme', baseUrl: 'https://evil.example' }
    })
    expect(services.questions).toEqual([
      expect.objectContaining({
        message: 'Send your ChartMogul API key to evil.example?',
        confirmLabel: 'Send key to evil.example',
        cancelLabel: 'Cancel'
      })
    ])
    expect(services.questions[0]?.detail).toContain('api.chartmogul.com')
    // Declined: a typed refusal, nothing sent, nothing changed.
    expect(result).toMatchObject({ ok: false, error: { code: 'key_withheld' } })
    if (!result.ok) expect(result.error.message).toContain('evil.example')
    expect(hostsOf(urls)).not.toContain('evil.example')
    expect(urls).toEqual([])
    expect(await services.workspaces.get('acme')).toMatchObject({
      baseUrl: 'https://api.chartmogul.com'
    })
  })

  it('checks the key with the new host only once the user said yes, and remembers the host', async () => {
    const { services, dispatch, urls } = setup(() => true)
    await acmeWithKey(services)
    const result = await dispatch({
      method: 'updateWorkspace',
      args: { workspaceId: 'acme', baseUrl: 'https://proxy.example/' }
    })
    expect(result).toMatchObject({
      ok: true,
      value: { baseUrl: 'https://proxy.example', confirmedHosts: ['proxy.example'] }
    })
    expect(urls).toEqual(['https://proxy.example/v1/ping'])
    expect(services.questions).toHaveLength(1)

    // Confirmed once for this workspace: syncing from it does not ask again.
    expect(await dispatch(plansPage)).toMatchObject({ ok: true })
    expect(services.questions).toHaveLength(1)
    expect(hostsOf(urls)).toEqual(['proxy.example', 'proxy.example'])
  })

  it('needs no question for ChartMogul’s own host or this computer', async () => {
    const { services, dispatch, urls } = setup()
    await acmeWithKey(services, 'https://proxy.example')
    expect(
      await dispatch({
        method: 'updateWorkspace',
        args: { workspaceId: 'acme', baseUrl: 'https://api.chartmogul.com/v1/' }
      })
    ).toMatchObject({ ok: true, value: { baseUrl: 'https://api.chartmogul.com' } })
    expect(
      await dispatch({
        method: 'updateWorkspace',
        args: { workspaceId: 'acme', baseUrl: 'http://127.0.0.1:4010' }
      })
    ).toMatchObject({ ok: true, value: { baseUrl: 'http://127.0.0.1:4010' } })
    expect(services.questions).toEqual([])
    expect(hostsOf(urls)).toEqual(['api.chartmogul.com', '127.0.0.1:4010'])
  })

  it('refuses a deceptive address before anything else happens', async () => {
    const { services, dispatch, urls } = setup(() => true)
    await acmeWithKey(services)
    const result = await dispatch({
      method: 'updateWorkspace',
      args: { workspaceId: 'acme', baseUrl: 'https://evil.example\\@api.chartmogul.com' }
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', issues: [{ path: 'baseUrl' }] }
    })
    expect(services.questions).toEqual([])
    expect(urls).toEqual([])
    expect((await services.workspaces.get('acme'))?.baseUrl).toBe('https://api.chartmogul.com')
  })
})

describe('adding a workspace on a host that is not ChartMogul’s', () => {
  it('asks first; declined, nothing is sent and nothing is stored', async () => {
    const { services, dispatch, urls } = setup()
    const result = await dispatch({
      method: 'addWorkspace',
      args: { name: 'Acme', apiKey: 'cm_live_key_1234', baseUrl: 'https://evil.example' }
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'key_withheld' } })
    expect(services.questions.map((q) => q.message)).toEqual([
      'Send your ChartMogul API key to evil.example?'
    ])
    expect(urls).toEqual([])
    expect(await services.workspaces.list()).toEqual([])
  })

  it('confirmed, the host is recorded with the new workspace', async () => {
    const { services, dispatch, urls } = setup(() => true)
    const result = await dispatch({
      method: 'addWorkspace',
      args: { name: 'Acme', apiKey: 'cm_live_key_1234', baseUrl: 'https://proxy.example' }
    })
    expect(result).toMatchObject({
      ok: true,
      value: { baseUrl: 'https://proxy.example', confirmedHosts: ['proxy.example'] }
    })
    expect(services.questions).toHaveLength(1)
    expect(hostsOf(urls)).toEqual(['proxy.example'])
    // Recorded in the workspace file: its first sync does not ask again.
    const [stored] = await services.workspaces.list()
    expect(stored?.confirmedHosts).toEqual(['proxy.example'])
    expect(
      await dispatch({ ...plansPage, args: { ...plansPage.args, workspaceId: stored?.id } })
    ).toMatchObject({ ok: true })
    expect(services.questions).toHaveLength(1)
  })

  it('does not ask for ChartMogul’s own address', async () => {
    const { services, dispatch, urls } = setup()
    expect(
      await dispatch({ method: 'addWorkspace', args: { name: 'Acme', apiKey: 'cm_live_key_1234' } })
    ).toMatchObject({ ok: true, value: { baseUrl: 'https://api.chartmogul.com' } })
    expect(services.questions).toEqual([])
    expect(hostsOf(urls)).toEqual(['api.chartmogul.com'])
  })
})

describe('a workspace file with a host nobody confirmed (older file, or edited by hand)', () => {
  it('asks before the first request; declined, the sync gets a typed refusal and nothing is sent', async () => {
    const { services, dispatch, urls } = setup()
    writeFileSync(
      join(services.dataDir, 'workspaces.json'),
      JSON.stringify({ version: 1, workspaces: [{ ...ACME, baseUrl: 'https://evil.example' }] })
    )
    await services.vault.save('acme', 'cm_live_key_1234')
    const result = await dispatch(plansPage)
    expect(result).toMatchObject({ ok: false, error: { code: 'key_withheld' } })
    expect(services.questions.map((q) => q.message)).toEqual([
      'Send your ChartMogul API key to evil.example?'
    ])
    expect(urls).toEqual([])
    // Declined once: the next page does not pester the user again.
    expect(await dispatch(plansPage)).toMatchObject({ ok: false, error: { code: 'key_withheld' } })
    expect(services.questions).toHaveLength(1)
    expect(urls).toEqual([])
  })

  it('confirmed, the host is recorded in the workspace file and requests go out', async () => {
    const { services, dispatch, urls } = setup(() => true)
    writeFileSync(
      join(services.dataDir, 'workspaces.json'),
      JSON.stringify({ version: 1, workspaces: [{ ...ACME, baseUrl: 'https://proxy.example' }] })
    )
    await services.vault.save('acme', 'cm_live_key_1234')
    expect(await dispatch(plansPage)).toMatchObject({ ok: true })
    expect((await services.workspaces.get('acme'))?.confirmedHosts).toEqual(['proxy.example'])
    expect(hostsOf(urls)).toEqual(['proxy.example'])
  })

  it('refuses a stored metadata address outright, without asking', async () => {
    const { services, dispatch, urls } = setup(() => true)
    writeFileSync(
      join(services.dataDir, 'workspaces.json'),
      JSON.stringify({ version: 1, workspaces: [{ ...ACME, baseUrl: 'https://2852039166/' }] })
    )
    await services.vault.save('acme', 'cm_live_key_1234')
    const result = await dispatch(plansPage)
    expect(result).toMatchObject({ ok: false, error: { code: 'key_withheld' } })
    if (!result.ok) expect(result.error.message).toMatch(/Settings/)
    expect(services.questions).toEqual([])
    expect(urls).toEqual([])
  })

  it('loads an older file without confirmed hosts as "none confirmed" (and as ChartMogul)', async () => {
    const { services } = setup()
    writeFileSync(
      join(services.dataDir, 'workspaces.json'),
      JSON.stringify({ version: 1, workspaces: [ACME] })
    )
    expect(await services.workspaces.list()).toEqual([
      { ...ACME, provider: 'chartmogul', confirmedHosts: [] }
    ])
  })
})

describe('a key stored before keys were checked for sendable characters', () => {
  it('gets a typed error that says to save it again, and nothing is sent', async () => {
    const { services, dispatch, urls } = setup()
    await services.workspaces.put(ACME)
    await services.vault.save('acme', 'cm_live_key\u2013234')
    const result = await dispatch(plansPage)
    expect(result).toMatchObject({ ok: false, error: { code: 'no_key' } })
    if (!result.ok) expect(result.error.message).toMatch(/save it again/i)
    expect(urls).toEqual([])
  })
})
