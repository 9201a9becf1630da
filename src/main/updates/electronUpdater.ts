/**
 * electron-updater's autoUpdater as an `UpdaterEngine`. The module is imported only here, and
 * only when a feed is configured in a packaged app (`appUpdates.ts`): development runs and
 * builds without a feed never load it.
 *
 * - autoDownload: a found update downloads in the background; the status bar offers the restart.
 * - autoInstallOnAppQuit: a downloaded update also installs when the user quits. Safe: it runs
 *   after the app has exited, so a quit during a push cuts that push exactly as it would
 *   without an update (the outbox resumes at the next start: idempotency keys, reconciliation);
 *   only the app's own "Restart to update" has to wait for the push, and it does.
 */
import type { AppUpdater } from 'electron-updater'
import type { ActiveFeed } from './updateController'
import type { UpdaterEngine } from './updateEngine'

type UpdaterModule = { autoUpdater?: AppUpdater; default?: { autoUpdater?: AppUpdater } }

async function importAutoUpdater(): Promise<AppUpdater> {
  // CommonJS from an ES module: the named export or, where Node cannot see it, the default.
  const loaded = (await import('electron-updater')) as UpdaterModule
  const updater = loaded.autoUpdater ?? loaded.default?.autoUpdater
  if (!updater) throw new Error('electron-updater has no autoUpdater')
  return updater
}

export function engineFrom(updater: AppUpdater, feed: ActiveFeed): UpdaterEngine {
  updater.autoDownload = true
  updater.autoInstallOnAppQuit = true
  // A bundled feed (app-update.yml) is read by electron-updater itself.
  if (feed.kind === 'generic') updater.setFeedURL({ provider: 'generic', url: feed.url })
  return {
    async check() {
      return (await updater.checkForUpdates()) === null ? 'inactive' : 'checked'
    },
    quitAndInstall: () => updater.quitAndInstall(),
    onEvent(listener) {
      updater.on('checking-for-update', () => listener({ type: 'checking' }))
      updater.on('update-available', (info) =>
        listener({ type: 'available', version: info.version })
      )
      updater.on('update-not-available', () => listener({ type: 'not-available' }))
      updater.on('download-progress', (progress) =>
        listener({ type: 'progress', percent: progress.percent })
      )
      updater.on('update-downloaded', (info) =>
        listener({ type: 'downloaded', version: info.version })
      )
      updater.on('error', (error) => listener({ type: 'error', error }))
    }
  }
}

export async function loadElectronUpdater(feed: ActiveFeed): Promise<UpdaterEngine> {
  return engineFrom(await importAutoUpdater(), feed)
}
