/**
 * What the update controller needs from an updater: check, install, and a stream of plain
 * events. `electronUpdater.ts` adapts electron-updater's autoUpdater to it; tests use a fake.
 */
export type EngineEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  /** Raw: the controller redacts it (updateErrorText.ts). */
  | { type: 'error'; error: unknown }

export interface UpdaterEngine {
  /**
   * Asks the feed; a newer version downloads in the background (events follow). 'inactive':
   * this installation cannot update itself (e.g. an AppImage run without its AppImage runtime).
   */
  check(): Promise<'checked' | 'inactive'>
  /** Quits, installs the downloaded update and starts the new version. */
  quitAndInstall(): void
  onEvent(listener: (event: EngineEvent) => void): void
}
