/**
 * Monaco's per-org request limits. The docs state both 100 requests per minute and 1,000 per
 * hour; which applies is unconfirmed, so both windows run at once (each a sliding log of
 * admitted requests). A refused request is not counted. A refusal reports the window that
 * refuses longest: its limit, 0 remaining, when it frees a slot (Unix seconds) and the wait
 * in whole seconds, for the 429's `X-RateLimit-*` and `Retry-After` headers.
 *
 * For benchmarks the windows can be raised, removed, or time-compressed: `timeScale: 60`
 * makes a "minute" last one second, keeping the two limits' ratio.
 */

export interface RateWindow {
  limit: number
  windowMs: number
}

export interface RateLimitSettings {
  /** Default `[{100, 60 s}, {1000, 1 h}]`. */
  windows?: readonly RateWindow[]
  /** Window lengths are divided by this (≥ 1 compresses time); default 1. */
  timeScale?: number
}

export const DEFAULT_WINDOWS: readonly RateWindow[] = [
  { limit: 100, windowMs: 60_000 },
  { limit: 1000, windowMs: 3_600_000 }
]

export interface RateRefusal {
  limit: number
  remaining: 0
  /** Unix seconds when the refusing window admits again. */
  resetUnix: number
  retryAfterSeconds: number
}

class Window {
  private readonly times: number[] = []
  private head = 0

  constructor(
    readonly limit: number,
    readonly windowMs: number
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`rate limit must be ≥ 1, got ${limit}`)
    if (!(windowMs > 0)) throw new Error(`rate window must be > 0 ms, got ${windowMs}`)
  }

  private expire(now: number): void {
    while (
      this.head < this.times.length &&
      (this.times[this.head] as number) <= now - this.windowMs
    ) {
      this.head++
    }
    if (this.head > 1024) {
      this.times.splice(0, this.head)
      this.head = 0
    }
  }

  /** ms until a slot frees, 0 when one is free now. */
  waitMs(now: number): number {
    this.expire(now)
    if (this.times.length - this.head < this.limit) return 0
    return (this.times[this.head] as number) + this.windowMs - now
  }

  remaining(now: number): number {
    this.expire(now)
    return Math.max(0, this.limit - (this.times.length - this.head))
  }

  add(now: number): void {
    this.times.push(now)
  }
}

export class RateWindows {
  private windows: Window[] = []

  constructor(
    settings: RateLimitSettings | false,
    private readonly nowMs: () => number
  ) {
    this.configure(settings)
  }

  configure(settings: RateLimitSettings | false): void {
    if (settings === false) {
      this.windows = []
      return
    }
    const scale = settings.timeScale ?? 1
    if (!(scale > 0)) throw new Error(`timeScale must be > 0, got ${scale}`)
    this.windows = (settings.windows ?? DEFAULT_WINDOWS).map(
      (w) => new Window(w.limit, w.windowMs / scale)
    )
  }

  /** Admits (and counts) the request, or says why not. */
  tryAcquire(): RateRefusal | null {
    const now = this.nowMs()
    let worst: { window: Window; wait: number } | null = null
    for (const window of this.windows) {
      const wait = window.waitMs(now)
      if (wait > 0 && (!worst || wait > worst.wait)) worst = { window, wait }
    }
    if (worst) {
      return {
        limit: worst.window.limit,
        remaining: 0,
        resetUnix: Math.ceil((now + worst.wait) / 1000),
        retryAfterSeconds: Math.max(1, Math.ceil(worst.wait / 1000))
      }
    }
    for (const window of this.windows) window.add(now)
    return null
  }

  /** Smallest remaining count over the windows (null when unlimited). */
  remaining(): number | null {
    const now = this.nowMs()
    if (this.windows.length === 0) return null
    return Math.min(...this.windows.map((w) => w.remaining(now)))
  }
}
