/**
 * The names of everything the page can reach in the main process, and the IPC channels they
 * travel on. Kept free of runtime dependencies so the sandboxed preload can import it.
 *
 * Adding or removing a name here is a change to the app's security surface: the contract in
 * `contract.ts` must follow (it fails to compile otherwise) and so must the surface test.
 */
export const BRIDGE_METHOD_NAMES = [
  'getAppInfo',
  'openExternal',
  'saveKey',
  'hasKey',
  'deleteKey',
  'listWorkspaces',
  'openDemoWorkspace',
  'addWorkspace',
  'updateWorkspace',
  'removeWorkspace',
  'fetchPage',
  'createOpportunity',
  'updateOpportunity',
  'deleteOpportunity',
  'getOpportunity',
  'getAccount',
  'listCustomerOpportunities',
  'monacoListStep',
  'monacoListBounds',
  'monacoLookups',
  'monacoCreateOpportunity',
  'monacoUpdateOpportunity',
  'cancelRequest',
  'getUpdateState',
  'checkForUpdates',
  'restartToUpdate',
  'setOutboxBusy',
  'getAboutInfo',
  'openDataFolder',
  'copyAboutInfo',
  'getPreferences',
  'setPreferences',
  'showNotification'
] as const

export const BRIDGE_EVENT_NAMES = [
  'keyChanged',
  'menuCommand',
  'openRecord',
  'updateState'
] as const

export type BridgeMethodName = (typeof BRIDGE_METHOD_NAMES)[number]
export type BridgeEventName = (typeof BRIDGE_EVENT_NAMES)[number]

/** renderer → main: one request/response channel carrying `{ method, args }`. */
export const INVOKE_CHANNEL = 'revdesk:invoke'
/** main → renderer: one push channel carrying `{ event, payload }`. */
export const EVENT_CHANNEL = 'revdesk:event'

/** The global the preload exposes the bridge under (`window.revdesk`). */
export const BRIDGE_GLOBAL = 'revdesk'

export function isBridgeEventName(name: unknown): name is BridgeEventName {
  return typeof name === 'string' && (BRIDGE_EVENT_NAMES as readonly string[]).includes(name)
}
