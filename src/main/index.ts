/**
 * Electron entry point. Thin glue only: single-instance lock, key vault selection, IPC wiring
 * and the window. Everything with logic lives in plain modules that run (and are tested) in Node.
 */
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  safeStorage,
  shell
} from 'electron'
import { join } from 'node:path'
import { createBridgeHandlers } from './bridgeHandlers'
import {
  createDeepLinkInbox,
  DEEP_LINK_SCHEME,
  findDeepLink,
  parseDeepLink,
  type DeepLinkInbox
} from './deepLinks/parseDeepLink'
import { createExternalLinkOpener } from './features/app/externalLinkOpener'
import { DATA_FILES } from './features/app/aboutHandlers'
import { createNativeNotifier } from './notifications/nativeNotifier'
import { createDemoRuntime } from './features/workspaces/demoRuntime'
import { startDemoSimulator } from './features/workspaces/startDemoSimulator'
import { startMonacoDemoSimulator } from './features/workspaces/startMonacoDemoSimulator'
import { createMainServices } from './mainServices'
import { installAppMenu } from './menu/installAppMenu'
import {
  APP_INDEX_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  serveAppRequest
} from './protocol/appProtocol'
import { createDispatcher } from './ipc/dispatcher'
import { createEventEmitter, registerBridge } from './ipc/registerBridge'
import { createAppUrlMatcher } from './security/navigationPolicy'
import { loadKeytar } from './vault/keytarVault'
import { selectKeyVault } from './vault/selectVault'
import { createMainWindow, denyAllPermissions, preloadPathFrom } from './window/createMainWindow'
import { createWindowKeeper } from './window/windowKeeper'
import { createAppUpdates } from './updates/appUpdates'
import { menuCheckForUpdates } from './updates/checkResultMessage'

const mainDir = import.meta.dirname

const rendererRoot = join(mainDir, '../renderer')

function appUrl(): string {
  const devServer = process.env['ELECTRON_RENDERER_URL']
  if (!app.isPackaged && devServer) return devServer
  return APP_INDEX_URL
}

async function start(deepLinks: DeepLinkInbox): Promise<void> {
  await app.whenReady()
  denyAllPermissions()
  protocol.handle(APP_SCHEME, (request) =>
    serveAppRequest(request.url, rendererRoot, request.method)
  )

  const vault = await selectKeyVault({
    keytar: await loadKeytar(),
    safeStorage,
    fallbackFile: join(app.getPath('userData'), DATA_FILES.keys)
  })

  const emit = createEventEmitter((channel, message) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(channel, message)
  })
  // Off unless packaged with a feed (updates/feedConfig.ts); then electron-updater is loaded.
  const updates = await createAppUpdates({
    isPackaged: app.isPackaged,
    env: process.env,
    resourcesPath: process.resourcesPath
  })
  const demo = createDemoRuntime(startDemoSimulator)
  const monacoDemo = createDemoRuntime(() => startMonacoDemoSimulator())
  app.on('will-quit', () => {
    void demo.close()
    void monacoDemo.close()
    updates.stop()
  })
  const services = createMainServices({
    app: { name: app.getName(), version: app.getVersion(), platform: process.platform },
    dataDir: app.getPath('userData'),
    vault,
    emit,
    openExternal: (url) => shell.openExternal(url),
    askUser: async (question) => {
      const options = {
        type: 'warning' as const,
        title: question.title,
        message: question.message,
        detail: question.detail,
        buttons: [question.cancelLabel, question.confirmLabel],
        defaultId: 0,
        cancelId: 0,
        noLink: true
      }
      const parent = BrowserWindow.getFocusedWindow()
      const { response } = parent
        ? await dialog.showMessageBox(parent, options)
        : await dialog.showMessageBox(options)
      return response === 1
    },
    demo,
    monacoDemo,
    updates,
    openPath: (path) => shell.openPath(path),
    writeClipboard: (text) => clipboard.writeText(text),
    // A click brings the window forward (showWindow is set up below, before any notice).
    showNotice: createNativeNotifier({
      Notification,
      showWindow: () => showWindow(),
      open: (command) => emit('menuCommand', command)
    })
  })
  const handlers = createBridgeHandlers(services)
  // window.open / target=_blank from the page: offered in the browser only after the user agrees.
  const openLink = createExternalLinkOpener(services)
  const url = appUrl()
  registerBridge(ipcMain, createDispatcher(handlers), createAppUrlMatcher(url))

  const openWindow = (): Promise<BrowserWindow> =>
    createMainWindow({
      appUrl: url,
      preloadPath: preloadPathFrom(mainDir),
      iconPath: join(mainDir, '../../resources/icon.png'),
      stateFile: join(app.getPath('userData'), DATA_FILES.windowState),
      offerLink: (href) => void openLink(href, 'link').catch(() => undefined)
    }).then((window) => {
      // A page that is gone sends nothing more: it cannot hold a restart for ever.
      window.on('closed', () => updates.setOutboxBusy(false))
      return window
    })

  // The window may have been closed (macOS keeps the app running): never touch a destroyed one.
  const mainWindow = createWindowKeeper(openWindow)
  await mainWindow.ensure()
  installAppMenu(
    { Menu },
    {
      platform: process.platform,
      isPackaged: app.isPackaged,
      appName: app.getName(),
      send: (command) => emit('menuCommand', command),
      openExternal: (href) => shell.openExternal(href),
      checkForUpdates: menuCheckForUpdates(updates, app.getVersion(), (answer) => {
        const options = { ...answer, buttons: ['OK'], noLink: true }
        const parent = BrowserWindow.getFocusedWindow()
        return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)
      })
    }
  )
  updates.start()
  const showWindow = (): Promise<BrowserWindow | void> =>
    mainWindow
      .show()
      .catch((error: unknown) => console.error('Revdesk could not open its window', error))
  // Windows/Linux: a second launch (maybe with a revdesk:// link) comes here; the lock quit it.
  app.on('second-instance', (_event, argv) => {
    const link = findDeepLink(argv)
    if (link) deepLinks.receive(link)
    else void showWindow()
  })
  deepLinks.deliverTo(
    (link) => void showWindow().then((window) => window && emit('openRecord', link))
  )
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void showWindow()
  })
}

// Must happen before 'ready': a standard, secure origin for the renderer (app://revdesk/).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

if (!app.requestSingleInstanceLock()) {
  // Another Revdesk is running; it gets focus through its 'second-instance' handler.
  app.quit()
} else {
  app.setName('Revdesk')
  const deepLinks = createDeepLinkInbox()
  const launchLink = findDeepLink(process.argv)
  if (launchLink) deepLinks.receive(launchLink)
  // macOS delivers links as 'open-url', at launch even before 'ready': listen right away.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    const link = parseDeepLink(url)
    if (link) deepLinks.receive(link)
  })
  // Only the installed app claims revdesk:// (a dev build would hijack the OS-wide handler).
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  start(deepLinks).catch((error: unknown) => {
    console.error('Revdesk failed to start', error)
    app.exit(1)
  })
}
