/**
 * The one rule for a workspace's API address, used by the bridge schema (main refuses what the
 * page sends), by main before it builds a client from a stored address, and by the page to flag
 * an address that is not the provider's own. Pure: no Node, no DOM beyond `URL`.
 *
 * An address is stored and shown only in its normalised form: what the WHATWG URL parser makes
 * of it (the parser Chromium and Node both use to decide where a request goes), as
 * `scheme://host[:port]` with nothing after it. Any path is refused rather than kept, because
 * ChartMogul and Monaco serve their APIs at the root of their hosts and a path is exactly where
 * a trusted-looking name hides: `https://evil.example\@api.chartmogul.com` parses to host
 * `evil.example` with path `/@api.chartmogul.com`. (A proxy can be given a host of its own.)
 * Only the documented `/v1` suffix is tolerated, because people paste the documented base URL.
 */

/** Each provider's own API host: a key for that provider goes there without asking. */
export const API_PROVIDERS = {
  chartmogul: { name: 'ChartMogul', host: 'api.chartmogul.com' },
  monaco: { name: 'Monaco', host: 'api.monaco.com' }
} as const

export type ApiProvider = keyof typeof API_PROVIDERS

export type ApiAddressCheck =
  | { ok: true; /** The normalised address to store and show. */ url: string; host: string }
  | {
      ok: false
      /** A sentence for the user: what is wrong and what to type instead. */ message: string
    }

const EXAMPLE = 'https://api.chartmogul.com'

/**
 * Cloud instance-metadata endpoints (they hand out credentials to whoever asks from inside the
 * machine). 169.254.169.254 (AWS, GCP, Azure, Oracle, DigitalOcean, …) is covered by the
 * link-local rule; these are the rest.
 */
const METADATA_HOSTNAMES = new Set([
  'metadata.google.internal', // GCP
  'metadata.goog', // GCP
  'metadata', // GCP's short name inside an instance
  'instance-data', // AWS (legacy DNS name)
  'instance-data.ec2.internal', // AWS
  '100.100.100.200', // Alibaba Cloud
  '192.0.0.192' // Oracle Cloud Infrastructure Classic
])
const AWS_IPV6_METADATA = [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254]

function ipv4Octets(hostname: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname)
  if (!match) return null
  const octets = match.slice(1).map(Number)
  return octets.every((octet) => octet <= 255) ? octets : null
}

/** The eight 16-bit groups of a bracketed IPv6 hostname as the URL parser writes it. */
function ipv6Groups(hostname: string): number[] | null {
  if (!hostname.startsWith('[') || !hostname.endsWith(']')) return null
  const text = hostname.slice(1, -1)
  const [head = '', tail] = text.split('::')
  const parse = (part: string): number[] =>
    part === '' ? [] : part.split(':').map((group) => parseInt(group, 16))
  const left = parse(head)
  const right = tail === undefined ? [] : parse(tail)
  const zeros = tail === undefined ? 0 : 8 - left.length - right.length
  const groups = [...left, ...Array<number>(Math.max(zeros, 0)).fill(0), ...right]
  return groups.length === 8 && groups.every((g) => Number.isInteger(g)) ? groups : null
}

/** An IPv4 address carried inside an IPv6 one (mapped, compatible or NAT64), as octets. */
function embeddedIpv4(groups: number[]): number[] | null {
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups
  const high = [g0, g1, g2, g3, g4]
  const mapped = high.every((g) => g === 0) && (g5 === 0xffff || g5 === 0)
  const translated = high.slice(0, 4).every((g) => g === 0) && g4 === 0xffff && g5 === 0
  const nat64 = g0 === 0x64 && g1 === 0xff9b && [g2, g3, g4, g5].every((g) => g === 0)
  if (!mapped && !translated && !nat64) return null
  return [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]
}

function isLinkLocalOrMetadataIpv4(octets: number[]): boolean {
  return (octets[0] === 169 && octets[1] === 254) || METADATA_HOSTNAMES.has(octets.join('.'))
}

/** Link-local (169.254.0.0/16, fe80::/10) or a cloud metadata endpoint, in any spelling. */
function isForbiddenHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '')
  if (METADATA_HOSTNAMES.has(name)) return true
  const v4 = ipv4Octets(name)
  if (v4) return isLinkLocalOrMetadataIpv4(v4)
  const v6 = ipv6Groups(name)
  if (!v6) return false
  if (((v6[0] ?? 0) & 0xffc0) === 0xfe80) return true
  if (v6.every((group, i) => group === AWS_IPV6_METADATA[i])) return true
  const inner = embeddedIpv4(v6)
  return inner !== null && isLinkLocalOrMetadataIpv4(inner)
}

/**
 * The hostname as a special-scheme parser sees it. For other schemes (`ftp:` aside, e.g.
 * `gopher://2852039166`) the host is left opaque, so it is re-read as an http host to catch
 * decimal, hex and octal spellings of an address there too.
 */
function canonicalHostname(url: URL): string {
  try {
    return new URL(`http://${url.host}`).hostname
  } catch {
    return url.hostname
  }
}

/** This computer: 127.0.0.0/8, `localhost` and `[::1]` (hostnames as the URL parser writes them). */
export function isLoopbackHostname(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true
  return ipv4Octets(hostname)?.[0] === 127
}

/** Checks and normalises an API address typed by a user or read from the workspace file. */
export function checkApiAddress(raw: string): ApiAddressCheck {
  const text = raw.trim()
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { ok: false, message: `That is not a web address. Use one like ${EXAMPLE}.` }
  }
  const hostname = canonicalHostname(url)
  if (isForbiddenHostname(hostname) || isForbiddenHostname(url.hostname)) {
    return {
      ok: false,
      message: `${hostname} is a link-local or cloud-metadata address, not an API. Revdesk never sends a key there; use the API's own address, like ${EXAMPLE}.`
    }
  }
  const loopback = isLoopbackHostname(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return {
      ok: false,
      message: `Use an https:// address like ${EXAMPLE} (http is allowed only for this computer).`
    }
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      message: `Leave out the user name and password (the part before “@”): your key is sent to ${url.host}. Use just the address, like ${EXAMPLE}.`
    }
  }
  if (url.search !== '' || url.href.includes('?')) {
    return {
      ok: false,
      message: `An API address has no “?” part. Use just the address, like ${EXAMPLE}.`
    }
  }
  if (url.hash !== '' || url.href.includes('#')) {
    return {
      ok: false,
      message: `An API address has no “#” part. Use just the address, like ${EXAMPLE}.`
    }
  }
  if (!/^\/(v1\/?)?$/.test(url.pathname)) {
    return {
      ok: false,
      message: `Use just the address, like ${EXAMPLE}. This one sends your key to ${url.host}; the rest (“${url.pathname}”) is not part of an API address.`
    }
  }
  return { ok: true, url: url.origin, host: url.host }
}

/** Whether `host` (`hostname[:port]`) is the provider's own API host. */
export function isProviderOwnHost(provider: ApiProvider, host: string): boolean {
  return host === API_PROVIDERS[provider].host
}

/**
 * The notice Settings shows next to an address that is not the provider's own, or null (also
 * for an address that is refused anyway: that gets its own error).
 */
export function notOwnAddressNotice(provider: ApiProvider, address: string): string | null {
  const checked = checkApiAddress(address)
  if (!checked.ok || isProviderOwnHost(provider, checked.host)) return null
  const own = API_PROVIDERS[provider]
  return `This is not ${own.name}’s own address (${own.host}). Your key is sent to ${checked.host}.`
}
