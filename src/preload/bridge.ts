/**
 * Builds `window.revdesk` from a transport. The transport is Electron's ipcRenderer in the app
 * (`index.ts`) and a Playwright binding in the browser harness; everything else is shared.
 *
 * Each method is written out so that the `RevdeskBridge` type checks it: a method missing from
 * this object, an extra one, or one with the wrong argument type does not compile.
 */
import type {
  ArgsOf,
  EventMessage,
  InvokeRequest,
  ResultOf,
  RevdeskBridge
} from '../shared/bridge/contract'
import type { BridgeResult } from '../shared/bridge/errors'
import { isBridgeEventName, type BridgeMethodName } from '../shared/bridge/surface'

export interface BridgeTransport {
  invoke(request: InvokeRequest): Promise<unknown>
  /** Delivers every message on the event channel; returns the unsubscribe function. */
  subscribe(listener: (message: unknown) => void): () => void
}

function isEventMessage(message: unknown): message is EventMessage {
  return typeof message === 'object' && message !== null && 'event' in message
}

export function createBridge(transport: BridgeTransport): RevdeskBridge {
  function call<M extends BridgeMethodName>(
    method: M,
    args?: ArgsOf<M>
  ): Promise<BridgeResult<ResultOf<M>>> {
    return transport.invoke({ method, args }) as Promise<BridgeResult<ResultOf<M>>>
  }

  const bridge: RevdeskBridge = {
    getAppInfo: () => call('getAppInfo'),
    openExternal: (args) => call('openExternal', args),
    saveKey: (args) => call('saveKey', args),
    hasKey: (args) => call('hasKey', args),
    deleteKey: (args) => call('deleteKey', args),
    listWorkspaces: () => call('listWorkspaces'),
    openDemoWorkspace: (args) => call('openDemoWorkspace', args),
    addWorkspace: (args) => call('addWorkspace', args),
    updateWorkspace: (args) => call('updateWorkspace', args),
    removeWorkspace: (args) => call('removeWorkspace', args),
    fetchPage: (args) => call('fetchPage', args),
    cancelRequest: (args) => call('cancelRequest', args),
    createOpportunity: (args) => call('createOpportunity', args),
    updateOpportunity: (args) => call('updateOpportunity', args),
    deleteOpportunity: (args) => call('deleteOpportunity', args),
    getOpportunity: (args) => call('getOpportunity', args),
    getAccount: (args) => call('getAccount', args),
    listCustomerOpportunities: (args) => call('listCustomerOpportunities', args),
    monacoListStep: (args) => call('monacoListStep', args),
    monacoListBounds: (args) => call('monacoListBounds', args),
    monacoLookups: (args) => call('monacoLookups', args),
    monacoCreateOpportunity: (args) => call('monacoCreateOpportunity', args),
    monacoUpdateOpportunity: (args) => call('monacoUpdateOpportunity', args),
    getUpdateState: () => call('getUpdateState'),
    checkForUpdates: () => call('checkForUpdates'),
    restartToUpdate: () => call('restartToUpdate'),
    setOutboxBusy: (args) => call('setOutboxBusy', args),
    getAboutInfo: () => call('getAboutInfo'),
    openDataFolder: () => call('openDataFolder'),
    copyAboutInfo: () => call('copyAboutInfo'),
    getPreferences: () => call('getPreferences'),
    setPreferences: (args) => call('setPreferences', args),
    showNotification: (args) => call('showNotification', args),
    on: (event, listener) => {
      if (!isBridgeEventName(event)) throw new TypeError(`Unknown bridge event "${String(event)}"`)
      return transport.subscribe((message) => {
        if (isEventMessage(message) && message.event === event) {
          listener(message.payload as Parameters<typeof listener>[0])
        }
      })
    }
  }
  return Object.freeze(bridge)
}
