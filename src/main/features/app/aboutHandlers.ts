/**
 * The About dialog's facts and its "Open data folder" button. Every path is main's own: the page
 * asks for the data folder to be opened and cannot name any other.
 */
import { join } from 'node:path'
import type { AboutInfo, KeyStorageStatus } from '../../../shared/bridge/contract'
import type { BridgeHandlers } from '../../ipc/dispatcher'
import { AppError } from '../../ipc/appError'

/** The runtime's versions (Electron's `process.versions` in the app). */
export interface RuntimeVersions {
  electron: string
  chrome: string
  node: string
  arch: string
}

export interface AboutHandlerDeps {
  app: { name: string; version: string; platform: string }
  runtime: RuntimeVersions
  /** Electron's userData folder. */
  dataDir: string
  keyStorage: KeyStorageStatus
  /**
   * Opens a folder in the file manager (`shell.openPath`, which resolves to an error message or
   * '' on success).
   */
  openPath: (path: string) => Promise<string>
  /** Electron's `clipboard.writeText` (main needs no permission for it). */
  writeClipboard: (text: string) => void
}

/** The file names main writes in the data folder (mainServices.ts and index.ts use the same). */
export const DATA_FILES = {
  workspaces: 'workspaces.json',
  preferences: 'preferences.json',
  windowState: 'window-state.json',
  keys: 'keys.enc.json'
} as const

/** What "Copy version details" puts on the clipboard, for a problem report. */
export function versionDetails(info: AboutInfo): string {
  return [
    `${info.name} ${info.version}`,
    `Electron ${info.electron}`,
    `Chromium ${info.chrome}`,
    `Node.js ${info.node}`,
    `${info.platform} ${info.arch}`
  ].join('\n')
}

export function aboutInfo(deps: Omit<AboutHandlerDeps, 'openPath' | 'writeClipboard'>): AboutInfo {
  return {
    ...deps.app,
    ...deps.runtime,
    dataFolder: deps.dataDir,
    // Chromium keeps each origin's IndexedDB in its profile, which is the userData folder.
    cacheFolder: join(deps.dataDir, 'IndexedDB'),
    settingsFiles: [
      join(deps.dataDir, DATA_FILES.workspaces),
      join(deps.dataDir, DATA_FILES.preferences)
    ],
    windowStateFile: join(deps.dataDir, DATA_FILES.windowState),
    keyStorage: deps.keyStorage,
    keyFile: join(deps.dataDir, DATA_FILES.keys)
  }
}

export function createAboutHandlers(
  deps: AboutHandlerDeps
): Pick<BridgeHandlers, 'getAboutInfo' | 'openDataFolder' | 'copyAboutInfo'> {
  return {
    getAboutInfo: () => aboutInfo(deps),
    copyAboutInfo: () => deps.writeClipboard(versionDetails(aboutInfo(deps))),
    openDataFolder: async () => {
      const failure = await deps.openPath(deps.dataDir)
      if (failure) throw new AppError('internal', `The data folder could not be opened: ${failure}`)
    }
  }
}
