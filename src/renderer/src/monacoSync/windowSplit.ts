/**
 * When a window is worth splitting, and where. Windows are planned as equal spans of time,
 * but records are not spread evenly over time (an organization grows), so one window can hold
 * most of a listing and leave one walk reading alone at the end while the budget idles. When
 * fewer walks run than the engine keeps in flight, a window with several pages left hands the
 * later half of its remaining span to a new walk.
 */
import type { MonacoPassState, MonacoWindowState } from '../cache/monacoSyncState'

/** The midpoint (ISO, whole ms) of the window's unread span, or null when not worth it. */
export function splitPoint(
  window: MonacoWindowState,
  pass: MonacoPassState,
  pageSize: number
): string | null {
  if (window.done || window.remaining === null || window.remaining < 3 * pageSize) return null
  if (window.position.createdAt === null) return null
  const from = Date.parse(window.position.createdAt)
  const end = window.range.before ?? pass.newestCreatedAt
  const to = end === null ? NaN : Date.parse(end)
  if (!Number.isFinite(from) || !Number.isFinite(to) || to - from < 2) return null
  return new Date(Math.floor(from + (to - from) / 2) + 1).toISOString()
}
