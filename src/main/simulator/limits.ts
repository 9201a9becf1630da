/**
 * The real API's two admission limits: at most 40 requests in any one-second window (→ 429)
 * and at most 20 parallel connections (→ 503 "Too Many Parallel Connections"). Both take an
 * injectable clock / are resizable so tests can tighten, loosen or disable them without sleeping.
 */

export interface RateLimitOptions {
  /** Requests allowed in any window; null disables the limit. Default 40. */
  perWindow: number | null
  /** Window length; default 1000 ms. */
  windowMs?: number
  /** Adds `Retry-After: <seconds>` to 429s (the real API sends none, so unset by default). */
  retryAfterSeconds?: number
}

/** Sliding window over the admission times of recent requests. */
export class SlidingWindowLimiter {
  private readonly times: number[] = []
  private head = 0

  constructor(
    private options: RateLimitOptions,
    private readonly now: () => number
  ) {}

  get retryAfterSeconds(): number | undefined {
    return this.options.retryAfterSeconds
  }

  configure(options: RateLimitOptions): void {
    this.options = options
  }

  /** True when the request may proceed (and is counted); false → answer 429. */
  tryAcquire(): boolean {
    const limit = this.options.perWindow
    if (limit === null) return true
    const now = this.now()
    const windowMs = this.options.windowMs ?? 1000
    while (this.head < this.times.length && (this.times[this.head] as number) <= now - windowMs) {
      this.head++
    }
    // Compact now and then so the array does not grow for the life of the server.
    if (this.head > 1024) {
      this.times.splice(0, this.head)
      this.head = 0
    }
    if (this.times.length - this.head >= limit) return false
    this.times.push(now)
    return true
  }
}

/** Counts requests in flight (arrival until the response is finished or the socket closes). */
export class ConcurrencyGate {
  private current = 0
  private peak = 0

  constructor(private max: number | null) {}

  configure(max: number | null): void {
    this.max = max
  }

  get inFlight(): number {
    return this.current
  }

  get maxObserved(): number {
    return this.peak
  }

  resetPeak(): void {
    this.peak = this.current
  }

  /** True when admitted (the caller must later call `leave()` exactly once). */
  tryEnter(): boolean {
    if (this.max !== null && this.current >= this.max) return false
    this.current++
    this.peak = Math.max(this.peak, this.current)
    return true
  }

  leave(): void {
    this.current = Math.max(0, this.current - 1)
  }
}
