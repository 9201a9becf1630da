/**
 * Turns a ChartMogul failure into a bridge error the page can act on. The message is already
 * written for the user by the gateway; here it only gets the code the UI switches on.
 */
import { isChartMogulError, type ChartMogulErrorKind } from '../../chartmogul'
import { AppError } from '../../ipc/appError'
import type { BridgeErrorCode } from '../../../shared/bridge/errors'

const CODE_BY_KIND: Record<ChartMogulErrorKind, BridgeErrorCode> = {
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  Validation: 'validation',
  Rejected: 'validation',
  RateLimited: 'rate_limited',
  Offline: 'offline',
  Network: 'network',
  Timeout: 'timeout',
  Server: 'server',
  OutcomeUnknown: 'outcome_unknown',
  Cancelled: 'cancelled',
  BadResponse: 'bad_response'
}

/** Rethrows ChartMogul errors as AppErrors; anything else passes through (a bug → `internal`). */
export async function withGatewayErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (isChartMogulError(error)) {
      const fieldErrors = error.toPlain().fieldErrors
      throw new AppError(
        CODE_BY_KIND[error.kind],
        error.message,
        fieldErrors?.map((f) => ({ path: f.field, message: f.message })),
        error.retryAfterMs ?? undefined,
        error.requestedWaitMs ?? undefined
      )
    }
    throw error
  }
}
