/** The update methods through main's real dispatcher and services, and the menu's answers. */
import { describe, expect, it } from 'vitest'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import { createMainServices } from '../../../src/main/mainServices'
import { createDemoRuntime } from '../../../src/main/features/workspaces/demoRuntime'
import { NOT_PACKAGED } from '../../../src/main/updates/feedConfig'
import {
  checkResultMessage,
  menuCheckForUpdates,
  type CheckResultMessage
} from '../../../src/main/updates/checkResultMessage'
import { createUpdateController } from '../../../src/main/updates/updateController'
import { createSafeStorageVault } from '../../../src/main/vault/safeStorageVault'
import { fakeSafeStorage } from '../support/fakeSafeStorage'
import { fakeEngine, manualClock } from './fakeEngine'

const noDemo = createDemoRuntime(() => Promise.reject(new Error('no demo here')))

function mainWith(updates?: ReturnType<typeof createUpdateController>) {
  const events: unknown[] = []
  const services = createMainServices({
    app: { name: 'Revdesk', version: '0.1.0', platform: 'linux' },
    dataDir: '/nonexistent',
    vault: {
      vault: createSafeStorageVault('/nonexistent/keys.enc.json', fakeSafeStorage()),
      status: { backend: 'encrypted-file', weak: false, notice: null }
    },
    emit: (event, payload) => void events.push({ event, payload }),
    openExternal: async () => undefined,
    askUser: async () => false,
    demo: noDemo,
    monacoDemo: noDemo,
    ...(updates ? { updates } : {})
  })
  return { dispatch: createDispatcher(createBridgeHandlers(services)), events }
}

describe('update bridge methods', () => {
  it('without an updater (tests, unpackaged) say updates are off', async () => {
    const { dispatch } = mainWith()
    for (const method of ['getUpdateState', 'checkForUpdates', 'restartToUpdate']) {
      expect(await dispatch({ method }), method).toEqual({
        ok: true,
        value: { status: 'off', reason: NOT_PACKAGED }
      })
    }
  })

  it('setOutboxBusy takes exactly { busy: boolean }', async () => {
    const { dispatch } = mainWith()
    expect(await dispatch({ method: 'setOutboxBusy', args: { busy: true } })).toEqual({ ok: true })
    for (const args of [undefined, { busy: 'true' }, { busy: 1 }, { busy: true, extra: 1 }]) {
      expect(await dispatch({ method: 'setOutboxBusy', args }), JSON.stringify(args)).toMatchObject(
        { ok: false, error: { code: 'invalid_argument' } }
      )
    }
  })

  it('every state change reaches the page as the updateState event; restart waits for the push', async () => {
    const engine = fakeEngine()
    engine.onCheck = (self) => {
      self.emit({ type: 'available', version: '0.2.0' })
      self.emit({ type: 'downloaded', version: '0.2.0' })
      return 'checked'
    }
    const controller = createUpdateController({
      feed: { kind: 'bundled', provider: 'github' },
      loadEngine: async () => engine,
      timers: manualClock()
    })
    const { dispatch, events } = mainWith(controller)
    await dispatch({ method: 'setOutboxBusy', args: { busy: true } })
    expect(await dispatch({ method: 'checkForUpdates' })).toEqual({
      ok: true,
      value: { status: 'ready', version: '0.2.0', restartWhenIdle: false }
    })
    expect(events.at(-1)).toEqual({
      event: 'updateState',
      payload: { status: 'ready', version: '0.2.0', restartWhenIdle: false }
    })
    await dispatch({ method: 'restartToUpdate' })
    expect(engine.installs).toBe(0)
    await dispatch({ method: 'setOutboxBusy', args: { busy: false } })
    expect(engine.installs).toBe(1)
  })
})

describe('"Check for Updates…" answers', () => {
  it('says updates are not configured rather than nothing', async () => {
    const shown: CheckResultMessage[] = []
    const controller = createUpdateController({
      feed: { kind: 'off', reason: 'Updates are not configured for this build.' },
      loadEngine: () => Promise.reject(new Error('never'))
    })
    menuCheckForUpdates(controller, '0.1.0', async (message) => shown.push(message))()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(shown).toEqual([{ type: 'info', message: 'Updates are not configured for this build.' }])
  })

  it('names the version when up to date, downloading or ready; warns with the redacted reason', () => {
    expect(checkResultMessage({ status: 'not-available' }, '0.1.0').message).toBe(
      'Revdesk 0.1.0 is the newest version.'
    )
    expect(
      checkResultMessage({ status: 'downloading', version: '0.2.0', percent: 3 }, '0.1.0').message
    ).toBe('Revdesk 0.2.0 is downloading.')
    expect(
      checkResultMessage({ status: 'ready', version: '0.2.0', restartWhenIdle: false }, '0.1.0')
        .detail
    ).toBe('Choose “Restart to update” in the status bar.')
    expect(checkResultMessage({ status: 'error', message: 'HttpError: 404' }, '0.1.0')).toEqual({
      type: 'warning',
      message: 'Revdesk could not check for updates.',
      detail: 'HttpError: 404'
    })
  })
})
