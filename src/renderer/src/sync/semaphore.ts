/**
 * Caps how many page fetches the engine has in flight. The main process owns the real rate
 * limiter; this only keeps the engine from queueing hundreds of requests behind it. FIFO, and
 * a waiter whose signal aborts leaves the queue.
 */
export class Semaphore {
  private active = 0
  private readonly waiters: Array<() => void> = []

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1) {
      throw new RangeError(`The fetch concurrency must be a whole number ≥ 1; got ${max}.`)
    }
  }

  get inFlight(): number {
    return this.active
  }

  async acquire(signal: AbortSignal): Promise<() => void> {
    signal.throwIfAborted()
    if (this.active < this.max) {
      this.active += 1
      return this.releaser()
    }
    await new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal.removeEventListener('abort', onAbort)
        resolve()
      }
      const onAbort = (): void => {
        const index = this.waiters.indexOf(grant)
        if (index >= 0) this.waiters.splice(index, 1)
        reject(signal.reason)
      }
      signal.addEventListener('abort', onAbort, { once: true })
      this.waiters.push(grant)
    })
    // The releasing holder handed its slot over without decrementing.
    return this.releaser()
  }

  private releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiters.shift()
      if (next) next()
      else this.active -= 1
    }
  }
}
