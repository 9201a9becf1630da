import { describe, expect, it } from 'vitest'
import {
  createEventEmitter,
  registerBridge,
  type IpcMainLike,
  type InvokeEventLike
} from '../../../src/main/ipc/registerBridge'
import { createAppUrlMatcher } from '../../../src/main/security/navigationPolicy'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../src/shared/bridge/surface'

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, request: unknown) => Promise<unknown>>()
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel)
  }
  return { ipc, handlers }
}

describe('registerBridge', () => {
  it('serves only frames showing the app page', async () => {
    const { ipc, handlers } = fakeIpcMain()
    const seen: unknown[] = []
    registerBridge(
      ipc,
      async (request) => {
        seen.push(request)
        return { ok: true, value: 'hi' }
      },
      createAppUrlMatcher('file:///opt/revdesk/out/renderer/index.html')
    )
    const handler = handlers.get(INVOKE_CHANNEL)!
    expect(
      await handler(
        { senderFrame: { url: 'file:///opt/revdesk/out/renderer/index.html#/x' } },
        { method: 'getAppInfo' }
      )
    ).toEqual({
      ok: true,
      value: 'hi'
    })
    for (const url of [
      'https://evil.test/',
      'file:///tmp/evil.html',
      // The app's path on another machine (a UNC share on Windows).
      'file://evilhost/opt/revdesk/out/renderer/index.html',
      ''
    ]) {
      expect(await handler({ senderFrame: { url } }, { method: 'getAppInfo' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' }
      })
    }
    expect(await handler({ senderFrame: null }, {})).toMatchObject({ ok: false })
    expect(seen).toHaveLength(1)
  })

  it('unregisters with the returned function', () => {
    const { ipc, handlers } = fakeIpcMain()
    const off = registerBridge(
      ipc,
      async () => ({ ok: true, value: null }),
      () => true
    )
    expect(handlers.has(INVOKE_CHANNEL)).toBe(true)
    off()
    expect(handlers.has(INVOKE_CHANNEL)).toBe(false)
  })

  it('emits typed events on the event channel', () => {
    const sent: unknown[] = []
    const emit = createEventEmitter((channel, message) => sent.push([channel, message]))
    emit('keyChanged', { workspaceId: 'w', present: false, last4: null })
    expect(sent).toEqual([
      [
        EVENT_CHANNEL,
        { event: 'keyChanged', payload: { workspaceId: 'w', present: false, last4: null } }
      ]
    ])
  })
})
