import { parseErrorBody } from '../chartmogul/errorBody'
import {
  BadResponseError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  RejectedError,
  ServerError,
  UnauthorizedError,
  ValidationError,
  type ChartMogulError,
  type ErrorContext,
  type FieldError
} from '../chartmogul/errors'
import type { ServerTextCleaner } from '../security/redactServerText'
import { asMonacoError } from './errorText'
import { monacoRequestedWait } from './serverWait'

export interface MonacoErrorResponse {
  status: number
  bodyText: string
  retryAfter: string | null
  rateLimitReset: string | null
}

/**
 * A non-2xx answer → the typed error. Both of Monaco's bodies are read by the shared parser:
 * the application's `{"error":{"code","message"}}` and the auth layer's FastAPI-style
 * `{"detail": "No key found"}` (or `{"detail":[{loc,msg}]}` for a refused body — the 422
 * shape is UNCONFIRMED, both are read). `clean` carries the request's key: no server text
 * reaches the error without passing through it.
 */
export function monacoErrorFromResponse(
  response: MonacoErrorResponse,
  resource: string,
  nowMs: number,
  clean: ServerTextCleaner
): ChartMogulError {
  const { status } = response
  const { message: serverMessage, fieldErrors } = parseErrorBody(response.bodyText, clean)
  const wait =
    status === 429 || status === 503
      ? monacoRequestedWait(response.retryAfter, response.rateLimitReset, nowMs)
      : null
  const context = {
    status,
    serverMessage,
    retryAfterMs: wait?.waitMs ?? null,
    requestedWaitMs: wait?.requestedMs ?? null
  }
  return asMonacoError(errorForStatus(status, resource, fieldErrors, context))
}

function errorForStatus(
  status: number,
  resource: string,
  fieldErrors: FieldError[],
  context: ErrorContext & { status: number }
): ChartMogulError {
  if (status === 401) return new UnauthorizedError(context)
  if (status === 403) return new ForbiddenError(context)
  if (status === 404) return new NotFoundError(resource, context)
  if (status === 400 || status === 422) return new ValidationError(fieldErrors, context)
  if (status === 429) return new RateLimitedError(context)
  if (status >= 500 && status <= 599) return new ServerError(context)
  if (status >= 400 && status <= 499) return new RejectedError(context)
  // 1xx/3xx: a redirect (Monaco answers 307 to a path missing its trailing slash) is never
  // followed, so it means a path Revdesk got wrong or a proxy in the way.
  return new BadResponseError(`unexpected HTTP status ${status}`, context)
}
