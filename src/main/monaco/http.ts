import { BadResponseError, ChartMogulError } from '../chartmogul/errors'
import type { Clock } from '../chartmogul/clock'
import { attemptHttp, type FetchLike, type ReceivedResponse } from '../gateway/httpAttempt'
import { queryString, type QueryValue } from '../gateway/queryString'
import { createServerTextCleaner } from '../security/redactServerText'
import { isSendableApiKey } from '../../shared/workspace/apiKeyText'
import { asMonacoError } from './errorText'
import type { MonacoMethod } from './paths'
import { monacoErrorFromResponse } from './responseError'

/**
 * One HTTP exchange with Monaco: URL, Bearer auth, JSON, a per-attempt timeout, cancellation,
 * and every failure as a typed error with a Monaco sentence. No retries and no rate limiting
 * here (retry.ts of the ChartMogul gateway and ./rateLimiter.ts wrap this).
 */

export type { QueryValue }

export interface MonacoHttpRequest {
  method: MonacoMethod
  /** Below the API prefix, exactly as in the OpenAPI (see paths.ts). */
  path: string
  query?: Record<string, QueryValue>
  /** Sent as JSON when defined. */
  body?: unknown
  /** What the request is about ("opportunity"), for user-facing messages. */
  resource: string
}

export interface MonacoHttpResponse {
  status: number
  text: string
}

export type { FetchLike }

export interface MonacoHttpConfig {
  apiKey: string
  /** Normalized by `normalizeMonacoBaseUrl`. */
  baseUrl: string
  /** Normalized by `normalizeApiPrefix`, e.g. `/v1`. */
  apiPrefix: string
  timeoutMs: number
  userAgent: string
  fetch: FetchLike
  clock: Clock
}

export const DEFAULT_MONACO_TIMEOUT_MS = 30_000

/** `Bearer mks_…`. */
export function bearerAuthHeader(apiKey: string): string {
  // The same rule keys are saved under (printable ASCII), so a saved key can always be sent.
  if (!isSendableApiKey(apiKey)) {
    throw new TypeError('The API key contains characters that cannot be sent in an HTTP header.')
  }
  return `Bearer ${apiKey}`
}

export function buildMonacoUrl(
  config: Pick<MonacoHttpConfig, 'baseUrl' | 'apiPrefix'>,
  path: string,
  query?: Record<string, QueryValue>
): string {
  return `${config.baseUrl}${config.apiPrefix}${path}${queryString(query)}`
}

/** Resolves only for 2xx; everything else rejects with a typed error. */
export async function sendMonacoRequest(
  config: MonacoHttpConfig,
  request: MonacoHttpRequest,
  signal?: AbortSignal
): Promise<MonacoHttpResponse> {
  let attempt: ReceivedResponse
  try {
    attempt = await attemptHttp(
      config,
      {
        url: buildMonacoUrl(config, request.path, request.query),
        method: request.method,
        authorization: () => bearerAuthHeader(config.apiKey),
        body: request.body,
        readHeaders: ['retry-after', 'x-ratelimit-reset']
      },
      signal
    )
  } catch (error) {
    // Transport failures carry ChartMogul's sentences; anything else (a key that cannot be sent) passes as is.
    throw error instanceof ChartMogulError ? asMonacoError(error) : error
  }
  const received = {
    status: attempt.status,
    bodyText: attempt.bodyText,
    retryAfter: attempt.headers['retry-after'] ?? null,
    rateLimitReset: attempt.headers['x-ratelimit-reset'] ?? null
  }

  if (received.status < 200 || received.status > 299) {
    // The server may echo the Authorization header: its text is cleaned of this key.
    throw monacoErrorFromResponse(
      received,
      request.resource,
      config.clock.now(),
      createServerTextCleaner(config.apiKey)
    )
  }
  return { status: received.status, text: received.bodyText }
}

/** The body as JSON, or null when empty (204). Not JSON → BadResponse marked unparseable. */
export function readMonacoJson(response: MonacoHttpResponse): unknown {
  if (response.text.trim() === '') return null
  try {
    return JSON.parse(response.text) as unknown
  } catch {
    throw asMonacoError(
      new BadResponseError(
        `HTTP ${response.status} body is not JSON`,
        { status: response.status },
        true
      )
    )
  }
}
