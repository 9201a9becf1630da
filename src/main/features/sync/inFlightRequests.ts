/**
 * The requests the page may still cancel, by the id it chose for each. One registry serves every
 * cancellable bridge call (ChartMogul pages, Monaco list steps, bounds and lookups), so the one
 * `cancelRequest` method reaches any of them. A new call under an id still running replaces
 * (and aborts) the older one.
 */
export interface InFlightRequests {
  /** Runs `work` with a signal that `cancel(requestId)` aborts. */
  run<T>(requestId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>
  /** true when a request with that id was running (and is now aborted). */
  cancel(requestId: string): boolean
}

export function createInFlightRequests(): InFlightRequests {
  const inFlight = new Map<string, AbortController>()
  return {
    async run(requestId, work) {
      const controller = new AbortController()
      inFlight.get(requestId)?.abort()
      inFlight.set(requestId, controller)
      try {
        return await work(controller.signal)
      } finally {
        if (inFlight.get(requestId) === controller) inFlight.delete(requestId)
      }
    },
    cancel(requestId) {
      const controller = inFlight.get(requestId)
      controller?.abort()
      return controller !== undefined
    }
  }
}
