/**
 * ChartMogul's error bodies. There is no single envelope on the real API, so each builder
 * reproduces the shape recorded (or, where nothing was recorded, the closest recorded sibling):
 * `{code, message, param}` for 400/401/404/429/503 and the Rails-style map plus
 * `error_details` for 422.
 */
import type { ErrorDetailWire, ErrorWire } from '../wire'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly contentType = 'application/json'
  ) {
    super(`HTTP ${status}`)
  }
}

function envelope(code: number, message: string, param: string | null): ErrorWire {
  return { code, message, param }
}

/** Recorded (python SDK fixture): `Parameter "name" is missing`. */
export function missingParameter(param: string): ApiError {
  return new ApiError(400, envelope(400, `Parameter "${param}" is missing`, param))
}

/** Same envelope for a value of the wrong JSON type or an unusable query value. */
export function invalidParameter(param: string): ApiError {
  return new ApiError(400, envelope(400, `Parameter "${param}" is invalid`, param))
}

export function invalidJsonBody(): ApiError {
  return new ApiError(400, envelope(400, 'The request body is not valid JSON', null))
}

export const UNAUTHORIZED_BODY: ErrorWire = envelope(401, 'No valid API key provided', null)

export function unauthorized(): ApiError {
  return new ApiError(401, UNAUTHORIZED_BODY)
}

export function notFound(message: string, param: string | null = null): ApiError {
  return new ApiError(404, envelope(404, message, param))
}

export function methodNotAllowed(): ApiError {
  return new ApiError(405, envelope(405, 'Method not allowed', null))
}

export const RATE_LIMITED_BODY: ErrorWire = envelope(
  429,
  'Your request rate has exceeded our rate limit.',
  null
)

export const TOO_MANY_CONNECTIONS_BODY: ErrorWire = envelope(
  503,
  'Too Many Parallel Connections',
  null
)

/**
 * Rails-style 422 as recorded for plan groups:
 * `{"name":["Name can't be blank"],…,"error_details":[{"param":"name","code":"blank",…}]}`.
 */
export function unprocessable(details: readonly ErrorDetailWire[]): ApiError {
  const body: Record<string, unknown> = {}
  for (const d of details) {
    const list = (body[d.param] as string[] | undefined) ?? []
    list.push(d.message)
    body[d.param] = list
  }
  body['error_details'] = details
  return new ApiError(422, body, 'application/json; charset=utf-8')
}

/** "estimated_close_date" → "Estimated close date", the way Rails humanizes attribute names. */
export function humanize(param: string): string {
  const words = param.replace(/_uuid$/, ' uuid').replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
