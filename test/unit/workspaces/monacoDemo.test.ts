/**
 * The Monaco demo workspace: opened through the bridge, backed by the built-in Monaco
 * simulator started on first use (loopback, its own `mks_` key, Monaco's documented rate
 * windows), and listed like any Monaco workspace. ChartMogul's demo is unchanged.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import { createDemoRuntime } from '../../../src/main/features/workspaces/demoRuntime'
import {
  MONACO_DEMO_ACCOUNTS,
  startMonacoDemoSimulator
} from '../../../src/main/features/workspaces/startMonacoDemoSimulator'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import type { MonacoAccount } from '../../../src/shared/domain/monaco'
import type { MonacoStep } from '../../../src/shared/sync/monacoSource'
import { MONACO_DEMO_WORKSPACE_ID } from '../../../src/shared/workspace/workspace'
import { testServices } from '../support/testServices'

const started: Array<{ close(): Promise<void> }> = []
afterAll(async () => {
  for (const runtime of started) await runtime.close()
})

describe('the Monaco demo workspace', () => {
  it('opens once, starts its simulator on first use and lists its accounts', async () => {
    let starts = 0
    const monacoDemo = createDemoRuntime(() => {
      starts++
      return startMonacoDemoSimulator()
    })
    started.push(monacoDemo)
    const services = testServices({ monacoDemo })
    const dispatch = createDispatcher(createBridgeHandlers(services))

    const opened = await dispatch({ method: 'openDemoWorkspace', args: { provider: 'monaco' } })
    expect(opened).toMatchObject({
      ok: true,
      value: { id: MONACO_DEMO_WORKSPACE_ID, name: 'Monaco demo', kind: 'demo', provider: 'monaco' }
    })
    expect(await dispatch({ method: 'openDemoWorkspace', args: { provider: 'monaco' } })).toEqual(
      opened
    )
    // Opening does not start anything; the first request does.
    expect(starts).toBe(0)

    const step = await dispatch({
      method: 'monacoListStep',
      args: { workspaceId: MONACO_DEMO_WORKSPACE_ID, requestId: 'd1', entity: 'accounts' }
    })
    if (!step.ok) throw new Error(`${step.error.code}: ${step.error.message}`)
    const value = step.value as MonacoStep<MonacoAccount>
    expect(value.items).toHaveLength(MONACO_DEMO_ACCOUNTS)
    expect(value.done).toBe(true)
    expect(
      await dispatch({
        method: 'monacoLookups',
        args: { workspaceId: MONACO_DEMO_WORKSPACE_ID, requestId: 'd2' }
      })
    ).toMatchObject({ ok: true })
    expect(starts).toBe(1)
    // No key of the user's is involved, so nothing is asked.
    expect(services.questions).toEqual([])
  })

  it('leaves ChartMogul’s demo as it was when no provider is named', async () => {
    const services = testServices()
    const dispatch = createDispatcher(createBridgeHandlers(services))
    const opened = await dispatch({ method: 'openDemoWorkspace' })
    expect(opened).toMatchObject({
      ok: true,
      value: { id: 'demo', name: 'Demo workspace', kind: 'demo', provider: 'chartmogul' }
    })
    expect(
      await dispatch({ method: 'openDemoWorkspace', args: { provider: 'chartmogul' } })
    ).toEqual(opened)
    expect(await dispatch({ method: 'listWorkspaces' })).toMatchObject({
      ok: true,
      value: [{ id: 'demo' }]
    })
  })

  it('runs on loopback with its own Monaco key and Monaco’s documented rate windows', async () => {
    const demo = await startMonacoDemoSimulator()
    started.push(demo)
    expect(new URL(demo.url).hostname).toBe('127.0.0.1')
    expect(demo.apiKey).toMatch(/^mks_[0-9a-z_]{20,}$/)
    const me = () =>
      fetch(`${demo.url}/v1/me`, { headers: { authorization: `Bearer ${demo.apiKey}` } })
    const statuses = await Promise.all(Array.from({ length: 100 }, async () => (await me()).status))
    expect(statuses.every((status) => status === 200)).toBe(true)
    const refused = await me()
    expect(refused.status).toBe(429)
    expect(refused.headers.get('x-ratelimit-limit')).toBe('100')
  })
})
