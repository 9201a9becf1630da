/**
 * Splits one entity's listing into `created_at` windows that walk in parallel, so the
 * organization's request budget is used by several requests at once instead of one walk
 * waiting on each answer in turn. Windows are disjoint and cover every instant: the first is
 * open before, the last open after (records created mid-pass, or before the oldest one seen
 * when planning, still fall in one).
 */
import type { CreatedRange, MonacoBounds } from '../../../shared/sync/monacoSource'

export interface WindowPlanOptions {
  recordsPerWindow: number
  maxWindows: number
}

export function planWindows(bounds: MonacoBounds, options: WindowPlanOptions): CreatedRange[] {
  const oldest = bounds.oldestCreatedAt === null ? NaN : Date.parse(bounds.oldestCreatedAt)
  const newest = bounds.newestCreatedAt === null ? NaN : Date.parse(bounds.newestCreatedAt)
  const wanted = Math.min(
    options.maxWindows,
    Math.ceil(bounds.totalCount / options.recordsPerWindow)
  )
  // Nothing to split (or bounds that make no sense, which a hostile answer may give).
  if (!(wanted > 1) || !Number.isFinite(oldest) || !Number.isFinite(newest) || newest <= oldest) {
    return [{}]
  }
  // Equal spans of time: cut points at whole milliseconds (what Monaco's filters compare).
  const cuts: string[] = []
  for (let i = 1; i < wanted; i++) {
    const at = new Date(Math.round(oldest + ((newest - oldest) * i) / wanted)).toISOString()
    if (at !== cuts.at(-1)) cuts.push(at)
  }
  return cuts
    .map((cut, i): CreatedRange => (i === 0 ? { before: cut } : { from: cuts[i - 1], before: cut }))
    .concat([{ from: cuts.at(-1) as string }])
}
