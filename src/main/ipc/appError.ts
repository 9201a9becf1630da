import type { BridgeErrorCode, BridgeIssue } from '../../shared/bridge/errors'

/**
 * An error a handler throws on purpose; its code and message reach the page as they are.
 * Any other thrown value is treated as a bug and reaches the page only as `internal`.
 */
export class AppError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
    readonly issues?: BridgeIssue[],
    readonly retryAfterMs?: number,
    readonly requestedWaitMs?: number
  ) {
    super(message)
    this.name = 'AppError'
  }
}
