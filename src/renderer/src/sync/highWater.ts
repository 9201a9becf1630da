/**
 * The incremental activities pull starts an overlap before the newest activity a pass has seen.
 * An activity dated in the future (a scheduled churn, a billing system with a wrong clock) must
 * not move that point past the present: everything recorded after the pull started, but dated
 * before that future activity, would never be asked for again until the weekly full pass. So the
 * mark never goes past the time the pull that saw it started.
 */
export function boundedHighWater(candidate: string | null, pullStartedAt: string): string | null {
  if (candidate === null) return null
  const candidateMs = Date.parse(candidate)
  const limitMs = Date.parse(pullStartedAt)
  if (!Number.isFinite(limitMs)) return candidate
  // An unreadable date cannot be trusted to be in the past either.
  if (!Number.isFinite(candidateMs) || candidateMs > limitMs) return pullStartedAt
  return candidate
}
