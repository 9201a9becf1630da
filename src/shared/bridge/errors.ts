/**
 * Errors that cross the bridge. They are plain data (structured-clone safe) because Electron
 * flattens thrown errors to a message string on their way through `ipcRenderer.invoke`.
 */
export const BRIDGE_ERROR_CODES = [
  /** The page sent arguments that do not match the contract. */
  'invalid_argument',
  /** The page asked for a method the main process does not have. */
  'unknown_method',
  /** The OS keychain and its encrypted fallback are both unavailable. */
  'key_storage_unavailable',
  /** The request was refused by policy (e.g. a non-https link). */
  'forbidden',
  /** No workspace with that id. */
  'unknown_workspace',
  /** The workspace has no API key stored. */
  'no_key',
  /**
   * Main did not send the key: the user declined the address in the native question, or the
   * address is one a key never goes to. Only the user can change that (Settings).
   */
  'key_withheld',
  // ---- ChartMogul answered (or did not) — see src/main/chartmogul/errors.ts ----
  'unauthorized',
  'not_found',
  'validation',
  'rate_limited',
  'offline',
  'network',
  'timeout',
  'server',
  'outcome_unknown',
  'cancelled',
  'bad_response',
  /** A bug in the main process; details are in main's log, not sent to the page. */
  'internal'
] as const

export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number]

export interface BridgeIssue {
  /** Dotted path of the offending argument, e.g. `apiKey` or `filters.0.value`. */
  path: string
  message: string
}

export interface BridgeError {
  code: BridgeErrorCode
  message: string
  issues?: BridgeIssue[]
  /** For `rate_limited`: how long to wait before trying again (main caps what servers ask). */
  retryAfterMs?: number
  /** For `rate_limited`: how long the server asked for, when longer than `retryAfterMs`. */
  requestedWaitMs?: number
}

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError }
