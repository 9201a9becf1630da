/**
 * Caps how many page fetches the engine has in flight. The main process owns the real rate
 * limiter; this only keeps the engine from queueing hundreds of requests behind it. A free slot
 * goes to the waiter with the highest priority (FIFO among equals), and a waiter whose signal
 * aborts leaves the queue.
 */
export class Semaphore {
  private active = 0
  private readonly waiters: Array<{ grant: () => void; priority: number; seq: number }> = []
  private seq = 0

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1) {
      throw new RangeError(`The fetch concurrency must be a whole number ≥ 1; got ${max}.`)
    }
  }

  get inFlight(): number {
    return this.active
  }

  /** `priority`: higher goes first when slots are scarce (default 0). */
  async acquire(signal: AbortSignal, priority = 0): Promise<() => void> {
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
      const waiter = { grant, priority, seq: this.seq++ }
      const onAbort = (): void => {
        const index = this.waiters.indexOf(waiter)
        if (index >= 0) this.waiters.splice(index, 1)
        reject(signal.reason)
      }
      signal.addEventListener('abort', onAbort, { once: true })
      this.waiters.push(waiter)
    })
    // The releasing holder handed its slot over without decrementing.
    return this.releaser()
  }

  private releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.takeNext()
      if (next) next.grant()
      else this.active -= 1
    }
  }

  private takeNext(): { grant: () => void } | undefined {
    let best = -1
    this.waiters.forEach((waiter, index) => {
      const current = this.waiters[best]
      if (
        current === undefined ||
        waiter.priority > current.priority ||
        (waiter.priority === current.priority && waiter.seq < current.seq)
      ) {
        best = index
      }
    })
    return best < 0 ? undefined : this.waiters.splice(best, 1)[0]
  }
}
