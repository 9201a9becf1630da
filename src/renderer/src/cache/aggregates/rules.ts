/**
 * The two rules that decide which bucket a row falls in, shared by the aggregates kept here and
 * the dashboard's scan of every row (sections/dashboard/aggregate.ts, the tests' oracle).
 */
import type { Opportunity } from '../../../../shared/domain/opportunity'

/** `YYYY-MM` of an ISO timestamp in UTC, or null when it does not parse. */
export function utcMonth(iso: string): string | null {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return null
  const date = new Date(ms)
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`
}

const CLOSED_CATEGORIES = new Set(['won', 'lost'])
const CLOSED_STAGES = new Set(['closed won', 'closed lost'])

/** Open: neither the forecast category (won/lost) nor the stage (Closed Won/Lost) says closed. */
export function isOpen(
  opportunity: Pick<Opportunity, 'forecastCategory' | 'pipelineStage'>
): boolean {
  if (opportunity.forecastCategory && CLOSED_CATEGORIES.has(opportunity.forecastCategory)) {
    return false
  }
  return !CLOSED_STAGES.has(opportunity.pipelineStage.trim().toLowerCase())
}
