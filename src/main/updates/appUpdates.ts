/**
 * The app's update controller for this run: the feed from `feedConfig.ts`, electron-updater
 * loaded only when there is one. The Electron entry point calls this; everything it needs from
 * Electron is passed in.
 */
import { readBundledFeed, resolveUpdateFeed } from './feedConfig'
import { loadElectronUpdater } from './electronUpdater'
import { createUpdateController, type UpdateController } from './updateController'

export interface AppUpdateSources {
  isPackaged: boolean
  env: Readonly<Record<string, string | undefined>>
  /** Electron's process.resourcesPath (where electron-builder puts app-update.yml). */
  resourcesPath: string | undefined
}

export async function createAppUpdates(sources: AppUpdateSources): Promise<UpdateController> {
  const feed = resolveUpdateFeed({
    isPackaged: sources.isPackaged,
    env: sources.env,
    // Unpackaged: not even a file read.
    bundledFeed: sources.isPackaged ? await readBundledFeed(sources.resourcesPath) : null
  })
  return createUpdateController({ feed, loadEngine: loadElectronUpdater })
}
