/**
 * The one app window, locked down: isolated, sandboxed, no Node, no webviews, no navigation away
 * from the app, no new windows, no permissions. Electron glue only; the rules themselves live in
 * `security/` and are unit-tested.
 */
import { BrowserWindow, screen, session } from 'electron'
import { join } from 'node:path'
import { createAppUrlMatcher, decideWindowOpen } from '../security/navigationPolicy'
import { loadWindowState, MIN_WINDOW_SIZE, saveWindowState, type WindowState } from './windowState'

export interface MainWindowOptions {
  /** The page to load: the dev server URL or the built index.html as app://revdesk/index.html. */
  appUrl: string
  preloadPath: string
  iconPath: string
  stateFile: string
  /** Offers a link from page content in the system browser (asks the user first). */
  offerLink: (href: string) => void
}

export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const displays = screen.getAllDisplays().map((d) => d.workArea)
  const state = await loadWindowState(options.stateFile, displays)
  const isAppUrl = createAppUrlMatcher(options.appUrl)

  const window = new BrowserWindow({
    ...state,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Revdesk',
    icon: options.iconPath,
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      sandbox: true,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false
    }
  })
  if (state.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())

  const contents = window.webContents
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url)
    if (decision.offerExternally) options.offerLink(decision.offerExternally)
    return { action: decision.action }
  })

  rememberBounds(window, options.stateFile)
  await window.loadURL(options.appUrl)
  return window
}

/** Denies every permission request (camera, notifications, geolocation, …) for all sessions. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false)
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
}

function rememberBounds(window: BrowserWindow, stateFile: string): void {
  let timer: NodeJS.Timeout | undefined
  const capture = (): WindowState => ({
    ...window.getNormalBounds(),
    maximized: window.isMaximized()
  })
  const persistSoon = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => void saveWindowState(stateFile, capture()), 500)
  }
  window.on('resize', persistSoon)
  window.on('move', persistSoon)
  window.on('close', () => {
    clearTimeout(timer)
    void saveWindowState(stateFile, capture())
  })
}

export function preloadPathFrom(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs')
}
