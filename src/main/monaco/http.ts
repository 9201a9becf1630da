import { BadResponseError, CancelledError, TimeoutError } from '../chartmogul/errors'
import type { Clock } from '../chartmogul/clock'
import { classifyTransportFailure } from '../chartmogul/transportFailure'
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

export type QueryValue = string | number | boolean | null | undefined

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

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

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
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const search = params.toString()
  return `${config.baseUrl}${config.apiPrefix}${path}${search === '' ? '' : `?${search}`}`
}

/** Resolves only for 2xx; everything else rejects with a typed error. */
export async function sendMonacoRequest(
  config: MonacoHttpConfig,
  request: MonacoHttpRequest,
  signal?: AbortSignal
): Promise<MonacoHttpResponse> {
  if (signal?.aborted) throw asMonacoError(new CancelledError(false))

  const headers: Record<string, string> = {
    Authorization: bearerAuthHeader(config.apiKey),
    Accept: 'application/json',
    'User-Agent': config.userAgent
  }
  let payload: string | undefined
  if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(request.body)
  }

  // One controller covers connect, headers and body: the timeout bounds the whole attempt.
  const controller = new AbortController()
  let timedOut = false
  const timer = config.clock.setTimeout(() => {
    timedOut = true
    controller.abort()
  }, config.timeoutMs)
  const onCallerAbort = () => controller.abort()
  signal?.addEventListener('abort', onCallerAbort, { once: true })

  let phase: 'request' | 'body' = 'request'
  let received: {
    status: number
    bodyText: string
    retryAfter: string | null
    rateLimitReset: string | null
  }
  try {
    const response = await config.fetch(buildMonacoUrl(config, request.path, request.query), {
      method: request.method,
      headers,
      body: payload,
      signal: controller.signal,
      // A redirect is never followed: it could replay a write elsewhere, with the key.
      redirect: 'manual'
    })
    phase = 'body'
    received = {
      status: response.status,
      // Read inside the timeout: a body that stalls or is cut short is a failed attempt.
      bodyText: await response.text(),
      retryAfter: response.headers.get('retry-after'),
      rateLimitReset: response.headers.get('x-ratelimit-reset')
    }
  } catch (error) {
    if (signal?.aborted) throw asMonacoError(new CancelledError(true, { cause: error }))
    if (timedOut) throw asMonacoError(new TimeoutError(config.timeoutMs, { cause: error }))
    throw asMonacoError(classifyTransportFailure(error, phase))
  } finally {
    config.clock.clearTimeout(timer)
    signal?.removeEventListener('abort', onCallerAbort)
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
