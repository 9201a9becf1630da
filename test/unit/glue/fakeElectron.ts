/**
 * A stand-in for the `electron` module that records every call the main bundle makes, so the
 * BUILT out/main/index.js can run in plain Node (the Electron binary cannot be installed here).
 * It behaves like Electron where the glue depends on it: `whenReady` waits until the test says
 * so, `registerSchemesAsPrivileged` throws after ready, and a closed window throws "Object has
 * been destroyed" from every method but `isDestroyed`.
 *
 * The exported objects are stable (the bundle binds them once); `resetFakeElectron` clears them.
 */
import { EventEmitter } from 'node:events'

export interface RecordedCall {
  api: string
  args: unknown[]
}

interface FakeState {
  calls: RecordedCall[]
  lockObtained: boolean
  isPackaged: boolean
  userData: string
  ready: boolean
  resolveReady: () => void
  readyPromise: Promise<void>
  windows: FakeBrowserWindow[]
  protocolHandlers: Map<string, (request: Request) => Promise<Response> | Response>
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>
}

function freshState(lockObtained: boolean, userData: string, isPackaged = true): FakeState {
  let resolveReady = (): void => undefined
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve))
  return {
    calls: [],
    lockObtained,
    isPackaged,
    userData,
    ready: false,
    resolveReady,
    readyPromise,
    windows: [],
    protocolHandlers: new Map(),
    ipcHandlers: new Map()
  }
}

let state = freshState(true, '/nonexistent')

function record(api: string, args: unknown[]): void {
  state.calls.push({ api, args })
}

export function resetFakeElectron(options: {
  lockObtained: boolean
  userData: string
  /** false: a development run (`npm run dev`), where the dev server may serve the page. */
  isPackaged?: boolean
}): void {
  app.removeAllListeners()
  state = freshState(options.lockObtained, options.userData, options.isPackaged)
}

/** What the bundle did so far, in order. */
export function fakeCalls(): readonly RecordedCall[] {
  return state.calls
}

export function callsTo(api: string): unknown[][] {
  return state.calls.filter((c) => c.api === api).map((c) => c.args)
}

export function fakeWindows(): readonly FakeBrowserWindow[] {
  return state.windows
}

export function protocolHandler(
  scheme: string
): ((request: Request) => Promise<Response> | Response) | undefined {
  return state.protocolHandlers.get(scheme)
}

export function ipcHandler(
  channel: string
): ((event: unknown, ...args: unknown[]) => unknown) | undefined {
  return state.ipcHandlers.get(channel)
}

/** Electron's 'ready': resolves whenReady() and emits the event. */
export function becomeReady(): void {
  record('(test) ready', [])
  state.ready = true
  state.resolveReady()
  app.emit('ready')
}

class FakeApp extends EventEmitter {
  get isPackaged(): boolean {
    return state.isPackaged
  }
  requestSingleInstanceLock(...args: unknown[]): boolean {
    record('app.requestSingleInstanceLock', args)
    return state.lockObtained
  }
  whenReady(): Promise<void> {
    record('app.whenReady', [])
    return state.readyPromise
  }
  isReady(): boolean {
    return state.ready
  }
  quit(): void {
    record('app.quit', [])
  }
  exit(...args: unknown[]): void {
    record('app.exit', args)
  }
  setName(...args: unknown[]): void {
    record('app.setName', args)
  }
  getName(): string {
    return 'Revdesk'
  }
  getVersion(): string {
    return '0.0.0-glue-test'
  }
  getPath(name: string): string {
    record('app.getPath', [name])
    return state.userData
  }
  setAsDefaultProtocolClient(...args: unknown[]): boolean {
    record('app.setAsDefaultProtocolClient', args)
    return true
  }
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    record('app.on', [event])
    return super.on(event, listener)
  }
}

export const app = new FakeApp()

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown): void {
    record('protocol.registerSchemesAsPrivileged', [schemes])
    // Electron: "protocol.registerSchemesAsPrivileged should be called before app is ready".
    if (state.ready) throw new Error('registerSchemesAsPrivileged called after ready')
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    record('protocol.handle', [scheme])
    state.protocolHandlers.set(scheme, handler)
  }
}

export const ipcMain = {
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown): void {
    record('ipcMain.handle', [channel])
    if (state.ipcHandlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    }
    state.ipcHandlers.set(channel, listener)
  },
  removeHandler(channel: string): void {
    record('ipcMain.removeHandler', [channel])
    state.ipcHandlers.delete(channel)
  }
}

class FakeWebContents extends EventEmitter {
  readonly sent: Array<{ channel: string; message: unknown }> = []
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined
  constructor(private readonly owner: FakeBrowserWindow) {
    super()
  }
  send(channel: string, message: unknown): void {
    this.owner.assertAlive('webContents.send')
    record('webContents.send', [channel, message])
    this.sent.push({ channel, message })
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents
  loadedUrl: string | undefined
  focusCount = 0
  private destroyed = false
  private minimized = false

  constructor(readonly options: Record<string, unknown>) {
    super()
    record('new BrowserWindow', [options])
    this.webContents = new FakeWebContents(this)
    state.windows.push(this)
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return state.windows.filter((w) => !w.destroyed)
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return null
  }

  assertAlive(method: string): void {
    if (this.destroyed) throw new TypeError(`Object has been destroyed (${method})`)
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  async loadURL(url: string): Promise<void> {
    this.assertAlive('loadURL')
    record('window.loadURL', [url])
    this.loadedUrl = url
    this.emit('ready-to-show')
  }
  show(): void {
    this.assertAlive('show')
  }
  maximize(): void {
    this.assertAlive('maximize')
  }
  minimize(): void {
    this.assertAlive('minimize')
    this.minimized = true
  }
  isMinimized(): boolean {
    this.assertAlive('isMinimized')
    return this.minimized
  }
  isMaximized(): boolean {
    this.assertAlive('isMaximized')
    return false
  }
  restore(): void {
    this.assertAlive('restore')
    record('window.restore', [])
    this.minimized = false
  }
  focus(): void {
    this.assertAlive('focus')
    record('window.focus', [])
    this.focusCount += 1
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    this.assertAlive('getNormalBounds')
    return { x: 0, y: 0, width: 1280, height: 800 }
  }
  /** The user closes the window: 'close', destroyed, 'closed', then the app's 'window-all-closed'. */
  close(): void {
    this.assertAlive('close')
    this.emit('close', { preventDefault: () => undefined })
    this.destroyed = true
    this.emit('closed')
    if (FakeBrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed')
  }
}

export const BrowserWindow = FakeBrowserWindow

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler(...args: unknown[]): void {
      record('session.setPermissionRequestHandler', args)
    },
    setPermissionCheckHandler(...args: unknown[]): void {
      record('session.setPermissionCheckHandler', args)
    }
  }
}

export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text: string) => Buffer.from(text, 'utf8'),
  decryptString: (data: Buffer) => data.toString('utf8')
}

export const dialog = {
  async showMessageBox(...args: unknown[]): Promise<{ response: number }> {
    record('dialog.showMessageBox', args)
    return { response: 0 }
  }
}

export const shell = {
  async openExternal(...args: unknown[]): Promise<void> {
    record('shell.openExternal', args)
  },
  async openPath(...args: unknown[]): Promise<string> {
    record('shell.openPath', args)
    return ''
  }
}

export const clipboard = {
  writeText: (...args: unknown[]) => record('clipboard.writeText', args)
}

/** Native notifications (about13): recorded, never shown. */
export class Notification {
  constructor(options: unknown) {
    record('new Notification', [options])
  }
  static isSupported(): boolean {
    return true
  }
  on(): this {
    return this
  }
  show(): void {
    record('notification.show', [])
  }
}

/** The application menu is installed by index.ts too (engineer menu13's line). */
export const Menu = {
  buildFromTemplate: (template: unknown) => {
    record('Menu.buildFromTemplate', [template])
    return { template }
  },
  setApplicationMenu: (menu: unknown) => record('Menu.setApplicationMenu', [menu])
}

export default {
  app,
  protocol,
  ipcMain,
  BrowserWindow,
  screen,
  session,
  safeStorage,
  dialog,
  shell,
  Menu,
  Notification,
  clipboard
}
