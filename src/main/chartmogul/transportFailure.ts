import { NetworkError, OfflineError, type ChartMogulError } from './errors'

/**
 * Classifies a failed `fetch` by the errno/undici codes in its cause chain. What matters most
 * is whether the request could have reached ChartMogul: a create that failed *before* sending
 * is safe to repeat, one that failed after is not.
 */

/** The machine has no usable network or name resolution: nothing was sent. */
const OFFLINE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN'
])

/** The connection (or TLS handshake) was never established, so no request bytes left. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_SSL_WRONG_VERSION_NUMBER'
])

export type FailurePhase = 'request' | 'body'

export function classifyTransportFailure(error: unknown, phase: FailurePhase): ChartMogulError {
  const codes = collectCodes(error)
  const code = codes[0] ?? null
  // Once response headers arrived the request was certainly received.
  if (phase === 'request') {
    const offline = codes.find((c) => OFFLINE_CODES.has(c))
    if (offline !== undefined) return new OfflineError({ code: offline, sent: false, cause: error })
    const notSent = codes.find((c) => NOT_SENT_CODES.has(c))
    if (notSent !== undefined) return new NetworkError({ code: notSent, sent: false, cause: error })
  }
  return new NetworkError({ code, sent: true, cause: error })
}

/** Codes from the error, its `cause` chain and any AggregateError members (happy eyeballs). */
function collectCodes(error: unknown, depth = 0): string[] {
  if (depth > 8 || typeof error !== 'object' || error === null) return []
  const codes: string[] = []
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') codes.push(code)
  const nested = (error as { errors?: unknown }).errors
  if (Array.isArray(nested)) for (const e of nested) codes.push(...collectCodes(e, depth + 1))
  codes.push(...collectCodes((error as { cause?: unknown }).cause, depth + 1))
  return codes
}
