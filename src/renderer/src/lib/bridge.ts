/**
 * The renderer's door to the main process. Wraps `window.revdesk` so callers get a value or a
 * thrown `BridgeCallError` carrying the typed error code, message and per-field issues.
 */
import type { ArgsOf, PayloadOf, ResultOf } from '../../../shared/bridge/contract'
import type {
  BridgeError,
  BridgeErrorCode,
  BridgeIssue,
  BridgeResult
} from '../../../shared/bridge/errors'
import type { BridgeEventName, BridgeMethodName } from '../../../shared/bridge/surface'

export class BridgeCallError extends Error {
  readonly code: BridgeErrorCode
  readonly issues: BridgeIssue[]
  /** For `rate_limited`: how long to wait, and how long ChartMogul asked for. */
  readonly retryAfterMs: number | undefined
  readonly requestedWaitMs: number | undefined
  constructor(error: BridgeError) {
    super(error.message)
    this.name = 'BridgeCallError'
    this.code = error.code
    this.issues = error.issues ?? []
    this.retryAfterMs = error.retryAfterMs
    this.requestedWaitMs = error.requestedWaitMs
  }
}

function unwrap<T>(result: BridgeResult<T>): T {
  if (result.ok) return result.value
  throw new BridgeCallError(result.error)
}

export async function call<M extends BridgeMethodName>(
  method: M,
  ...args: ArgsOf<M> extends undefined ? [] : [ArgsOf<M>]
): Promise<ResultOf<M>> {
  const fn = window.revdesk[method] as (a?: unknown) => Promise<BridgeResult<ResultOf<M>>>
  return unwrap(await fn(args[0]))
}

export function onBridgeEvent<E extends BridgeEventName>(
  event: E,
  listener: (payload: PayloadOf<E>) => void
): () => void {
  return window.revdesk.on(event, listener)
}

/** A message fit for the user, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof BridgeCallError) return error.message
  if (error instanceof Error) return error.message
  return String(error)
}
