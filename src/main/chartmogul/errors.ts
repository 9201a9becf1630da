import { capText } from '../security/redactServerText'

/**
 * Everything that can go wrong talking to ChartMogul, as a closed set of kinds a caller can
 * switch on. Each error's `message` is written for the user; the technical detail (status,
 * server text, errno) stays in fields for logs.
 */

export type ChartMogulErrorKind =
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'Validation'
  | 'Rejected'
  | 'RateLimited'
  | 'Offline'
  | 'Network'
  | 'Timeout'
  | 'Server'
  | 'OutcomeUnknown'
  | 'Cancelled'
  | 'BadResponse'

/** One complaint about one input field, as ChartMogul (or local validation) reported it. */
export interface FieldError {
  /** The field as named by whoever complained: a wire name (`amount_in_cents`) or ours. */
  field: string
  message: string
  code?: string
}

/** Structured-clone-safe summary, for logs and for crossing the bridge. */
export interface ChartMogulErrorInfo {
  kind: ChartMogulErrorKind
  message: string
  status: number | null
  serverMessage: string | null
  attempts: number
  retryAfterMs: number | null
  fieldErrors?: FieldError[]
}

export interface ErrorContext {
  /** HTTP status when a response was received. */
  status?: number | null
  /** What ChartMogul said, when it said anything readable. */
  serverMessage?: string | null
  /** From `Retry-After`, when the response carried one: what Revdesk will wait (capped). */
  retryAfterMs?: number | null
  /** What the server asked for, when that was longer than Revdesk will wait. */
  requestedWaitMs?: number | null
  cause?: unknown
}

export abstract class ChartMogulError extends Error {
  readonly kind: ChartMogulErrorKind
  readonly status: number | null
  readonly serverMessage: string | null
  readonly retryAfterMs: number | null
  readonly requestedWaitMs: number | null
  /** How many attempts were made before this error was final (set by the retry loop). */
  attempts = 1

  constructor(kind: ChartMogulErrorKind, message: string, context: ErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause })
    this.kind = kind
    this.name = `ChartMogul${kind}Error`
    this.status = context.status ?? null
    this.serverMessage = context.serverMessage ?? null
    this.retryAfterMs = context.retryAfterMs ?? null
    this.requestedWaitMs = context.requestedWaitMs ?? this.retryAfterMs
  }

  toPlain(): ChartMogulErrorInfo {
    return {
      kind: this.kind,
      message: this.message,
      status: this.status,
      serverMessage: this.serverMessage,
      attempts: this.attempts,
      retryAfterMs: this.retryAfterMs
    }
  }
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`
}

function withServerMessage(base: string, serverMessage: string | null | undefined): string {
  return serverMessage ? `${base} ChartMogul said: “${serverMessage}”` : base
}

export class UnauthorizedError extends ChartMogulError {
  declare readonly kind: 'Unauthorized'
  constructor(context: ErrorContext = {}) {
    super(
      'Unauthorized',
      'ChartMogul did not accept the API key. Check the key in Settings (it may have been revoked).',
      context
    )
  }
}

export class ForbiddenError extends ChartMogulError {
  declare readonly kind: 'Forbidden'
  constructor(context: ErrorContext = {}) {
    super(
      'Forbidden',
      withServerMessage(
        'ChartMogul refused access. The account’s trial may have expired, the key may be read-only, or — for opportunities — the key must belong to a user with a CRM seat.',
        context.serverMessage
      ),
      context
    )
  }
}

export class NotFoundError extends ChartMogulError {
  declare readonly kind: 'NotFound'
  constructor(
    readonly resource: string,
    context: ErrorContext = {}
  ) {
    super(
      'NotFound',
      `That ${resource} no longer exists in ChartMogul (it may have been deleted).`,
      context
    )
  }
}

/** How much of the field errors the message repeats. */
const MAX_DETAILS_LENGTH = 600

export class ValidationError extends ChartMogulError {
  declare readonly kind: 'Validation'
  constructor(
    readonly fieldErrors: FieldError[],
    context: ErrorContext = {}
  ) {
    super('Validation', ValidationError.describe(fieldErrors, context), context)
  }

  /** Local validation has no status: it is the app, not ChartMogul, that refused. */
  get local(): boolean {
    return this.status === null
  }

  private static describe(fieldErrors: FieldError[], context: ErrorContext): string {
    const local = (context.status ?? null) === null
    if (fieldErrors.length > 0) {
      // A sentence, not a report: every field error stays in `fieldErrors` for the form.
      const details = capText(
        fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; '),
        MAX_DETAILS_LENGTH
      )
      return local
        ? `Some fields need attention — ${details}`
        : `ChartMogul rejected some fields — ${details}`
    }
    return withServerMessage('ChartMogul rejected the request as invalid.', context.serverMessage)
  }

  override toPlain(): ChartMogulErrorInfo {
    return { ...super.toPlain(), fieldErrors: this.fieldErrors }
  }
}

/** Any other 4xx (402, 405, 409, …): refused as sent, repeating it will not help. */
export class RejectedError extends ChartMogulError {
  declare readonly kind: 'Rejected'
  constructor(context: ErrorContext = {}) {
    super(
      'Rejected',
      withServerMessage(
        `ChartMogul refused the request (HTTP ${context.status ?? '4xx'}).`,
        context.serverMessage
      ),
      context
    )
  }
}

export class RateLimitedError extends ChartMogulError {
  declare readonly kind: 'RateLimited'
  constructor(context: ErrorContext = {}) {
    super(
      'RateLimited',
      'ChartMogul is limiting how fast Revdesk may call it; it will try again shortly.',
      { status: 429, ...context }
    )
  }
}

interface TransportContext extends ErrorContext {
  /** The low-level code, e.g. `ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_SOCKET`. */
  code?: string | null
  /**
   * Whether the request may have reached ChartMogul. false only when the failure provably
   * happened before anything was sent (DNS, refused connection, TLS handshake).
   */
  sent: boolean
}

/** No route to ChartMogul at all: DNS failed or the network is down. */
export class OfflineError extends ChartMogulError {
  declare readonly kind: 'Offline'
  readonly code: string | null
  readonly sent: boolean
  constructor(context: TransportContext) {
    super('Offline', 'ChartMogul cannot be reached: this computer seems to be offline.', context)
    this.code = context.code ?? null
    this.sent = context.sent
  }
}

/** The connection failed or broke (refused, reset, truncated response). */
export class NetworkError extends ChartMogulError {
  declare readonly kind: 'Network'
  readonly code: string | null
  readonly sent: boolean
  constructor(context: TransportContext) {
    super('Network', 'The connection to ChartMogul failed.', context)
    this.code = context.code ?? null
    this.sent = context.sent
  }
}

export class TimeoutError extends ChartMogulError {
  declare readonly kind: 'Timeout'
  constructor(
    readonly timeoutMs: number,
    context: ErrorContext = {}
  ) {
    super('Timeout', `ChartMogul did not answer within ${formatDuration(timeoutMs)}.`, context)
  }
}

export class ServerError extends ChartMogulError {
  declare readonly kind: 'Server'
  constructor(context: ErrorContext & { status: number }) {
    super(
      'Server',
      withServerMessage(
        `ChartMogul had a problem on its side (HTTP ${context.status}).`,
        context.serverMessage
      ),
      context
    )
  }
}

export interface SentRequest {
  method: string
  /** Path below the API prefix, e.g. `/opportunities`. */
  path: string
  /** The JSON body exactly as sent (wire form). */
  body: unknown
}

/**
 * A write was sent and we cannot tell whether ChartMogul applied it (timeout, dropped
 * connection, gateway error). It is never retried blindly: the caller must look for the
 * record (e.g. list the customer's opportunities) before sending it again.
 */
export class OutcomeUnknownError extends ChartMogulError {
  declare readonly kind: 'OutcomeUnknown'
  constructor(
    readonly request: SentRequest,
    readonly reason: ChartMogulError
  ) {
    super(
      'OutcomeUnknown',
      'The change was sent but ChartMogul’s answer was lost, so it may or may not have been saved. Revdesk will check before sending it again.',
      { status: reason.status, serverMessage: reason.serverMessage, cause: reason }
    )
  }
}

export class CancelledError extends ChartMogulError {
  declare readonly kind: 'Cancelled'
  constructor(
    /** true when the request had already been handed to the network when it was cancelled. */
    readonly inFlight = false,
    context: ErrorContext = {}
  ) {
    super('Cancelled', 'The request was cancelled.', context)
  }
}

/** ChartMogul answered with something we cannot read (not JSON, or not the expected shape). */
export class BadResponseError extends ChartMogulError {
  declare readonly kind: 'BadResponse'
  constructor(
    readonly detail: string,
    context: ErrorContext = {},
    /**
     * true when the body was not JSON at all (corrupted or cut short: worth another try for
     * a read); false when it was JSON of the wrong shape (the same answer would come again).
     */
    readonly unparseable = false
  ) {
    super('BadResponse', 'ChartMogul sent a response Revdesk could not understand.', context)
  }
}

export function isChartMogulError(value: unknown): value is ChartMogulError {
  return value instanceof ChartMogulError
}
