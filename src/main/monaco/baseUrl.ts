/**
 * Where Monaco lives: an origin (plus an optional path, for a proxy) and the API prefix.
 * The prefix is configurable because vendor material disagrees (`/v1` in the OpenAPI,
 * `/v1/preview` on one docs page).
 */

export const DEFAULT_MONACO_BASE_URL = 'https://api.monaco.com'
export const DEFAULT_MONACO_API_PREFIX = '/v1'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Plain http only to this machine (tests, the simulator): anywhere else the Bearer key would
 * travel in the clear. A pasted trailing `/v1` is dropped (the prefix adds it).
 */
export function normalizeMonacoBaseUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new TypeError(`The Monaco base URL "${raw}" is not a valid URL.`)
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new TypeError(
      `The Monaco base URL must use https (plain http only for 127.0.0.1/localhost): "${raw}".`
    )
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new TypeError('The Monaco base URL must not carry a query, fragment or credentials.')
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '')
  return `${url.origin}${path}`
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
