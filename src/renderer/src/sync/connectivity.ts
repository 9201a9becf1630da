/**
 * Whether the machine has a network, as the scheduler needs it: a current answer and change
 * notifications. The browser version listens to the window's online/offline events; tests
 * inject their own.
 */
export interface ConnectivitySource {
  isOnline(): boolean
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (online: boolean) => void): () => void
}

export function browserConnectivity(target: Window = window): ConnectivitySource {
  return {
    isOnline: () => target.navigator.onLine,
    subscribe(listener) {
      const online = (): void => listener(true)
      const offline = (): void => listener(false)
      target.addEventListener('online', online)
      target.addEventListener('offline', offline)
      return () => {
        target.removeEventListener('online', online)
        target.removeEventListener('offline', offline)
      }
    }
  }
}

/** A switch for tests and for hosts without network events. */
export function manualConnectivity(initiallyOnline = true): ConnectivitySource & {
  set(online: boolean): void
} {
  let online = initiallyOnline
  const listeners = new Set<(online: boolean) => void>()
  return {
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    set(next) {
      if (next === online) return
      online = next
      for (const listener of listeners) listener(next)
    }
  }
}
