/**
 * How the engine reacts to a failed page fetch. The page source may be the IPC bridge (errors
 * carry a snake_case `code`) or the gateway client in tests (a CamelCase `kind`); both are
 * reduced to one vocabulary here.
 */
import type { SyncErrorInfo } from '../cache/syncState'
import { AUTH_KINDS, errorKind, REJECTED_KINDS } from '../lib/errorKinds'
import { DISK_FULL_KIND, DISK_FULL_MESSAGE, isQuotaExceeded } from '../cache/storage/quota'

/**
 * - `cancelled`: our own abort; not a failure.
 * - `offline`: nothing reaches ChartMogul; stop the run and wait for the network.
 * - `auth`: the key or workspace is unusable; stop the run, the user must act.
 * - `rejected`: this exact request is refused (e.g. a cursor the server no longer accepts).
 * - `retryable`: a bad or failed page; retry a bounded number of times.
 */
export type FailureClass = 'cancelled' | 'offline' | 'auth' | 'rejected' | 'retryable'

const OFFLINE = new Set(['offline', 'network'])

/** A page that parsed but cannot be followed (no cursor to go on, or the same one again). */
export class BadPageError extends Error {
  readonly kind = 'bad_page'
  constructor(message: string) {
    super(message)
    this.name = 'BadPageError'
  }
}

/** The normalized kind of anything thrown: `bad_response`, `offline`, `disk_full`… */
export function failureKind(error: unknown): string {
  return isQuotaExceeded(error) ? DISK_FULL_KIND : errorKind(error)
}

export function classifyFailure(error: unknown): FailureClass {
  const kind = failureKind(error)
  if (kind === 'cancelled') return 'cancelled'
  if (OFFLINE.has(kind)) return 'offline'
  if (AUTH_KINDS.has(kind)) return 'auth'
  if (REJECTED_KINDS.has(kind)) return 'rejected'
  return 'retryable'
}

export function toErrorInfo(error: unknown, at: string): SyncErrorInfo {
  const kind = failureKind(error)
  if (kind === DISK_FULL_KIND) return { kind, message: DISK_FULL_MESSAGE, at }
  const message = error instanceof Error ? error.message : String(error)
  return { kind, message, at }
}
