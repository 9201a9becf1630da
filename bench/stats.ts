/** Small statistics the benchmarks share: medians, worst cases and interleaved run orders. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function worst(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('worst of no values')
  return Math.max(...values)
}

export function round(value: number, digits = 3): number {
  return Math.round(value * 10 ** digits) / 10 ** digits
}

/**
 * The order to run variants in, round by round: every variant once per round, each round
 * starting one variant later, so no variant always runs first (cold) or last (after the others
 * have warmed or fragmented the disk, heap and caches).
 */
export function interleavedOrder<T>(variants: readonly T[], rounds: number): T[][] {
  if (variants.length === 0 || rounds < 1) throw new RangeError('nothing to interleave')
  return Array.from({ length: rounds }, (_, r) =>
    variants.map((_, i) => variants[(i + r) % variants.length] as T)
  )
}

/** A target and whether it was met, spelled out in the result so a miss is plain to see. */
export interface Target {
  target: string
  value: number | boolean | null
  met: boolean
}

export function atMost(value: number, limit: number): Target {
  return { target: `<= ${limit}`, value, met: value <= limit }
}

export function atLeast(value: number, limit: number): Target {
  return { target: `>= ${limit}`, value, met: value >= limit }
}
