/**
 * Where Monaco lives: an origin (plus an optional path, for a proxy) and the API prefix.
 * The prefix is configurable because vendor material disagrees (`/v1` in the OpenAPI,
 * `/v1/preview` on one docs page).
 */
import { normalizeProviderBaseUrl } from '../gateway/baseUrl'

export const DEFAULT_MONACO_BASE_URL = 'https://api.monaco.com'
export const DEFAULT_MONACO_API_PREFIX = '/v1'

/** Validates a Monaco base URL (see gateway/baseUrl.ts). */
export function normalizeMonacoBaseUrl(raw: string): string {
  return normalizeProviderBaseUrl(raw, 'Monaco')
}

/** `/v1`, `v1/preview/` → `/v1/preview`. Only plain path segments are accepted. */
export function normalizeApiPrefix(raw: string): string {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '')
  if (trimmed === '') return ''
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(trimmed) || /(^|\/)\.\.?(\/|$)/.test(trimmed)) {
    throw new TypeError(`The Monaco API prefix "${raw}" must be plain path segments like /v1.`)
  }
  return `/${trimmed}`
}
