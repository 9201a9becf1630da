import { createServerTextCleaner, type ServerTextCleaner } from '../security/redactServerText'
import { parseErrorBody } from './errorBody'
import {
  BadResponseError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  RejectedError,
  ServerError,
  UnauthorizedError,
  ValidationError,
  type ChartMogulError
} from './errors'
import { serverRequestedWait } from './retryAfter'

export interface ErrorResponse {
  status: number
  bodyText: string
  retryAfter: string | null
}

/**
 * Turns a non-2xx response into the error a user can act on. `resource` names what the
 * request was about ("customer", "opportunity") for the not-found message. `clean` is made with
 * the key the request carried: nothing the server wrote reaches the error without it.
 */
export function errorFromResponse(
  response: ErrorResponse,
  resource: string,
  nowMs: number,
  clean: ServerTextCleaner = createServerTextCleaner(null)
): ChartMogulError {
  const { status } = response
  const { message: serverMessage, fieldErrors } = parseErrorBody(response.bodyText, clean)
  const wait = serverRequestedWait(response.retryAfter, nowMs)
  const context = {
    status,
    serverMessage,
    retryAfterMs: wait?.waitMs ?? null,
    requestedWaitMs: wait?.requestedMs ?? null
  }

  if (status === 401) return new UnauthorizedError(context)
  if (status === 403) return new ForbiddenError(context)
  if (status === 404) return new NotFoundError(resource, context)
  if (status === 400 || status === 422) return new ValidationError(fieldErrors, context)
  if (status === 429) return new RateLimitedError(context)
  if (status >= 500 && status <= 599) return new ServerError({ ...context, status })
  if (status >= 400 && status <= 499) return new RejectedError(context)
  // 1xx/3xx reaching us means a redirect we did not follow or a broken proxy.
  return new BadResponseError(`unexpected HTTP status ${status}`, context)
}
