import type { Clock } from '../chartmogul/clock'
import { CancelledError, TimeoutError } from '../chartmogul/errors'
import { classifyTransportFailure } from '../chartmogul/transportFailure'

/**
 * One HTTP attempt, the same for every provider: JSON headers, a timeout over the whole
 * exchange, the caller's cancellation, and transport failures as typed errors. What differs per
 * provider (URL, auth scheme, how a non-2xx answer reads) stays with the provider's http.ts.
 */

/** The subset of `fetch` we use, so tests and callers can substitute a transport. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

export interface HttpAttemptTransport {
  timeoutMs: number
  userAgent: string
  fetch: FetchLike
  clock: Clock
}

export interface HttpAttemptRequest {
  url: string
  method: string
  /**
   * The Authorization header's value. Built only after the cancellation check, so a call that
   * was already cancelled reports that rather than a problem with its key.
   */
  authorization: () => string
  /** Sent as JSON when defined. */
  body?: unknown
  /** Response headers the provider needs (lower case); absent ones read as null. */
  readHeaders: readonly string[]
}

export interface ReceivedResponse {
  status: number
  bodyText: string
  headers: Record<string, string | null>
}

/**
 * Resolves with whatever status came back (the provider decides what a non-2xx means);
 * rejects with Cancelled, Timeout, or Offline/Network/BadResponse for the transport.
 */
export async function attemptHttp(
  transport: HttpAttemptTransport,
  request: HttpAttemptRequest,
  signal?: AbortSignal
): Promise<ReceivedResponse> {
  if (signal?.aborted) throw new CancelledError(false)

  const headers: Record<string, string> = {
    Authorization: request.authorization(),
    Accept: 'application/json',
    'User-Agent': transport.userAgent
  }
  let payload: string | undefined
  if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(request.body)
  }

  // One controller covers connect, headers and body: the timeout bounds the whole attempt.
  const controller = new AbortController()
  let timedOut = false
  const timer = transport.clock.setTimeout(() => {
    timedOut = true
    controller.abort()
  }, transport.timeoutMs)
  const onCallerAbort = () => controller.abort()
  signal?.addEventListener('abort', onCallerAbort, { once: true })

  let phase: 'request' | 'body' = 'request'
  try {
    const response = await transport.fetch(request.url, {
      method: request.method,
      headers,
      body: payload,
      signal: controller.signal,
      // A redirect is never followed: it could replay a write elsewhere, with the key.
      redirect: 'manual'
    })
    phase = 'body'
    // Read inside the timeout: a body that stalls or is cut short is a failed attempt.
    const bodyText = await response.text()
    const picked: Record<string, string | null> = {}
    for (const name of request.readHeaders) picked[name] = response.headers.get(name)
    return { status: response.status, bodyText, headers: picked }
  } catch (error) {
    if (signal?.aborted) throw new CancelledError(true, { cause: error })
    if (timedOut) throw new TimeoutError(transport.timeoutMs, { cause: error })
    throw classifyTransportFailure(error, phase)
  } finally {
    transport.clock.clearTimeout(timer)
    signal?.removeEventListener('abort', onCallerAbort)
  }
}
