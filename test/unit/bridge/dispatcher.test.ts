/**
 * The main side of the bridge: untrusted requests become typed handler calls or typed errors,
 * and nothing the page sends can crash main. Uses the real handlers and a real file vault.
 */
import { describe, expect, it, vi } from 'vitest'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import { AppError } from '../../../src/main/ipc/appError'
import { createDispatcher, type BridgeHandlers } from '../../../src/main/ipc/dispatcher'
import { createBridge } from '../../../src/preload/bridge'
import { memoryTransport } from '../support/memoryTransport'
import { testServices, type TestServices } from '../support/testServices'

const services = (): TestServices => testServices()

describe('dispatcher', () => {
  it('runs a valid call end to end through the real preload bridge', async () => {
    const s = services()
    const bridge = createBridge(memoryTransport(createDispatcher(createBridgeHandlers(s))))
    expect(await bridge.saveKey({ workspaceId: 'acme', apiKey: 'sk_live_1234' })).toEqual({
      ok: true,
      value: { workspaceId: 'acme', present: true, last4: '1234' }
    })
    expect(await bridge.hasKey({ workspaceId: 'acme' })).toEqual({
      ok: true,
      value: { workspaceId: 'acme', present: true, last4: '1234' }
    })
    expect(s.events).toEqual([
      { event: 'keyChanged', payload: { workspaceId: 'acme', present: true, last4: '1234' } }
    ])
    expect(await bridge.getAppInfo()).toMatchObject({
      ok: true,
      value: { name: 'Revdesk', version: '1.2.3' }
    })
  })

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['no method', { args: {} }],
    ['unknown method', { method: 'readKey', args: { workspaceId: 'acme' } }],
    ['prototype key', { method: '__proto__' }],
    ['inherited name', { method: 'toString' }]
  ])('answers unknown_method for %s', async (_label, request) => {
    const dispatch = createDispatcher(createBridgeHandlers(services()))
    const result = await dispatch(request)
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })

  it.each([
    ['missing args', { method: 'hasKey' }, '(arguments)'],
    ['wrong type', { method: 'hasKey', args: { workspaceId: 7 } }, 'workspaceId'],
    ['bad workspace id', { method: 'hasKey', args: { workspaceId: '../x' } }, 'workspaceId'],
    ['unexpected key', { method: 'hasKey', args: { workspaceId: 'a', extra: 1 } }, ''],
    ['empty key', { method: 'saveKey', args: { workspaceId: 'a', apiKey: '' } }, 'apiKey'],
    [
      'key with newline',
      { method: 'saveKey', args: { workspaceId: 'a', apiKey: 'abc\ndef' } },
      'apiKey'
    ],
    [
      'huge key',
      { method: 'saveKey', args: { workspaceId: 'a', apiKey: 'x'.repeat(5000) } },
      'apiKey'
    ],
    ['args for a no-arg method', { method: 'getAppInfo', args: { x: 1 } }, '']
  ])('answers invalid_argument with issues for %s', async (_label, request, path) => {
    const dispatch = createDispatcher(createBridgeHandlers(services()))
    const result = await dispatch(request)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_argument')
    expect(result.error.issues?.length).toBeGreaterThan(0)
    if (path) expect(result.error.issues?.[0]?.path).toBe(path)
  })

  it('passes an AppError through and hides any other failure behind "internal"', async () => {
    const logError = vi.fn()
    const handlers = {
      ...createBridgeHandlers(services()),
      hasKey: async () => {
        throw new AppError('key_storage_unavailable', 'No keyring here.')
      },
      deleteKey: async () => {
        throw new Error('secret internal detail')
      }
    } satisfies BridgeHandlers
    const dispatch = createDispatcher(handlers, { logError })
    expect(await dispatch({ method: 'hasKey', args: { workspaceId: 'a' } })).toEqual({
      ok: false,
      error: { code: 'key_storage_unavailable', message: 'No keyring here.' }
    })
    const internal = await dispatch({ method: 'deleteKey', args: { workspaceId: 'a' } })
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(internal)).not.toContain('secret internal detail')
    expect(logError).toHaveBeenCalledOnce()
    // Still serving after a failure.
    expect(await dispatch({ method: 'getAppInfo' })).toMatchObject({ ok: true })
  })

  it('refuses non-https links without calling the system browser', async () => {
    const s = services()
    const dispatch = createDispatcher(createBridgeHandlers(s))
    for (const url of [
      'http://x.test',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'chartmogul://x',
      'https://user:pw@x.test'
    ]) {
      expect(await dispatch({ method: 'openExternal', args: { url } })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' }
      })
    }
    expect(
      await dispatch({
        method: 'openExternal',
        args: { url: 'https://app.chartmogul.com/', purpose: 'chartmogul-app' }
      })
    ).toEqual({ ok: true, value: undefined })
    expect(s.opened).toEqual(['https://app.chartmogul.com/'])
  })
})
