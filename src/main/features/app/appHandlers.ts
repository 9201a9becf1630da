/** Bridge handlers about the app itself: version/platform/key storage, and opening links. */
import type { KeyStorageStatus } from '../../../shared/bridge/contract'
import type { BridgeHandlers } from '../../ipc/dispatcher'
import type { OpenLink } from './externalLinkOpener'

export interface AppHandlerDeps {
  name: string
  version: string
  platform: string
  keyStorage: KeyStorageStatus
  /** Opens a link by the external-link rules (asks first unless it is a ChartMogul record). */
  openLink: OpenLink
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
    openExternal: ({ url, purpose }) => deps.openLink(url, purpose)
  }
}
