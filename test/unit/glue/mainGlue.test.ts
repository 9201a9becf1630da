/**
 * Runs the BUILT main bundle (out/main/index.js, what Electron would start) against a fake
 * `electron` that records every call: the glue in src/main/index.ts never runs anywhere else,
 * since the Electron binary cannot be installed here. Builds out/ first when it is missing or
 * stale (see builtBundle.ts); to build by hand: `npx electron-vite build`.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  BRIDGE_METHOD_NAMES,
  EVENT_CHANNEL,
  INVOKE_CHANNEL
} from '../../../src/shared/bridge/surface'
import { builtMain, builtPreloadDir, builtRendererDir, ensureBuilt } from './builtBundle'
import {
  app as fakeApp,
  becomeReady,
  callsTo,
  fakeCalls,
  fakeWindows,
  ipcHandler,
  protocolHandler,
  resetFakeElectron
} from './fakeElectron'
import { autoUpdater, resetFakeUpdater, updaterCalls } from './fakeUpdater'

vi.mock('electron', () => import('./fakeElectron'))
// Never a real update check from a test: the bundle's autoUpdater records and downloads nothing.
vi.mock('electron-updater', () => import('./fakeUpdater'))
// No keychain in a unit test: keytar "loads" but does not answer, as on Linux without a daemon.
vi.mock('keytar', () => ({
  default: {
    findCredentials: () => Promise.reject(new Error('no Secret Service')),
    getPassword: () => Promise.reject(new Error('no Secret Service')),
    setPassword: () => Promise.reject(new Error('no Secret Service')),
    deletePassword: () => Promise.reject(new Error('no Secret Service'))
  }
}))

const APP_INDEX = 'app://revdesk/index.html'
const CUSTOMER = 'cus_4f0c5a7e-2b7d-11ee-9d3a-0242ac120002'
const DEAL = '9b2f4c1a-2b7d-11ee-9d3a-0242ac120002'

function openRecordsSentTo(window: {
  webContents: { sent: Array<{ channel: string; message: unknown }> }
}): unknown[] {
  return window.webContents.sent
    .filter((s) => s.channel === EVENT_CHANNEL)
    .map((s) => s.message)
    .filter((m) => (m as { event?: string }).event === 'openRecord')
}
let userData: string

interface MenuItem {
  label?: string
  enabled?: boolean
  click?: () => void
  submenu?: MenuItem[]
}
const flatten = (items: MenuItem[]): MenuItem[] =>
  items.flatMap((item) => [item, ...flatten(item.submenu ?? [])])

function eventsSentTo(
  window: { webContents: { sent: Array<{ channel: string; message: unknown }> } },
  event: string
): unknown[] {
  return window.webContents.sent
    .filter((s) => s.channel === EVENT_CHANNEL)
    .map((s) => s.message as { event?: string; payload?: unknown })
    .filter((m) => m.event === event)
    .map((m) => m.payload)
}

async function loadMainBundle(): Promise<void> {
  await import(/* @vite-ignore */ `${pathToFileURL(builtMain).href}?run=${Date.now()}`)
}

function request(url: string, method = 'GET'): Request {
  // Electron hands protocol handlers a fetch Request; Node's cannot be built for app:// URLs
  // in every version, so pass the two fields the handler reads.
  return { url, method } as Request
}

beforeAll(async () => {
  ensureBuilt()
  userData = await mkdtemp(join(tmpdir(), 'revdesk-glue-'))
  delete process.env['ELECTRON_RENDERER_URL']
}, 200_000)

afterAll(async () => {
  await rm(userData, { recursive: true, force: true })
})

describe('the built main bundle, started against a fake Electron', () => {
  it('quits at once when another Revdesk holds the single-instance lock', async () => {
    resetFakeElectron({ lockObtained: false, userData })
    await loadMainBundle()
    expect(callsTo('app.requestSingleInstanceLock')).toHaveLength(1)
    expect(callsTo('app.quit')).toHaveLength(1)
    expect(callsTo('app.whenReady')).toHaveLength(0)
    expect(callsTo('ipcMain.handle')).toHaveLength(0)
    expect(callsTo('new BrowserWindow')).toHaveLength(0)
  })

  it('in development loads the dev server and trusts only its origin; claims no OS link handler', async () => {
    resetFakeElectron({ lockObtained: true, userData, isPackaged: false })
    resetFakeUpdater()
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173'
    // Even with a feed named, an unpackaged run never touches the updater.
    process.env['REVDESK_UPDATE_FEED'] = 'https://updates.example.test/revdesk'
    try {
      await loadMainBundle()
      becomeReady()
      await vi.waitFor(
        () => expect(callsTo('window.loadURL')).toEqual([['http://localhost:5173']]),
        {
          timeout: 10_000
        }
      )
    } finally {
      delete process.env['ELECTRON_RENDERER_URL']
      delete process.env['REVDESK_UPDATE_FEED']
    }
    expect(callsTo('app.setAsDefaultProtocolClient')).toEqual([])
    expect(updaterCalls()).toEqual([])
    const invoke = ipcHandler(INVOKE_CHANNEL)!
    const ask = (url: string): unknown => invoke({ senderFrame: { url } }, { method: 'getAppInfo' })
    expect(await ask('http://localhost:5173/#/customers')).toMatchObject({ ok: true })
    expect(await ask('http://localhost:5174/')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' }
    })
    expect(await ask(APP_INDEX)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  describe('with the lock', () => {
    beforeAll(async () => {
      resetFakeElectron({ lockObtained: true, userData })
      await loadMainBundle()
      // macOS hands a launch's link over as 'open-url', before 'ready'.
      fakeApp.emit('open-url', { preventDefault: () => undefined }, 'revdesk://customer/nope')
      fakeApp.emit(
        'open-url',
        { preventDefault: () => undefined },
        `revdesk://customer/${CUSTOMER}`
      )
    })

    it('asks for the lock and registers app:// as privileged BEFORE ready, its handler after', async () => {
      expect(callsTo('app.requestSingleInstanceLock')).toHaveLength(1)
      expect(callsTo('app.quit')).toHaveLength(0)
      expect(callsTo('protocol.registerSchemesAsPrivileged')).toEqual([
        [[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]
      ])
      expect(callsTo('protocol.handle')).toHaveLength(0)
      expect(callsTo('new BrowserWindow')).toHaveLength(0)

      becomeReady()
      await vi.waitFor(() => expect(callsTo('window.loadURL')).toEqual([[APP_INDEX]]), {
        timeout: 10_000
      })
      const apis = fakeCalls().map((c) => c.api)
      expect(apis.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(
        apis.indexOf('(test) ready')
      )
      expect(callsTo('protocol.handle')).toEqual([['app']])
      expect(apis.indexOf('protocol.handle')).toBeLessThan(apis.indexOf('window.loadURL'))
    })

    it('serves the built index.html byte for byte from app:// and refuses traversal', async () => {
      const handle = protocolHandler('app')
      expect(handle).toBeDefined()
      const index = await handle!(request(APP_INDEX))
      expect(index.status).toBe(200)
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
      const served = Buffer.from(await index.arrayBuffer())
      expect(served.equals(await readFile(join(builtRendererDir, 'index.html')))).toBe(true)
      expect(served.toString('utf8')).toContain('Content-Security-Policy')
      expect((await handle!(request('app://revdesk/'))).status).toBe(200)

      for (const url of [
        'app://revdesk/../main/index.js',
        'app://revdesk/%2e%2e/main/index.js',
        'app://revdesk/..%5cmain%5cindex.js',
        'app://evil/index.html'
      ]) {
        expect((await handle!(request(url))).status, url).toBe(403)
      }
    })

    it('opens one hardened window with the built preload', async () => {
      const [[options]] = callsTo('new BrowserWindow') as [
        [{ webPreferences: Record<string, unknown> }]
      ]
      expect(options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webviewTag: false,
        webSecurity: true,
        preload: join(builtPreloadDir, 'index.cjs')
      })
      expect(await readdir(builtPreloadDir)).toContain('index.cjs')
      expect(callsTo('session.setPermissionRequestHandler')).toHaveLength(1)
    })

    it('installs the application menu once, with its top-level menus for this platform', () => {
      expect(callsTo('Menu.setApplicationMenu')).toHaveLength(1)
      const [[template]] = callsTo('Menu.buildFromTemplate') as [[{ label?: string }[]]]
      const labels = template.map((item) => item.label)
      expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']))
    })

    it('packaged without an update feed: never loads the updater; "Check for Updates…" says so', async () => {
      const [[template]] = callsTo('Menu.buildFromTemplate') as [[MenuItem[]]]
      const check = flatten(template).find((item) => item.label === 'Check for Updates…')
      expect(check?.enabled).not.toBe(false)
      check!.click!()
      await vi.waitFor(() => expect(callsTo('dialog.showMessageBox')).toHaveLength(1))
      expect(callsTo('dialog.showMessageBox')[0]).toEqual([
        expect.objectContaining({ message: 'Updates are not configured for this build.' })
      ])
      expect(updaterCalls()).toEqual([])
    })

    it('the About menu item asks the page for About; "Open data folder" opens userData only', async () => {
      type Item = { label?: string; click?: () => void; submenu?: Item[] }
      const [[template]] = callsTo('Menu.buildFromTemplate') as [[Item[]]]
      const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])])
      flat(template)
        .find((item) => item.label === 'About Revdesk')
        ?.click?.()
      const sent = fakeWindows()[0]!.webContents.sent.map((s) => s.message)
      expect(sent).toContainEqual({ event: 'menuCommand', payload: { command: 'about' } })
      const invoke = ipcHandler(INVOKE_CHANNEL)!
      const fromApp = { senderFrame: { url: APP_INDEX } }
      expect(await invoke(fromApp, { method: 'openDataFolder' })).toMatchObject({ ok: true })
      expect(callsTo('shell.openPath')).toEqual([[userData]])
      expect(await invoke(fromApp, { method: 'copyAboutInfo' })).toMatchObject({ ok: true })
      expect(String(callsTo('clipboard.writeText')[0]?.[0])).toMatch(/^Revdesk \S+\nElectron /)
    })

    it('answers every bridge method on the one invoke channel, only for the app:// page', async () => {
      expect(callsTo('ipcMain.handle')).toEqual([[INVOKE_CHANNEL]])
      const invoke = ipcHandler(INVOKE_CHANNEL)!
      const fromApp = { senderFrame: { url: `${APP_INDEX}#/customers` } }
      for (const method of BRIDGE_METHOD_NAMES) {
        // Arguments no method accepts: proves the name reaches its schema (an unregistered name
        // would be 'unknown_method') without running anything.
        const answer = (await invoke(fromApp, { method, args: 'not arguments' })) as {
          ok: boolean
          error?: { code: string }
        }
        expect(answer, method).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
      }
      expect(await invoke(fromApp, { method: 'getAppInfo' })).toMatchObject({
        ok: true,
        value: { name: 'Revdesk', version: '0.0.0-glue-test' }
      })
      for (const url of ['app://evil/index.html', 'file:///index.html', 'https://revdesk/']) {
        expect(await invoke({ senderFrame: { url } }, { method: 'getAppInfo' }), url).toMatchObject(
          {
            ok: false,
            error: { code: 'forbidden' }
          }
        )
      }
    })

    it('a second launch after the window was closed (macOS) opens a new window instead of throwing', async () => {
      const [first] = fakeWindows()
      first!.close()
      expect(callsTo('app.quit')).toHaveLength(process.platform === 'darwin' ? 0 : 1)
      expect(() => fakeApp.emit('second-instance', {}, ['revdesk'], '/')).not.toThrow()
      await vi.waitFor(() => expect(fakeWindows()).toHaveLength(2), { timeout: 10_000 })
      const second = fakeWindows()[1]!
      await vi.waitFor(() => expect(second.focusCount).toBe(1))
      expect(second.loadedUrl).toBe(APP_INDEX)

      // And a second launch with the window open focuses it, opening nothing new.
      second.minimize()
      fakeApp.emit('second-instance', {}, ['revdesk'], '/')
      await vi.waitFor(() => expect(second.focusCount).toBe(2))
      expect(second.isMinimized()).toBe(false)
      expect(fakeWindows()).toHaveLength(2)
    })

    it('routes revdesk:// links to the page as openRecord: open-url (macOS) and second-launch argv', async () => {
      expect(callsTo('app.setAsDefaultProtocolClient')).toEqual([['revdesk']])
      const apis = fakeCalls().map((c) => c.api)
      const openUrlListener = fakeCalls().findIndex(
        (c) => c.api === 'app.on' && c.args[0] === 'open-url'
      )
      expect(openUrlListener).toBeGreaterThanOrEqual(0)
      expect(openUrlListener).toBeLessThan(apis.indexOf('(test) ready'))
      // The link that came before ready reached the first window once its page had loaded; the
      // malformed one did not.
      expect(openRecordsSentTo(fakeWindows()[0]!)).toEqual([
        { event: 'openRecord', payload: { kind: 'customer', id: CUSTOMER } }
      ])

      const window = fakeWindows()[1]!
      fakeApp.emit(
        'second-instance',
        {},
        ['C:\\Revdesk\\Revdesk.exe', `revdesk://opportunity/${DEAL}`],
        '/'
      )
      fakeApp.emit('second-instance', {}, ['revdesk', `revdesk://opportunity/${DEAL}/../x`], '/')
      fakeApp.emit(
        'open-url',
        { preventDefault: () => undefined },
        `revdesk://customer/${CUSTOMER}?x`
      )
      await vi.waitFor(() =>
        expect(openRecordsSentTo(window)).toEqual([
          { event: 'openRecord', payload: { kind: 'opportunity', id: DEAL } }
        ])
      )
      expect(fakeWindows()).toHaveLength(2)
    })
  })
})

describe('the built main bundle: the updater wiring, packaged with a feed', () => {
  const FEED = 'https://updates.example.test/revdesk'
  const fromApp = { senderFrame: { url: APP_INDEX } }
  const invoke = (method: string, args?: unknown): Promise<unknown> =>
    Promise.resolve(ipcHandler(INVOKE_CHANNEL)!(fromApp, { method, args }))

  beforeAll(async () => {
    resetFakeElectron({ lockObtained: true, userData, isPackaged: true })
    resetFakeUpdater()
    process.env['REVDESK_UPDATE_FEED'] = FEED
    // Only the timers: the first check waits a few seconds after start.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    await loadMainBundle()
    becomeReady()
    await vi.waitFor(() => expect(callsTo('window.loadURL')).toEqual([[APP_INDEX]]), {
      timeout: 10_000
    })
  })

  afterAll(() => {
    vi.useRealTimers()
    delete process.env['REVDESK_UPDATE_FEED']
  })

  it('checks for updates shortly after start, downloading in the background, from the configured feed', async () => {
    expect(updaterCalls('checkForUpdates')).toHaveLength(0)
    vi.advanceTimersByTime(60_000)
    await vi.waitFor(() => expect(updaterCalls('checkForUpdates')).toHaveLength(1))
    expect(updaterCalls('setFeedURL').map((call) => call.args)).toEqual([
      [{ provider: 'generic', url: FEED }]
    ])
    expect(autoUpdater.autoDownload).toBe(true)
    expect(autoUpdater.autoInstallOnAppQuit).toBe(true)
    await vi.waitFor(async () =>
      expect(await invoke('getUpdateState')).toEqual({
        ok: true,
        value: { status: 'not-available' }
      })
    )
  })

  it('never quits to install while the outbox is pushing; restarts once the push has ended', async () => {
    const window = fakeWindows()[0]!
    expect(await invoke('setOutboxBusy', { busy: true })).toEqual({ ok: true })
    expect(await invoke('setOutboxBusy', { busy: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' }
    })
    autoUpdater.emit('update-downloaded', { version: '0.2.0' })
    expect(eventsSentTo(window, 'updateState').at(-1)).toEqual({
      status: 'ready',
      version: '0.2.0',
      restartWhenIdle: false
    })

    expect(await invoke('restartToUpdate')).toEqual({
      ok: true,
      value: { status: 'ready', version: '0.2.0', restartWhenIdle: true }
    })
    expect(updaterCalls('quitAndInstall')).toHaveLength(0)

    await invoke('setOutboxBusy', { busy: false })
    expect(updaterCalls('quitAndInstall')).toHaveLength(1)
    await invoke('restartToUpdate')
    expect(updaterCalls('quitAndInstall')).toHaveLength(1)
  })
})

describe('the built preload bundle', () => {
  it('is CommonJS that requires nothing but electron, and exposes only window.revdesk', async () => {
    const files = (await readdir(builtPreloadDir)).filter((f) => /\.c?js$/.test(f))
    expect(files).toEqual(['index.cjs'])
    const code = await readFile(join(builtPreloadDir, 'index.cjs'), 'utf8')
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
    expect(code).not.toMatch(/\bimport\s*\(/)
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    expect(new Set(required)).toEqual(new Set(['electron']))

    // Run it the way a sandboxed preload runs: a CommonJS wrapper whose require knows only electron.
    const exposed: Array<[string, unknown]> = []
    const fakePreloadElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
      ipcRenderer: {
        invoke: async () => undefined,
        on: () => undefined,
        removeListener: () => undefined
      }
    }
    const sandboxRequire = (name: string): unknown => {
      if (name === 'electron') return fakePreloadElectron
      throw new Error(`A sandboxed preload cannot require '${name}'`)
    }
    const module = { exports: {} }
    new Function('require', 'module', 'exports', code)(sandboxRequire, module, module.exports)
    expect(exposed.map(([key]) => key)).toEqual(['revdesk'])
  })
})
