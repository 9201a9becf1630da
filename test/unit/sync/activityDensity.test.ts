/**
 * Cutting the activity log into windows of equal size from a few density samples: exact for
 * flat and linearly growing logs, close for an account that grew in a burst, and never a cut
 * outside the log or out of order.
 */
import { describe, expect, it } from 'vitest'
import {
  densitySample,
  equalShareCuts,
  type DensitySample
} from '../../../src/renderer/src/sync/activityDensity'

/** How many of `dates` fall in each window the cuts make. */
function windowCounts(dates: number[], cuts: number[]): number[] {
  const edges = [Number.NEGATIVE_INFINITY, ...cuts, Number.POSITIVE_INFINITY]
  return edges
    .slice(1)
    .map((to, i) => dates.filter((d) => d >= (edges[i] as number) && d < to).length)
}

/** Samples as the probes would take them: `perPage` consecutive dates starting at a point. */
function probeSamples(dates: number[], at: number[], perPage = 200): DensitySample[] {
  return at.flatMap((from) => {
    const page = dates.filter((d) => d >= from).slice(0, perPage)
    const sample = densitySample(page.length, from, page.at(-1) ?? from)
    return sample ? [sample] : []
  })
}

describe('equal-share cuts', () => {
  it('cuts a flat log evenly in time', () => {
    const cuts = equalShareCuts([{ atMs: 50, perMs: 2 }], 0, 100, 4)
    expect(cuts).toEqual([25, 50, 75])
  })

  it('cuts a linearly growing log at the square-root quantiles', () => {
    // Density d(x) = x over 0..100: the share below x is (x/100)², so halves split at 70.7.
    const cuts = equalShareCuts(
      [
        { atMs: 0, perMs: 0.0001 },
        { atMs: 100, perMs: 100 }
      ],
      0,
      100,
      2
    )
    expect(cuts[0]).toBeGreaterThanOrEqual(70)
    expect(cuts[0]).toBeLessThanOrEqual(71)
  })

  it('keeps the fullest window near the mean for an account that grew in a burst', () => {
    // 20k activities: sparse for three years, then ten times denser in the last year.
    const day = 86_400_000
    const dates: number[] = []
    for (let i = 0; i < 5_000; i++) dates.push(Math.floor((i / 5_000) * 3 * 365 * day))
    for (let i = 0; i < 15_000; i++)
      dates.push(3 * 365 * day + Math.floor((i / 15_000) * 365 * day))
    dates.sort((a, b) => a - b)
    const min = dates[0] as number
    const max = dates.at(-1) as number
    const probes = Array.from({ length: 7 }, (_, i) => min + ((max - min) * (i + 1)) / 8)
    const samples = [
      ...probeSamples(dates, [min]),
      ...probeSamples(dates, probes),
      densitySample(200, dates.at(-200) as number, max) as DensitySample
    ]
    const counts = windowCounts(dates, equalShareCuts(samples, min, max, 16))
    expect(counts).toHaveLength(16)
    // The sync ends when its fullest window does: that one must be close to the mean (windows
    // around the burst come out smaller, which only makes them finish early).
    const mean = dates.length / 16
    expect(Math.max(...counts)).toBeLessThan(mean * 1.2)
    // Cutting evenly in time would leave the newest windows three times fuller.
    const even = windowCounts(dates, equalShareCuts([], min, max, 16))
    expect(Math.max(...even)).toBeGreaterThan(mean * 2.5)
  })

  it('falls back to even time cuts without usable samples, and never cuts outside the log', () => {
    expect(equalShareCuts([], 0, 90, 3)).toEqual([30, 60])
    expect(equalShareCuts([{ atMs: 5, perMs: Number.NaN }], 0, 90, 3)).toEqual([30, 60])
    expect(equalShareCuts([{ atMs: 5, perMs: 1 }], 10, 10, 3)).toEqual([])
    const cuts = equalShareCuts(
      [
        { atMs: -1e9, perMs: 1 },
        { atMs: 1e12, perMs: 5 }
      ],
      0,
      1_000,
      8
    )
    expect(
      cuts.every((c, i) => c > 0 && c <= 1_000 && (i === 0 || c > (cuts[i - 1] as number)))
    ).toBe(true)
  })

  it('takes no sample from an empty page or one whose records share a single instant', () => {
    expect(densitySample(0, 0, 10)).toBeNull()
    expect(densitySample(200, 10, 10)).toBeNull()
    expect(densitySample(200, 0, 100)).toEqual({ atMs: 50, perMs: 2 })
  })
})
