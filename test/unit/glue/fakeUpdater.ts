/**
 * A stand-in for `electron-updater` in the glue test: its autoUpdater records every call and
 * property the main bundle sets, downloads nothing, and emits events only when the test does.
 */
import { EventEmitter } from 'node:events'

const calls: Array<{ api: string; args: unknown[] }> = []

class FakeAutoUpdater extends EventEmitter {
  private settings: Record<string, unknown> = {}
  get autoDownload(): unknown {
    return this.settings['autoDownload']
  }
  set autoDownload(value: unknown) {
    calls.push({ api: 'set autoDownload', args: [value] })
    this.settings['autoDownload'] = value
  }
  get autoInstallOnAppQuit(): unknown {
    return this.settings['autoInstallOnAppQuit']
  }
  set autoInstallOnAppQuit(value: unknown) {
    calls.push({ api: 'set autoInstallOnAppQuit', args: [value] })
    this.settings['autoInstallOnAppQuit'] = value
  }
  setFeedURL(...args: unknown[]): void {
    calls.push({ api: 'setFeedURL', args })
  }
  async checkForUpdates(): Promise<{ updateInfo: { version: string } }> {
    calls.push({ api: 'checkForUpdates', args: [] })
    return { updateInfo: { version: '0.0.0-glue-test' } }
  }
  quitAndInstall(...args: unknown[]): void {
    calls.push({ api: 'quitAndInstall', args })
  }
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    calls.push({ api: 'on', args: [event] })
    return super.on(event, listener)
  }
}

export const autoUpdater = new FakeAutoUpdater()
export default { autoUpdater }

export function updaterCalls(api?: string): Array<{ api: string; args: unknown[] }> {
  return api === undefined ? [...calls] : calls.filter((call) => call.api === api)
}

export function resetFakeUpdater(): void {
  calls.length = 0
  autoUpdater.removeAllListeners()
}
