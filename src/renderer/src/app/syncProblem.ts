/**
 * One wording for "the provider (ChartMogul, Monaco) will not talk to us", shared by the sync status and the outbox's
 * pause, so the user reads the same instruction wherever it shows.
 */
import { describeError } from '../lib/bridge'
import { DISK_FULL_KIND, DISK_FULL_MESSAGE } from '../cache/storage/quota'

/** What to tell the user, in terms of what they can do about it. */
export function describeSyncProblem(
  kind: string,
  message: string,
  provider = 'ChartMogul'
): string {
  switch (kind) {
    case 'unauthorized':
      return `${provider} rejected the API key — update it in Settings.`
    case 'no_key':
      return 'This workspace has no API key yet — add it in Settings.'
    case 'forbidden':
      // The gateway's own sentence already says who refused; only a bare reason needs it.
      return /refused access/i.test(message) ? message : `${provider} refused access: ${message}`
    case 'key_withheld':
      // Revdesk's own refusal (the user declined the address): nothing reached ChartMogul.
      return /Settings/.test(message)
        ? message
        : `${message} Confirm or change the API address in Settings.`
    case DISK_FULL_KIND:
      return DISK_FULL_MESSAGE
    default:
      return message || describeError(kind)
  }
}
