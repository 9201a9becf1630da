/**
 * Request budgets over several sliding windows at once (e.g. 80 per minute *and* 800 per
 * hour). A grant is allowed when, in every window, fewer than `limit` grants happened within
 * the last `windowMs`. A sliding log is at least as strict as any fixed window the server
 * may count in, so staying inside it never trips the server's limit on our own traffic.
 * Pure bookkeeping: no timers, time is passed in.
 */

export interface RequestWindow {
  limit: number
  windowMs: number
}

export interface WindowUsage extends RequestWindow {
  used: number
}

export interface WindowLog {
  /** Milliseconds from `now` until one more grant fits every window (0: now). */
  delayMs(now: number): number
  record(now: number): void
  usage(now: number): WindowUsage[]
}

export function createWindowLog(windows: readonly RequestWindow[]): WindowLog {
  const longest = Math.max(0, ...windows.map((w) => w.windowMs))
  /** Grant times, ascending; nothing older than the longest window is kept. */
  const grants: number[] = []

  function prune(now: number): void {
    let drop = 0
    while (drop < grants.length && (grants[drop] as number) <= now - longest) drop += 1
    if (drop > 0) grants.splice(0, drop)
  }

  /** Index of the first grant still inside a window ending at `now`. */
  function firstInside(now: number, windowMs: number): number {
    let index = 0
    while (index < grants.length && (grants[index] as number) <= now - windowMs) index += 1
    return index
  }

  return {
    delayMs(now) {
      prune(now)
      let delay = 0
      for (const { limit, windowMs } of windows) {
        const first = firstInside(now, windowMs)
        const used = grants.length - first
        if (used < limit) continue
        // The grant that must leave the window before one more fits.
        const leaving = grants[first + (used - limit)] as number
        delay = Math.max(delay, leaving + windowMs - now)
      }
      return delay
    },
    record(now) {
      grants.push(now)
    },
    usage(now) {
      prune(now)
      return windows.map((w) => ({ ...w, used: grants.length - firstInside(now, w.windowMs) }))
    }
  }
}
