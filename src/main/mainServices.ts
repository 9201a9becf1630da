/**
 * Builds every main-process service from the few things only the platform can provide (data
 * folder, key vault, event sender, browser opener, demo simulator). The Electron entry point and
 * the browser test harness both call this, so tests run the same services the app does.
 */
import { join } from 'node:path'
import type { MainServices } from './bridgeHandlers'
import type { EmitEvent } from './ipc/registerBridge'
import { createDemoRuntime } from './features/workspaces/demoRuntime'
import { createGatewayPool, type DemoRuntime } from './features/workspaces/gatewayPool'
import { startMonacoDemoSimulator } from './features/workspaces/startMonacoDemoSimulator'
import { createWorkspaceStore } from './features/workspaces/workspaceStore'
import type { VaultChoice } from './vault/selectVault'
import { DATA_FILES, type RuntimeVersions } from './features/app/aboutHandlers'
import { createPreferencesStore } from './features/preferences/preferencesStore'
import type { ShowNotice } from './notifications/nativeNotifier'
import type { FetchLike } from './chartmogul'
import type { AskUser } from './platform/askUser'
import { NOT_PACKAGED } from './updates/feedConfig'
import { createUpdateController, type UpdateController } from './updates/updateController'

export interface MainPlatform {
  app: MainServices['app']
  /** The app's data folder (Electron's userData). */
  dataDir: string
  vault: VaultChoice
  emit: EmitEvent
  openExternal: (url: string) => Promise<void>
  /** A native yes/no question the page cannot answer for the user. */
  askUser: AskUser
  /** The ChartMogul demo workspace's backend. */
  demo: DemoRuntime
  /**
   * The Monaco demo workspace's backend; default: the built-in Monaco simulator, started on
   * first use (its owner closes it through `services.demos.monaco`).
   */
  monacoDemo?: DemoRuntime
  fetch?: FetchLike
  /** The app's self-update (src/main/updates/); default: off, as in an unpackaged run. */
  updates?: UpdateController
  /** Versions for the About dialog; default: this process's (Electron's in the app). */
  runtime?: RuntimeVersions
  /** shell.openPath in the app; default: refuses (no file manager here). */
  openPath?: (path: string) => Promise<string>
  /** clipboard.writeText in the app; default: nowhere. */
  writeClipboard?: (text: string) => void
  /** Native notifications; default: none (nothing shown). */
  showNotice?: ShowNotice
}

function updatesOff(): UpdateController {
  return createUpdateController({
    feed: { kind: 'off', reason: NOT_PACKAGED },
    loadEngine: () => Promise.reject(new Error('Updates are off.'))
  })
}

function thisRuntime(): RuntimeVersions {
  const versions = process.versions as NodeJS.ProcessVersions & {
    electron?: string
    chrome?: string
  }
  return {
    electron: versions.electron ?? 'not Electron',
    chrome: versions.chrome ?? 'not Chromium',
    node: versions.node,
    arch: process.arch
  }
}

export function createMainServices(platform: MainPlatform): MainServices {
  const workspaces = createWorkspaceStore(join(platform.dataDir, DATA_FILES.workspaces))
  const demos = {
    chartmogul: platform.demo,
    monaco: platform.monacoDemo ?? createDemoRuntime(() => startMonacoDemoSimulator())
  }
  const gateways = createGatewayPool({
    store: workspaces,
    vault: platform.vault.vault,
    demos,
    askUser: platform.askUser,
    userAgent: `Revdesk/${platform.app.version}`,
    ...(platform.fetch ? { fetch: platform.fetch } : {})
  })
  const updates = platform.updates ?? updatesOff()
  updates.onChange((state) => platform.emit('updateState', state))
  return {
    app: platform.app,
    vault: platform.vault.vault,
    keyStorage: platform.vault.status,
    emit: platform.emit,
    openExternal: platform.openExternal,
    askUser: platform.askUser,
    ...(platform.fetch ? { fetch: platform.fetch } : {}),
    workspaces,
    gateways,
    demos,
    updates,
    runtime: platform.runtime ?? thisRuntime(),
    dataDir: platform.dataDir,
    openPath: platform.openPath ?? (async () => 'There is no file manager here.'),
    writeClipboard: platform.writeClipboard ?? (() => undefined),
    preferences: createPreferencesStore(join(platform.dataDir, DATA_FILES.preferences)),
    showNotice: platform.showNotice ?? (() => false)
  }
}
