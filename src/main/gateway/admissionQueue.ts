import type { Clock } from '../chartmogul/clock'

/**
 * The queue every provider's rate limiter puts requests in: FIFO, abortable, at most
 * `maxConcurrent` in flight, woken by a timer or a release. When the next request may start is
 * the provider's budget (`AdmissionPolicy`); the order, the slots and the waking live here.
 */

/** Call exactly once when the request is finished (extra calls are ignored). */
export type Release = () => void

export interface AdmissionPolicy {
  /**
   * Asked first, for the request at the head: a factory for the error every waiting request
   * gets at once (a wait too long to spend in silence), or null to keep them queued.
   */
  refusal(now: number): (() => unknown) | null
  /** Asked when a slot is free: ms until the head may start, or ≤ 0 for now. */
  waitMs(now: number): number
  /** The head starts now: spend its share of the budget. */
  grant(now: number): void
  /** The error a request gets when its signal aborts. */
  cancelled(): unknown
}

export interface AdmissionQueue {
  /** Resolves when the request may start; rejects with `cancelled()` if `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<Release>
  /** Look at the queue again: the policy's budget changed (a 429 was reported). */
  pump(): void
  counts(): { started: number; inFlight: number; queued: number }
}

interface Waiter {
  resolve: (release: Release) => void
  reject: (error: unknown) => void
  detach: () => void
}

export function createAdmissionQueue(
  maxConcurrent: number,
  clock: Clock,
  policy: AdmissionPolicy
): AdmissionQueue {
  let inFlight = 0
  let started = 0
  const queue: Waiter[] = []
  let timer: unknown = null

  function schedule(delayMs: number): void {
    if (timer !== null) clock.clearTimeout(timer)
    timer = clock.setTimeout(
      () => {
        timer = null
        pump()
      },
      Math.max(1, Math.ceil(delayMs))
    )
  }

  function pump(): void {
    while (queue.length > 0) {
      const now = clock.now()
      const refusal = policy.refusal(now)
      if (refusal !== null) {
        for (const waiter of queue.splice(0)) {
          waiter.detach()
          waiter.reject(refusal())
        }
        return
      }
      if (inFlight >= maxConcurrent) return // a release pumps again
      const wait = policy.waitMs(now)
      if (wait > 0) return schedule(wait)
      policy.grant(now)
      inFlight += 1
      started += 1
      const waiter = queue.shift() as Waiter
      waiter.detach()
      waiter.resolve(makeRelease())
    }
  }

  function makeRelease(): Release {
    let released = false
    return () => {
      if (released) return
      released = true
      inFlight -= 1
      pump()
    }
  }

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(policy.cancelled())
      return new Promise<Release>((resolve, reject) => {
        const onAbort = () => {
          const index = queue.indexOf(waiter)
          if (index >= 0) queue.splice(index, 1)
          reject(policy.cancelled())
          pump()
        }
        const waiter: Waiter = {
          resolve,
          reject,
          detach: () => signal?.removeEventListener('abort', onAbort)
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        queue.push(waiter)
        pump()
      })
    },
    pump,
    counts: () => ({ started, inFlight, queued: queue.length })
  }
}
