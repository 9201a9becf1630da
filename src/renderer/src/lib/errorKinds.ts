/**
 * One vocabulary for failures, whatever threw them: the IPC bridge (snake_case `code`), the
 * gateway client in Node tests (CamelCase `kind`), or an abort. The sync engine and the outbox
 * each decide what a kind means for them; what the kinds are is decided here.
 */

/** The key or workspace is unusable: only the user can fix it. */
export const AUTH_KINDS: ReadonlySet<string> = new Set([
  'unauthorized',
  'forbidden',
  'no_key',
  'key_withheld',
  'unknown_workspace',
  'key_storage_unavailable'
])

/** This exact request is refused; repeating it gives the same answer. */
export const REJECTED_KINDS: ReadonlySet<string> = new Set([
  'validation',
  'not_found',
  'rejected',
  'invalid_argument'
])

function snakeCase(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
}

/** The normalised kind of anything thrown: `bad_response`, `offline`, `cancelled`, `type_error`… */
export function errorKind(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { kind, code, name } = error as { kind?: unknown; code?: unknown; name?: unknown }
    if (typeof kind === 'string' && kind !== '') return snakeCase(kind)
    if (typeof code === 'string' && code !== '') return snakeCase(code)
    if (name === 'AbortError') return 'cancelled'
    if (typeof name === 'string' && name !== '') return snakeCase(name)
  }
  return 'unknown'
}
