/**
 * One wording for "ChartMogul will not talk to us", shared by the sync status and the outbox's
 * pause, so the user reads the same instruction wherever it shows.
 */
import { describeError } from '../lib/bridge'

/** What to tell the user, in terms of what they can do about it. */
export function describeSyncProblem(kind: string, message: string): string {
  switch (kind) {
    case 'unauthorized':
      return 'ChartMogul rejected the API key — update it in Settings.'
    case 'no_key':
      return 'This workspace has no API key yet — add it in Settings.'
    case 'forbidden':
      return `ChartMogul refused access: ${message}`
    default:
      return message || describeError(kind)
  }
}
