/**
 * Every call the Monaco sync makes (steps, bounds, lookups) goes through here: under the
 * engine's in-flight cap, retried a bounded number of times when it failed transiently, and
 * waiting out a pause Monaco (or the organization's budget in main) asked for — visibly, and
 * without spending an attempt, since a wait asked for is pacing, not a failure. Offline and
 * auth failures stop the whole run instead (retrying them only makes noise).
 */
import { sleep } from '../sync/clock'
import { classifyFailure, type FailureClass } from '../sync/failures'
import { PageFetchError, RunStoppedError } from '../sync/fetching'
import type { Semaphore } from '../sync/semaphore'
import { LONGEST_SILENT_WAIT_MS, serverWaitOf, type RateLimitWait } from '../sync/serverWait'
import type { ResolvedMonacoSyncOptions } from './options'

/** Waits asked for in a row before a call is given up: an hourly budget frees within these. */
const MAX_SERVER_WAITS = 120

export interface MonacoCallDeps {
  semaphore: Semaphore
  options: ResolvedMonacoSyncOptions
  /** Stops the run for a failure no retry can fix here. */
  stop(reason: Extract<FailureClass, 'offline' | 'auth'>, error: unknown): void
  /** HTTP requests a call made (a failed call counts one). */
  onRequests(label: string, count: number): void
  onRetry(label: string, error: unknown): void
  /** A call waits because Monaco asked for a long pause; call the result when it is over. */
  onServerWait(wait: RateLimitWait): () => void
}

export interface MonacoCall<T> {
  /** For counting: the entity, or `lookups`. */
  label: string
  send(signal: AbortSignal): Promise<T>
  requestsOf(result: T): number
  /** Throws when the answer cannot be followed (counted as a failed attempt). */
  check?(result: T): void
  /** Higher is served first when every slot is taken (default 0). */
  priority?: number
}

export type MonacoCaller = <T>(call: MonacoCall<T>, signal: AbortSignal) => Promise<T>

export function createMonacoCaller(deps: MonacoCallDeps): MonacoCaller {
  const { options } = deps
  return async <T>(call: MonacoCall<T>, signal: AbortSignal): Promise<T> => {
    let attempt = 1
    let serverWaits = 0
    for (;;) {
      try {
        const release = await deps.semaphore.acquire(signal, call.priority ?? 0)
        // A slot freed by a request that just failed the run (offline, key refused) is granted
        // before the run is stopped: nothing more may be sent once that is known.
        if (signal.aborted) {
          release()
          throw new RunStoppedError()
        }
        let result: T
        try {
          result = await call.send(signal)
        } catch (error) {
          deps.onRequests(call.label, 1)
          throw error
        } finally {
          release()
        }
        deps.onRequests(call.label, safeCount(call.requestsOf(result)))
        call.check?.(result)
        return result
      } catch (error) {
        if (error instanceof RunStoppedError || signal.aborted) throw new RunStoppedError()
        // The network event may know better than the error (e.g. a timeout while unplugged).
        const failure = options.isOnline?.() === false ? 'offline' : classifyFailure(error)
        if (failure === 'offline' || failure === 'auth') {
          deps.stop(failure, error)
          throw new RunStoppedError()
        }
        if (failure === 'rejected') throw new PageFetchError(error)
        const server = serverWaitOf(error)
        const asked = server !== null && serverWaits < MAX_SERVER_WAITS
        if (asked) serverWaits += 1
        else if (attempt++ >= options.stepAttempts) throw new PageFetchError(error)
        deps.onRetry(call.label, error)
        const backoff = Math.min(
          options.maxRetryDelayMs,
          options.retryDelayMs * 2 ** Math.max(0, attempt - 2)
        )
        const delay = asked
          ? Math.max(server.waitMs, options.retryDelayMs)
          : Math.max(backoff, server?.waitMs ?? 0)
        const now = options.clock.now()
        const shown =
          server !== null && server.waitMs > LONGEST_SILENT_WAIT_MS
            ? deps.onServerWait({ retryAt: now + delay, requestedUntil: now + server.requestedMs })
            : null
        try {
          await sleep(options.clock, delay, signal)
        } catch {
          throw new RunStoppedError()
        } finally {
          shown?.()
        }
      }
    }
  }
}

function safeCount(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e6
    ? value
    : 1
}
