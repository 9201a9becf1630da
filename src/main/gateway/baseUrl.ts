/**
 * A gateway's base URL, checked the same way for every provider. Plain http only to this
 * machine (the simulators, tests): anywhere else the API key would travel in the clear. A pasted
 * trailing `/v1` is dropped (each client adds its own prefix). The page's stricter rule for what
 * a user may store is `shared/workspace/apiAddress.ts`; this one guards the client itself.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** `provider` names the service in the messages ("ChartMogul", "Monaco"). */
export function normalizeProviderBaseUrl(raw: string, provider: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new TypeError(`The ${provider} base URL "${raw}" is not a valid URL.`)
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new TypeError(
      `The ${provider} base URL must use https (plain http only for 127.0.0.1/localhost): "${raw}".`
    )
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new TypeError(`The ${provider} base URL must not carry a query, fragment or credentials.`)
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '')
  return `${url.origin}${path}`
}
