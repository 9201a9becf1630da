/**
 * Monaco's two error body shapes. Application errors use the OpenAPI's `PublicErrorResponse`,
 * `{"error":{"code","message"}}` (every operation's `4XX`); the auth layer answers FastAPI-style
 * `{"detail": "No key found"}` (docs' auth page). Codes other than `not_found` are not
 * documented; the ones used here are the simulator's (see README).
 */

export interface ErrorBody {
  error: { code: string; message: string }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown
  ) {
    super(`HTTP ${status}`)
  }
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } }
}

/** 422: the request is well-formed HTTP but its content is not acceptable. */
export function validationError(message: string): ApiError {
  return new ApiError(422, errorBody('validation_error', message))
}

export function notFound(message: string): ApiError {
  return new ApiError(404, errorBody('not_found', message))
}

export const UNAUTHORIZED_BODY = { detail: 'No key found' } as const

export function rateLimitedBody(): ErrorBody {
  return errorBody('rate_limited', 'Rate limit exceeded. Try again later.')
}

export const SERVER_ERROR_BODY: ErrorBody = errorBody('internal_error', 'Internal server error')

/** Starlette's answers for paths and methods no route serves. */
export const ROUTE_NOT_FOUND_BODY = { detail: 'Not Found' } as const
export const METHOD_NOT_ALLOWED_BODY = { detail: 'Method Not Allowed' } as const
