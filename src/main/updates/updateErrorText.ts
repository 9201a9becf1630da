/**
 * An updater error is text from the feed server (or about it): hostile. Only its first line is
 * kept (electron-updater appends the request's headers and body on the next lines), URLs lose
 * their credentials and query strings (signed download links, tokens), and the rest goes through
 * the same cleaner as every other server text (controls, echoed Authorization, length).
 */
import { createServerTextCleaner, REDACTED } from '../security/redactServerText'

/** Long enough for "HttpError: 404 … url: https://…/latest.yml", short enough for a status bar. */
export const MAX_UPDATE_ERROR_LENGTH = 200

const clean = createServerTextCleaner(null)

const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi
const URL_QUERY = /\b([a-z][a-z0-9+.-]*:\/\/[^\s?#]*)[?#][^\s]*/gi

export function updateErrorText(raw: unknown): string {
  const text = raw instanceof Error ? raw.message : typeof raw === 'string' ? raw : ''
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? ''
  const safe = clean(
    firstLine
      .replace(URL_CREDENTIALS, (_m, scheme: string) => `${scheme}${REDACTED}@`)
      .replace(URL_QUERY, (_m, base: string) => `${base}?${REDACTED}`),
    MAX_UPDATE_ERROR_LENGTH
  )
  return safe === '' ? 'The update server gave no reason.' : safe
}
