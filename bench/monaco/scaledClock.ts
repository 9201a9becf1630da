/**
 * Time that runs `scale` times faster than the wall clock: what the benchmark gives the Monaco
 * rate limiter and the sync engine, so the documented per-minute and per-hour budgets hold in
 * proportion (the simulator's windows are compressed by the same factor) and a run finishes in
 * seconds instead of minutes. Network latency stays real.
 */
import type { Clock } from '../../src/main/chartmogul/clock'

export function scaledClock(scale: number): Clock {
  if (!(scale >= 1)) throw new RangeError(`The time scale must be ≥ 1; got ${scale}.`)
  const origin = Date.now()
  return {
    now: () => origin + (Date.now() - origin) * scale,
    setTimeout: (callback, ms) => setTimeout(callback, Math.max(0, ms) / scale),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
  }
}
