/**
 * Which characters an API key may contain: printable ASCII (no spaces). Every vendor's key is
 * made of those; anything else is an artefact of copying (a typographic dash, an accented
 * letter from autocorrect, a zero-width space from a web page). ASCII is also all an HTTP header
 * carries unchanged — a Latin-1 letter would pass a header but as a byte the vendor never
 * issued, and anything beyond cannot be sent at all — so such a key is refused when it is saved
 * instead of failing every call after. Used by the bridge schema and by the HTTP client.
 */

import { capabilitiesOf } from '../providers/capabilities'
import type { ProviderId } from '../providers/providerId'

const SENDABLE = /^[\x21-\x7e]+$/

/** Every Monaco API key starts with this (a Bearer token `mks_…`). */
export const MONACO_KEY_PREFIX = 'mks_'

/**
 * Whose key this looks like, for wording only (never a refusal): the bridge checks a key before
 * it knows the workspace, and Monaco keys say whose they are by their prefix.
 */
export function providerOfKeyShape(key: string): ProviderId {
  return key.trim().startsWith(MONACO_KEY_PREFIX) ? 'monaco' : 'chartmogul'
}

export function isSendableApiKey(key: string): boolean {
  return SENDABLE.test(key)
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * A sentence naming the first character that cannot be in a key, or null if there is none. It
 * says where to copy the key from: `provider`'s settings, or, when not given, those of the
 * provider whose key this looks like.
 */
export function unsendableKeyProblem(
  key: string,
  provider: ProviderId = providerOfKeyShape(key)
): string | null {
  const bad = Array.from(key).find((char) => !SENDABLE.test(char))
  if (bad === undefined) return null
  // Invisible characters are named by code point only: quoting them would show nothing.
  const shown = /[\p{L}\p{N}\p{P}\p{S}]/u.test(bad)
    ? `“${bad}” (${codePoint(bad)})`
    : `an invisible character (${codePoint(bad)})`
  return (
    `The API key contains ${shown}, which no API key has; it probably came with the copy. ` +
    `Copy the key again from ${capabilitiesOf(provider).apiKey.whereToFind}, or type that character plainly.`
  )
}
