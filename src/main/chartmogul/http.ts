import { createServerTextCleaner } from '../security/redactServerText'
import type { Clock } from './clock'
import { BadResponseError } from './errors'
import { errorFromResponse } from './responseError'
import { isSendableApiKey } from '../../shared/workspace/apiKeyText'
import { attemptHttp, type FetchLike } from '../gateway/httpAttempt'
import { queryString, type QueryValue } from '../gateway/queryString'
import { normalizeProviderBaseUrl } from '../gateway/baseUrl'

/**
 * One HTTP exchange with ChartMogul: URL, auth, headers, a per-attempt timeout, cancellation,
 * and the translation of every failure into a typed error. No retries and no rate limiting
 * here — those wrap this (retry.ts, rateLimiter.ts).
 */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'
export type { QueryValue }

export interface HttpRequest {
  method: HttpMethod
  /** Below the API prefix, e.g. `/customers/cus_1`. */
  path: string
  query?: Record<string, QueryValue>
  /** Sent as JSON when defined. */
  body?: unknown
  /** What the request is about ("customer", "opportunity"), for user-facing messages. */
  resource: string
}

export interface HttpResponse {
  status: number
  /** The body as received; read it with `readJson` when the call needs it. */
  text: string
}

export type { FetchLike }

export interface HttpConfig {
  apiKey: string
  /** Normalized by `normalizeBaseUrl`. */
  baseUrl: string
  timeoutMs: number
  userAgent: string
  fetch: FetchLike
  clock: Clock
}

export const DEFAULT_BASE_URL = 'https://api.chartmogul.com'
export const API_PREFIX = '/v1'
export const DEFAULT_TIMEOUT_MS = 30_000

/** Validates a workspace's base URL (see gateway/baseUrl.ts). */
export function normalizeBaseUrl(raw: string): string {
  return normalizeProviderBaseUrl(raw, 'ChartMogul')
}

/** `Basic base64("<key>:")` — the key is the username, the password is empty. */
export function basicAuthHeader(apiKey: string): string {
  // The same rule keys are saved under (printable ASCII), so a saved key can always be sent.
  if (!isSendableApiKey(apiKey)) {
    throw new TypeError('The API key contains characters that cannot be sent in an HTTP header.')
  }
  return `Basic ${btoa(`${apiKey}:`)}`
}

export function buildUrl(
  baseUrl: string,
  path: string,
  query?: Record<string, QueryValue>
): string {
  return `${baseUrl}${API_PREFIX}${path}${queryString(query)}`
}

/**
 * Performs one attempt. Resolves only for 2xx; everything else rejects with a
 * ChartMogulError: the mapped HTTP error, Timeout, Cancelled, Offline/Network, BadResponse.
 */
export async function sendRequest(
  config: HttpConfig,
  request: HttpRequest,
  signal?: AbortSignal
): Promise<HttpResponse> {
  const attempt = await attemptHttp(
    config,
    {
      url: buildUrl(config.baseUrl, request.path, request.query),
      method: request.method,
      authorization: () => basicAuthHeader(config.apiKey),
      body: request.body,
      readHeaders: ['retry-after']
    },
    signal
  )
  const received = {
    status: attempt.status,
    bodyText: attempt.bodyText,
    retryAfter: attempt.headers['retry-after'] ?? null
  }

  if (received.status < 200 || received.status > 299) {
    // The server may echo the Authorization header: its text is cleaned of this key.
    throw errorFromResponse(
      received,
      request.resource,
      config.clock.now(),
      createServerTextCleaner(config.apiKey)
    )
  }
  return { status: received.status, text: received.bodyText }
}

/**
 * The body as JSON, or null when empty (204, or 200 with nothing). A body that is not JSON —
 * cut short, corrupted, a captive portal's HTML — is a BadResponse marked `unparseable`.
 */
export function readJson(response: HttpResponse): unknown {
  if (response.text.trim() === '') return null
  try {
    return JSON.parse(response.text) as unknown
  } catch {
    throw new BadResponseError(
      `HTTP ${response.status} body is not JSON: ${response.text.slice(0, 80)}`,
      { status: response.status },
      true
    )
  }
}
