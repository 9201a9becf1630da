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
    ['a number', { method: 42 }],
    ['an object without a prototype', { method: Object.create(null) as unknown }],
    [
      'an object whose toString throws',
      {
        method: {
          toString() {
            throw new Error('boom')
          }
        }
      }
    ],
    ['a symbol', { method: Symbol('saveKey') }],
    [
      'a request whose method getter throws',
      Object.defineProperty({}, 'method', {
        get() {
          throw new Error('boom')
        }
      })
    ]
  ])(
    'answers unknown_method (never rejects) when the method name is %s',
    async (_label, request) => {
      const dispatch = createDispatcher(createBridgeHandlers(services()))
      const result = await dispatch(request)
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    }
  )

  it('echoes at most 64 characters of an unknown method name', async () => {
    const dispatch = createDispatcher(createBridgeHandlers(services()))
    const result = await dispatch({ method: 'x'.repeat(100_000) })
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    if (result.ok) return
    expect(result.error.message).toContain('x'.repeat(64) + '…')
    expect(result.error.message).not.toContain('x'.repeat(65))
    expect(result.error.message.length).toBeLessThan(200)
  })

  it.each([
    ['an accented letter', 'sk_live_caf\u00e9_1234', 'U+00E9'],
    ['an en dash', 'sk_live\u20131234', 'U+2013'],
    ['a zero-width space', 'sk_live_\u200b1234', 'U+200B'],
    ['an emoji', 'sk_live_\u{1F511}_1234', 'U+1F511']
  ])(
    'refuses a key with %s when it is saved, naming the character',
    async (_label, apiKey, code) => {
      const s = services()
      const dispatch = createDispatcher(createBridgeHandlers(s))
      for (const request of [
        { method: 'saveKey', args: { workspaceId: 'acme', apiKey } },
        { method: 'addWorkspace', args: { name: 'Acme', apiKey } }
      ]) {
        const result = await dispatch(request)
        expect(result).toMatchObject({
          ok: false,
          error: { code: 'invalid_argument', issues: [{ path: 'apiKey' }] }
        })
        if (!result.ok) expect(result.error.issues?.[0]?.message).toContain(code)
      }
      expect(await s.vault.read('acme')).toBeNull()
      expect(await s.workspaces.list()).toEqual([])
    }
  )

  it.each([
    ['a query', 'https://api.chartmogul.com/?region=eu', /\?/],
    ['a fragment', 'https://api.chartmogul.com/#eu', /#/]
  ])('refuses an API address with %s with a clear message', async (_label, baseUrl, message) => {
    const dispatch = createDispatcher(createBridgeHandlers(services()))
    const result = await dispatch({
      method: 'addWorkspace',
      args: { name: 'Acme', apiKey: 'sk_live_1234', baseUrl }
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', issues: [{ path: 'baseUrl' }] }
    })
    if (!result.ok) expect(result.error.issues?.[0]?.message).toMatch(message)
  })

  it('answers hasKey for workspace ids that name Object.prototype members', async () => {
    const dispatch = createDispatcher(createBridgeHandlers(services()))
    for (const workspaceId of ['constructor', 'hasownproperty', 'valueof']) {
      expect(await dispatch({ method: 'hasKey', args: { workspaceId } })).toEqual({
        ok: true,
        value: { workspaceId, present: false, last4: null }
      })
    }
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
