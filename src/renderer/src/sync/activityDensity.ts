/**
 * Where to cut the activity log into windows holding about the same number of activities, from
 * a few samples of its density (activities per millisecond at some points in time). Accounts
 * grow, often unevenly: windows even in time, or sized from the two ends of the log alone,
 * leave the newest windows several times fuller than the rest, and a sync ends paging one
 * window alone. The density is taken as linear between samples and flat beyond the outer ones.
 */

export interface DensitySample {
  /** Epoch ms the sample describes (the middle of the probed page's time span). */
  atMs: number
  /** Activities per ms around `atMs`. */
  perMs: number
}

/** A sample from one probed page: `count` activities between `fromMs` and `toMs`. */
export function densitySample(count: number, fromMs: number, toMs: number): DensitySample | null {
  const span = toMs - fromMs
  if (!(span > 0) || !(count > 0) || !Number.isFinite(span)) return null
  return { atMs: fromMs + span / 2, perMs: count / span }
}

interface Segment {
  fromMs: number
  toMs: number
  /** Density at `fromMs` and its slope (per ms²) across the segment. */
  start: number
  slope: number
  /** Activities in the segment. */
  mass: number
}

function segmentsOf(samples: readonly DensitySample[], minMs: number, maxMs: number): Segment[] {
  const points = samples
    .filter((s) => Number.isFinite(s.atMs) && Number.isFinite(s.perMs) && s.perMs > 0)
    .map((s) => ({ atMs: Math.min(maxMs, Math.max(minMs, s.atMs)), perMs: s.perMs }))
    .sort((a, b) => a.atMs - b.atMs)
  if (points.length === 0) return []
  const first = points[0] as DensitySample
  const last = points[points.length - 1] as DensitySample
  const knots = [{ atMs: minMs, perMs: first.perMs }, ...points, { atMs: maxMs, perMs: last.perMs }]
  const segments: Segment[] = []
  for (let i = 1; i < knots.length; i++) {
    const a = knots[i - 1] as DensitySample
    const b = knots[i] as DensitySample
    const width = b.atMs - a.atMs
    if (width <= 0) continue
    segments.push({
      fromMs: a.atMs,
      toMs: b.atMs,
      start: a.perMs,
      slope: (b.perMs - a.perMs) / width,
      mass: ((a.perMs + b.perMs) / 2) * width
    })
  }
  return segments
}

/** The offset t in 0..width where the segment's cumulative mass reaches `target`. */
function offsetFor(segment: Segment, target: number): number {
  const width = segment.toMs - segment.fromMs
  const { start: d0, slope } = segment
  // d0·t + slope·t²/2 = target
  if (Math.abs(slope) * width < 1e-9 * Math.max(d0, 1e-300)) return target / d0
  const root = d0 * d0 + 2 * slope * target
  const t = (-d0 + Math.sqrt(Math.max(0, root))) / slope
  return Math.min(width, Math.max(0, t))
}

/**
 * `parts - 1` increasing cut points strictly inside (minMs, maxMs] splitting the estimated
 * activities into `parts` equal shares; evenly in time when the samples say nothing.
 */
export function equalShareCuts(
  samples: readonly DensitySample[],
  minMs: number,
  maxMs: number,
  parts: number
): number[] {
  if (!(maxMs > minMs) || parts <= 1) return []
  const segments = segmentsOf(samples, minMs, maxMs)
  const total = segments.reduce((sum, s) => sum + s.mass, 0)
  const raw: number[] = []
  if (!(total > 0) || !Number.isFinite(total)) {
    for (let i = 1; i < parts; i++) raw.push(minMs + ((maxMs - minMs) * i) / parts)
  } else {
    let index = 0
    let before = 0
    for (let i = 1; i < parts; i++) {
      const target = (total * i) / parts
      while (index < segments.length - 1 && before + (segments[index] as Segment).mass < target) {
        before += (segments[index] as Segment).mass
        index++
      }
      const segment = segments[index] as Segment
      raw.push(segment.fromMs + offsetFor(segment, target - before))
    }
  }
  return increasingWithin(raw.map(Math.round), minMs, maxMs)
}

/** The candidate cuts inside (minMs, maxMs], each later than the one before; others dropped. */
export function increasingWithin(
  candidates: readonly number[],
  minMs: number,
  maxMs: number
): number[] {
  const cuts: number[] = []
  for (const ms of candidates) {
    if (ms > minMs && ms <= maxMs && (cuts.length === 0 || ms > (cuts.at(-1) as number))) {
      cuts.push(ms)
    }
  }
  return cuts
}
