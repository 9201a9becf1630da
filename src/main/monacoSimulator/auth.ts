/** `Authorization: Bearer mks_…`, compared in constant time with the org's one valid key. */
import { timingSafeEqual } from 'node:crypto'

export const KEY_PREFIX = 'mks_'

export function isValidKeyShape(key: string): boolean {
  return key.startsWith(KEY_PREFIX) && key.length > KEY_PREFIX.length && /^[\x21-\x7e]+$/.test(key)
}

export function isAuthorized(header: string | undefined, apiKey: string): boolean {
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  if (!m?.[1]) return false
  const given = Buffer.from(m[1], 'utf8')
  const want = Buffer.from(apiKey, 'utf8')
  return given.length === want.length && timingSafeEqual(given, want)
}
