/**
 * Turns a customer's MRR activities into the points of a step chart: one point per day, valued at
 * the MRR after that day's last movement, with a final point at `until` so the current level
 * shows as a flat line up to today.
 */
import type { Activity } from '../../../../shared/domain'

export interface MrrPoint {
  /** Epoch ms. */
  x: number
  /** MRR in cents after the movements up to and including this moment. */
  y: number
}

type SeriesActivity = Pick<Activity, 'date' | 'mrrCents'>

export function buildMrrSeries(
  activities: readonly SeriesActivity[],
  until: number | null = null
): MrrPoint[] {
  const dated = activities
    .map((a, index) => ({ ms: Date.parse(a.date), mrr: a.mrrCents, index }))
    .filter((a) => !Number.isNaN(a.ms) && Number.isFinite(a.mrr))
    // Stable for equal timestamps: the later entry in the input is the later movement.
    .sort((a, b) => a.ms - b.ms || a.index - b.index)

  const points: MrrPoint[] = []
  for (const { ms, mrr } of dated) {
    const last = points.at(-1)
    if (last && last.x === ms) last.y = mrr
    else points.push({ x: ms, y: mrr })
  }
  const last = points.at(-1)
  if (last && until !== null && until > last.x) points.push({ x: until, y: last.y })
  return points
}

/** Activities newest first, for the timeline (equal dates keep their reverse input order). */
export function newestFirst<T extends Pick<Activity, 'date'>>(activities: readonly T[]): T[] {
  return activities
    .map((activity, index) => ({ activity, index, ms: Date.parse(activity.date) }))
    .sort((a, b) => (b.ms || 0) - (a.ms || 0) || b.index - a.index)
    .map((entry) => entry.activity)
}

/** "new_biz" → "New biz", for labels. */
export function humanizeActivityType(type: string): string {
  const known: Record<string, string> = {
    new_biz: 'New business',
    reactivation: 'Reactivation',
    expansion: 'Expansion',
    contraction: 'Contraction',
    churn: 'Churn'
  }
  const label = known[type]
  if (label) return label
  const words = type.replace(/[_-]+/g, ' ').trim()
  return words === '' ? 'Unknown' : words.charAt(0).toUpperCase() + words.slice(1)
}

/** A custom attribute value as text (objects and arrays as compact JSON). */
export function formatAttributeValue(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'string') return value === '' ? '—' : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}

/** "City, State ZIP, Country" from whichever parts are present. */
export function formatAddress(parts: {
  city?: string | null
  state?: string | null
  zip?: string | null
  country?: string | null
}): string {
  const cityLine = [parts.city, [parts.state, parts.zip].filter(Boolean).join(' ')]
    .filter((part) => part && part.trim() !== '')
    .join(', ')
  return [cityLine, parts.country].filter((part) => part && part.trim() !== '').join(', ')
}
