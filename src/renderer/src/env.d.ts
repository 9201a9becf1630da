/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { RevdeskBridge } from '../../shared/bridge/contract'

declare global {
  interface Window {
    /** Exposed by the preload; the page's only way to reach the main process. */
    readonly revdesk: RevdeskBridge
  }
}
