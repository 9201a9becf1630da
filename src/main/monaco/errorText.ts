import type { ChartMogulError } from '../chartmogul/errors'
import { NotFoundError, TimeoutError, ValidationError } from '../chartmogul/errors'

/**
 * The typed errors are shared with the ChartMogul gateway (same kinds, same handling all the
 * way to the page), but their built-in sentences name ChartMogul. Every error leaving the
 * Monaco gateway gets a Monaco sentence here. (Next session: make the error classes take the
 * provider's name instead, and delete this.)
 */

function said(base: string, serverMessage: string | null): string {
  return serverMessage ? `${base} Monaco said: “${serverMessage}”` : base
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`
}

export function monacoMessage(error: ChartMogulError): string {
  switch (error.kind) {
    case 'Unauthorized':
      return said(
        'Monaco did not accept the API key. Check the key in Settings (it may have been revoked).',
        error.serverMessage
      )
    case 'Forbidden':
      return said(
        'Monaco refused access: the key works but may not do this (its user or organization lacks the permission).',
        error.serverMessage
      )
    case 'NotFound':
      return `That ${error instanceof NotFoundError ? error.resource : 'record'} no longer exists in Monaco (it may have been deleted).`
    case 'Validation':
      // Local validation names no server; a server refusal's detail is already in the text.
      if (error instanceof ValidationError && error.local) return error.message
      return error.message
        .replace(/^ChartMogul rejected/, 'Monaco rejected')
        .replace(/ChartMogul said:/, 'Monaco said:')
    case 'Rejected':
      return said(
        `Monaco refused the request (HTTP ${error.status ?? '4xx'}).`,
        error.serverMessage
      )
    case 'RateLimited':
      return 'Monaco is limiting how fast Revdesk may call it (the limit is shared by everyone in your organization); it will try again shortly.'
    case 'Offline':
      return 'Monaco cannot be reached: this computer seems to be offline.'
    case 'Network':
      return 'The connection to Monaco failed.'
    case 'Timeout':
      return `Monaco did not answer within ${seconds(error instanceof TimeoutError ? error.timeoutMs : 0)}.`
    case 'Server':
      return said(
        `Monaco had a problem on its side (HTTP ${error.status ?? 500}).`,
        error.serverMessage
      )
    case 'OutcomeUnknown':
      return 'The change was sent but Monaco’s answer was lost, so it may or may not have been saved. Sending it again is safe: it carries the same idempotency key.'
    case 'Cancelled':
      return error.message
    case 'BadResponse':
      return 'Monaco sent a response Revdesk could not understand.'
  }
}

/** Rewrites the user-facing sentence in place (kind, status and fields are untouched). */
export function asMonacoError<E extends ChartMogulError>(error: E): E {
  error.message = monacoMessage(error)
  return error
}
