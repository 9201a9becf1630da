/** Bridge handlers about the app itself: version/platform/key storage, and opening links. */
import type { KeyStorageStatus } from '../../../shared/bridge/contract'
import { AppError } from '../../ipc/appError'
import type { BridgeHandlers } from '../../ipc/dispatcher'
import { isSafeExternalUrl } from '../../security/externalLinks'

export interface AppHandlerDeps {
  name: string
  version: string
  platform: string
  keyStorage: KeyStorageStatus
  /** shell.openExternal in the app. */
  openExternal: (url: string) => Promise<void>
}

export function createAppHandlers(
  deps: AppHandlerDeps
): Pick<BridgeHandlers, 'getAppInfo' | 'openExternal'> {
  return {
    getAppInfo: () => ({
      name: deps.name,
      version: deps.version,
      platform: deps.platform,
      keyStorage: deps.keyStorage
    }),
    openExternal: async ({ url }) => {
      if (!isSafeExternalUrl(url)) {
        throw new AppError(
          'forbidden',
          `Revdesk only opens https:// links in your browser (refused "${url.slice(0, 200)}").`
        )
      }
      await deps.openExternal(url)
    }
  }
}
