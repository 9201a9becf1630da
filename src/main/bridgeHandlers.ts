/**
 * Composes every feature's handlers into the full `BridgeHandlers` map. Shared by the Electron
 * entry point and the browser test harness, so tests exercise the same main-process code.
 */
import type { KeyStorageStatus } from '../shared/bridge/contract'
import { createAppHandlers } from './features/app/appHandlers'
import { createAboutHandlers, type RuntimeVersions } from './features/app/aboutHandlers'
import { createPreferencesHandlers } from './features/preferences/preferencesHandlers'
import type { PreferencesStore } from './features/preferences/preferencesStore'
import { createNotificationHandlers } from './notifications/notificationHandlers'
import type { ShowNotice } from './notifications/nativeNotifier'
import { createExternalLinkOpener } from './features/app/externalLinkOpener'
import { createKeyHandlers } from './features/keys/keyHandlers'
import { createMonacoHandlers } from './features/monaco/monacoHandlers'
import { createOpportunityHandlers } from './features/opportunities/opportunityHandlers'
import { createInFlightRequests } from './features/sync/inFlightRequests'
import { createPageHandlers } from './features/sync/pageHandlers'
import type { DemoRuntime, GatewayPool } from './features/workspaces/gatewayPool'
import { createWorkspaceHandlers } from './features/workspaces/workspaceHandlers'
import { createWorkspaceSettingsHandlers } from './features/workspaces/workspaceSettingsHandlers'
import type { WorkspaceStore } from './features/workspaces/workspaceStore'
import type { BridgeHandlers } from './ipc/dispatcher'
import type { EmitEvent } from './ipc/registerBridge'
import type { KeyVault } from './vault/keyVault'
import type { AskUser } from './platform/askUser'
import type { FetchLike } from './chartmogul'
import type { ProviderId } from '../shared/providers/providerId'
import type { UpdateController } from './updates/updateController'
import { createUpdateHandlers } from './updates/updateHandlers'

export interface MainServices {
  app: { name: string; version: string; platform: string }
  vault: KeyVault
  keyStorage: KeyStorageStatus
  emit: EmitEvent
  openExternal: (url: string) => Promise<void>
  askUser: AskUser
  /** Main's HTTP transport (tests and benchmarks substitute it); default: the global fetch. */
  fetch?: FetchLike
  workspaces: WorkspaceStore
  gateways: GatewayPool
  /** Each provider's demo backend (so whoever owns the services can close them). */
  demos: Readonly<Record<ProviderId, DemoRuntime>>
  /** The app's self-update: state, checks, the held restart (src/main/updates/). */
  updates: UpdateController
  /** For the About dialog: the runtime's versions and the data folder. */
  runtime: RuntimeVersions
  dataDir: string
  /** Opens a folder in the file manager (shell.openPath: '' or an error message). */
  openPath: (path: string) => Promise<string>
  writeClipboard: (text: string) => void
  preferences: PreferencesStore
  /** Shows a native notification (false where there is none). */
  showNotice: ShowNotice
}

export function createBridgeHandlers(services: MainServices): BridgeHandlers {
  // One registry: `cancelRequest` reaches ChartMogul pages and Monaco steps alike.
  const inFlight = createInFlightRequests()
  return {
    ...createAppHandlers({
      ...services.app,
      keyStorage: services.keyStorage,
      openLink: createExternalLinkOpener(services)
    }),
    ...createKeyHandlers(services.vault, services.emit, services.gateways),
    ...createWorkspaceHandlers(services.workspaces),
    ...createWorkspaceSettingsHandlers({
      store: services.workspaces,
      vault: services.vault,
      gateways: services.gateways,
      emit: services.emit,
      askUser: services.askUser,
      userAgent: `Revdesk/${services.app.version}`,
      ...(services.fetch ? { fetch: services.fetch } : {})
    }),
    ...createPageHandlers(services.gateways, inFlight),
    ...createOpportunityHandlers(services.gateways),
    ...createMonacoHandlers(services.gateways, inFlight),
    ...createUpdateHandlers(services.updates),
    ...createAboutHandlers({ ...services, keyStorage: services.keyStorage }),
    ...createPreferencesHandlers(services.preferences),
    ...createNotificationHandlers({
      preferences: services.preferences,
      workspaces: services.workspaces,
      show: services.showNotice
    })
  }
}
