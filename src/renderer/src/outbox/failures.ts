/**
 * How a failed push is handled. The writes may be the IPC bridge (snake_case `code`) or the
 * gateway client (CamelCase `kind`); both are reduced to one snake_case vocabulary.
 */
import type { FieldIssue } from './types'

/**
 * - `auth`: the key or workspace is unusable; pause the whole outbox until the user acts.
 * - `rejected`: this exact change is refused (validation, missing record); the user fixes or discards.
 * - `transient`: try again later with backoff (network, timeout, 429, 5xx, unknown outcome…).
 * - `cancelled`: our own abort; try again on the next push.
 */
export type PushFailureClass = 'auth' | 'rejected' | 'transient' | 'cancelled'

const AUTH = new Set([
  'unauthorized',
  'forbidden',
  'no_key',
  'unknown_workspace',
  'key_storage_unavailable'
])
const REJECTED = new Set(['validation', 'not_found', 'rejected', 'invalid_argument'])

/**
 * Kinds proving the write was not applied: the server (or this machine) refused it before
 * running it. Anything else may have reached ChartMogul, so a create must be reconciled.
 */
const NOT_APPLIED = new Set([...AUTH, ...REJECTED, 'rate_limited', 'offline'])

function snakeCase(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
}

/** The normalised kind of anything thrown: `outcome_unknown`, `rate_limited`, `unknown`… */
export function pushFailureKind(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { kind, code, name } = error as { kind?: unknown; code?: unknown; name?: unknown }
    if (typeof kind === 'string' && kind !== '') return snakeCase(kind)
    if (typeof code === 'string' && code !== '') return snakeCase(code)
    if (name === 'AbortError') return 'cancelled'
  }
  return 'unknown'
}

export function classifyPushFailure(error: unknown): PushFailureClass {
  const kind = pushFailureKind(error)
  if (kind === 'cancelled') return 'cancelled'
  if (AUTH.has(kind)) return 'auth'
  if (REJECTED.has(kind)) return 'rejected'
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
