/** Wires the real preload bridge to the real dispatcher in one process, with no Electron. */
import type { BridgeTransport } from '../../../src/preload/bridge'
import type { Dispatch } from '../../../src/main/ipc/dispatcher'

export function memoryTransport(
  dispatch: Dispatch
): BridgeTransport & { deliver(message: unknown): void } {
  const listeners = new Set<(message: unknown) => void>()
  return {
    invoke: (request) => dispatch(structuredClone(request)),
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    deliver: (message) => {
      for (const listener of listeners) listener(structuredClone(message))
    }
  }
}
