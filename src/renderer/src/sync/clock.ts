/**
 * Time as the engine and scheduler see it. Injected so tests drive retries, schedules and rates
 * with fake timers; the default reads the globals at call time so `vi.useFakeTimers()`
 * installed after construction still applies.
 */
export interface SyncClock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemSyncClock: SyncClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>)
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(clock: SyncClock, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clock.clearTimeout(handle)
      reject(signal.reason)
    }
    const handle = clock.setTimeout(
      () => {
        signal.removeEventListener('abort', onAbort)
        resolve()
      },
      Math.max(0, ms)
    )
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

export function isoAt(ms: number): string {
  return new Date(ms).toISOString()
}
