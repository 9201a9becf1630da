/** Bridge handlers for the app-wide preferences (Settings › Notifications). */
import type { BridgeHandlers } from '../../ipc/dispatcher'
import type { PreferencesStore } from './preferencesStore'

export function createPreferencesHandlers(
  store: PreferencesStore
): Pick<BridgeHandlers, 'getPreferences' | 'setPreferences'> {
  return {
    getPreferences: () => store.read(),
    setPreferences: (patch) => store.update(patch)
  }
}
