/**
 * How a failed push is handled. The writes may be the IPC bridge (snake_case `code`) or the
 * gateway client (CamelCase `kind`); both are reduced to one snake_case vocabulary.
 */
import { AUTH_KINDS, errorKind, REJECTED_KINDS } from '../lib/errorKinds'
import type { FieldIssue } from './types'

/**
 * - `auth`: the key or workspace is unusable; pause the whole outbox until the user acts.
 * - `rejected`: this exact change is refused (validation, missing record); the user fixes or discards.
 * - `transient`: try again later with backoff (network, timeout, 429, 5xx, unknown outcome…).
 * - `cancelled`: our own abort; try again on the next push.
 */
export type PushFailureClass = 'auth' | 'rejected' | 'transient' | 'cancelled'

/**
 * Kinds proving the write was not applied: the server (or this machine) refused it before
 * running it. Anything else may have reached ChartMogul, so a create must be reconciled.
 */
const NOT_APPLIED = new Set([...AUTH_KINDS, ...REJECTED_KINDS, 'rate_limited', 'offline'])

/** The normalised kind of anything thrown: `outcome_unknown`, `rate_limited`, `unknown`… */
export const pushFailureKind = errorKind

export function classifyPushFailure(error: unknown): PushFailureClass {
  const kind = pushFailureKind(error)
  if (kind === 'cancelled') return 'cancelled'
  if (AUTH_KINDS.has(kind)) return 'auth'
  if (REJECTED_KINDS.has(kind)) return 'rejected'
  return 'transient'
}

/** Whether a create that failed this way may nonetheless have been saved by ChartMogul. */
export function mayHaveBeenApplied(error: unknown): boolean {
  return !NOT_APPLIED.has(pushFailureKind(error))
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'object' && error !== null) {
    const { message } = error as { message?: unknown }
    if (typeof message === 'string') return message
  }
  return String(error)
}

/** Field complaints carried by the error (gateway `fieldErrors`, bridge `issues`). */
export function fieldIssuesOf(error: unknown): FieldIssue[] {
  if (typeof error !== 'object' || error === null) return []
  const { fieldErrors, issues } = error as { fieldErrors?: unknown; issues?: unknown }
  const list = Array.isArray(fieldErrors) ? fieldErrors : Array.isArray(issues) ? issues : []
  const out: FieldIssue[] = []
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue
    const { field, path, message } = item as { field?: unknown; path?: unknown; message?: unknown }
    const name =
      typeof field === 'string' ? field : Array.isArray(path) ? path.map(String).join('.') : ''
    if (typeof message === 'string') out.push({ field: name, message })
  }
  return out
}
