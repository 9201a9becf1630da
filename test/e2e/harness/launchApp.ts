/**
 * The browser harness: the built renderer in Debian's Chromium, talking to the REAL main-process
 * modules (dispatcher, handlers, key vault, …) running in this test process. Only Electron's IPC
 * plumbing is replaced (see preloadShim.ts). Every end-to-end test starts here:
 *
 *   const app = await launchApp()
 *   await app.page.getByRole('button', { name: 'Settings' }).click()
 *   await app.close()
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core'
import type { KeyStorageStatus } from '../../../src/shared/bridge/contract'
import { createBridgeHandlers, type MainServices } from '../../../src/main/bridgeHandlers'
import { createDemoRuntime } from '../../../src/main/features/workspaces/demoRuntime'
import type { DemoRuntime } from '../../../src/main/features/workspaces/gatewayPool'
import { startDemoSimulator } from '../../../src/main/features/workspaces/startDemoSimulator'
import { createMainServices } from '../../../src/main/mainServices'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import {
  createEventEmitter,
  registerBridge,
  type EmitEvent,
  type IpcMainLike,
  type InvokeEventLike
} from '../../../src/main/ipc/registerBridge'
import { createAppUrlMatcher } from '../../../src/main/security/navigationPolicy'
import type { KeyVault } from '../../../src/main/vault/keyVault'
import type { UserQuestion } from '../../../src/main/platform/askUser'
import type { Notice } from '../../../src/main/notifications/noticeText'
import { loadKeytar } from '../../../src/main/vault/keytarVault'
import { selectKeyVault } from '../../../src/main/vault/selectVault'
import type { UpdateController } from '../../../src/main/updates/updateController'
import { DELIVER_FUNCTION, INVOKE_PATH, preloadInitScript } from './preloadShim'
import { serveStatic } from './serveStatic'

export const REPO_ROOT = resolve(import.meta.dirname, '../../..')
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots')

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-default-apps'
]

export interface LaunchOptions {
  /** Key vault for main; default: the real one chosen as the app does (OS keychain via keytar). */
  vault?: { vault: KeyVault; status: KeyStorageStatus }
  colorScheme?: 'light' | 'dark'
  viewport?: { width: number; height: number }
  /** Reuse a browser profile (IndexedDB survives "restarts"); default: a fresh temp profile. */
  userDataDir?: string
  /**
   * Serve the renderer on this port: with a reused `userDataDir`, the same origin finds the same
   * IndexedDB again (a prefilled cache survives a relaunch). Default: any free port.
   */
  port?: number
  /** Emulate the machine having no network from the start. */
  offline?: boolean
  /** Main's data folder (workspaces.json, …); default: a fresh temp folder. */
  dataDir?: string
  /** The demo workspace's simulator; default: the app's own, started on first use. */
  demo?: DemoRuntime
  /** How "the user" answers main's native questions (default: always Cancel). */
  answerQuestions?: (question: UserQuestion) => boolean
  /** Main's self-update (default: off, as unpackaged); tests pass one with a fake updater. */
  updates?: UpdateController
}

export interface LaunchedApp {
  page: Page
  context: BrowserContext
  /** http://127.0.0.1:port/ where the built renderer is served. */
  baseUrl: string
  /** The main-process services the page is wired to. */
  services: MainServices
  /** Main's data folder. */
  dataDir: string
  /** Push a main→renderer event, as main's `webContents.send` would. */
  emit: EmitEvent
  /** URLs main was asked to open in the system browser (never actually opened). */
  externalUrls: string[]
  /** Folders main was asked to open in the file manager (never actually opened). */
  openedPaths: string[]
  /** Native notifications main would have shown (the words main wrote). */
  notices: Notice[]
  /** What main put on the clipboard. */
  clipboard: string[]
  /** Every native question main asked, in order (the dialog itself cannot run here). */
  questions: UserQuestion[]
  /** Console errors and uncaught page errors, including CSP violations. */
  consoleErrors: string[]
  screenshot(name: string): Promise<string>
  /** Reload the page, as a user restarting the window would. */
  reload(): Promise<void>
  close(): Promise<void>
}

function chromiumPath(): string {
  const path = process.env['CHROME_PATH'] ?? '/usr/bin/chromium'
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with "apt-get install -y chromium" or set CHROME_PATH.`
    )
  }
  return path
}

function builtFile(...parts: string[]): string {
  const file = join(REPO_ROOT, 'out', ...parts)
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first.`)
  return file
}

async function defaultVault(): Promise<{ vault: KeyVault; status: KeyStorageStatus }> {
  // No safeStorage outside Electron: without a Secret Service this yields the 'unavailable' vault.
  return selectKeyVault({
    keytar: await loadKeytar(),
    safeStorage: null,
    fallbackFile: join(tmpdir(), 'revdesk-e2e-unused.json')
  })
}

export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const rendererIndex = builtFile('renderer', 'index.html')
  const preloadSource = readFileSync(builtFile('preload', 'index.cjs'), 'utf8')
  // Electron's ipcMain, replaced by a map of channel → handler reached over a same-origin socket.
  const ipcHandlers = new Map<
    string,
    (event: InvokeEventLike, request: unknown) => Promise<unknown>
  >()
  const server = await serveStatic(
    join(rendererIndex, '..'),
    {
      path: INVOKE_PATH,
      handle: async (body, pageUrl) => {
        const { channel, payload } = body as { channel: string; payload: unknown }
        const handler = ipcHandlers.get(channel)
        if (!handler) throw new Error(`No handler registered for ${channel}`)
        return handler({ senderFrame: { url: pageUrl } }, payload === null ? undefined : payload)
      }
    },
    options.port
  )
  const appUrl = `${server.url}/index.html`

  const ownsProfile = options.userDataDir === undefined
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'revdesk-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    offline: options.offline ?? false,
    env: { ...process.env, HOME: userDataDir }
  })

  const pages = (): Page[] => context.pages()
  const emit = createEventEmitter((channel, message) => {
    for (const page of pages()) {
      void page
        .evaluate(
          ([fn, c, m]) =>
            (window as unknown as Record<string, (c: string, m: unknown) => void>)[fn]?.(c, m),
          [DELIVER_FUNCTION, channel, message] as const
        )
        .catch(() => undefined)
    }
  })

  const externalUrls: string[] = []
  const openedPaths: string[] = []
  const notices: Notice[] = []
  const clipboard: string[] = []
  const questions: UserQuestion[] = []
  const ownsDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'revdesk-data-'))
  const ownsDemo = options.demo === undefined
  const demo = options.demo ?? createDemoRuntime(startDemoSimulator)
  const services = createMainServices({
    app: { name: 'Revdesk', version: '0.0.0-test', platform: process.platform },
    dataDir,
    vault: options.vault ?? (await defaultVault()),
    emit,
    openExternal: async (url) => {
      externalUrls.push(url)
    },
    askUser: async (question) => {
      questions.push(question)
      return options.answerQuestions?.(question) ?? false
    },
    demo,
    ...(options.updates ? { updates: options.updates } : {}),
    runtime: {
      electron: '0.0.0-harness',
      chrome: '0.0.0-harness',
      node: process.versions.node,
      arch: process.arch
    },
    openPath: async (path) => {
      openedPaths.push(path)
      return ''
    },
    writeClipboard: (text) => void clipboard.push(text),
    showNotice: (notice) => {
      notices.push(notice)
      return true
    }
  })

  const fakeIpcMain: IpcMainLike = {
    handle: (channel, listener) => void ipcHandlers.set(channel, listener),
    removeHandler: (channel) => void ipcHandlers.delete(channel)
  }
  registerBridge(
    fakeIpcMain,
    createDispatcher(createBridgeHandlers(services)),
    createAppUrlMatcher(appUrl)
  )
  await context.addInitScript({ content: preloadInitScript(preloadSource) })

  const consoleErrors: string[] = []
  const watch = (page: Page): void => {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(`${error.name}: ${error.message}`))
  }
  context.on('page', watch)

  const page = pages()[0] ?? (await context.newPage())
  watch(page)
  await page.goto(appUrl)
  await page.getByRole('navigation', { name: 'Sections' }).waitFor()

  return {
    page,
    context,
    baseUrl: server.url,
    services,
    dataDir,
    emit,
    externalUrls,
    openedPaths,
    notices,
    clipboard,
    questions,
    consoleErrors,
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      const path = join(SCREENSHOT_DIR, `${name}.png`)
      await page.screenshot({ path })
      return path
    },
    async reload() {
      await page.reload()
      await page.getByRole('navigation', { name: 'Sections' }).waitFor()
    },
    async close() {
      await context.close()
      await server.close()
      if (ownsDemo) await demo.close()
      // Main's services start the Monaco demo on first use; it is always this app's own.
      await services.demos.monaco.close()
      if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true })
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
