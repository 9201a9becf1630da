/**
 * A full disk, recognised wherever it surfaces. IndexedDB reports it as a `QuotaExceededError`
 * DOMException — on a request, or (more often) as the reason a transaction aborted at commit —
 * and Dexie wraps it: a DexieError named `QuotaExceededError`, an `AbortError` whose `inner` is
 * the quota error, or a `BulkError` whose `failures` hold it. Left alone, the wrapping
 * `AbortError` would read as "cancelled" and the sync would say nothing at all.
 */

/** The failure kind a full disk gets in the sync's and the outbox's vocabulary. */
export const DISK_FULL_KIND = 'disk_full'

export const DISK_FULL_MESSAGE =
  'Your disk is full: Revdesk could not save the latest data. Free some space, then choose Sync now. Nothing already saved was lost.'

/** For an edit the cache refused: the editor keeps what was typed. */
export const DISK_FULL_EDIT_MESSAGE =
  'Your disk is full: this change could not be saved. What you entered is still here — free some space, then save again.'

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'])
/** DOMException's legacy code for QUOTA_EXCEEDED_ERR. */
const QUOTA_CODE = 22
const MAX_DEPTH = 5

export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > MAX_DEPTH) return false
  const { name, code, inner, cause, failures } = error as {
    name?: unknown
    code?: unknown
    inner?: unknown
    cause?: unknown
    failures?: unknown
  }
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true
  if (code === QUOTA_CODE && error instanceof DOMException) return true
  if (isQuotaExceeded(inner, depth + 1) || isQuotaExceeded(cause, depth + 1)) return true
  if (Array.isArray(failures)) return failures.some((f) => isQuotaExceeded(f, depth + 1))
  if (typeof failures === 'object' && failures !== null) {
    return Object.values(failures).some((f) => isQuotaExceeded(f, depth + 1))
  }
  return false
}
