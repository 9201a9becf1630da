import type { RevdeskBridge } from '../../src/shared/bridge/contract'

declare global {
  // Tests evaluate code in the page, where the preload has exposed the bridge.
  interface Window {
    readonly revdesk: RevdeskBridge
  }
}
