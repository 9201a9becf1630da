/**
 * Which links may leave the app for the system browser, and how. Pure rules, tested without
 * Electron; `features/app/externalLinkOpener.ts` acts on them.
 *
 * - Only https with a host and no credentials. A string with whitespace, control or format
 *   characters or a backslash is refused before parsing: browsers and OSes read such strings in
 *   different ways (`https:\\evil` is `https://evil/`), so what the user would be shown and what
 *   opens could differ.
 * - The browser is only ever given the parser's normalised `href`, never the raw string.
 * - "Open in ChartMogul" (purpose `chartmogul-app`) opens only ChartMogul's app host: the link
 *   comes from API data, and an unexpected host there must not open silently.
 * - Any other link (`link`) is opened only after the user confirms the exact host natively.
 */

export type LinkPurpose = 'chartmogul-app' | 'link'

/** Where ChartMogul's web app shows a record (`chartmogul-url` is `https://app.chartmogul.com/#/…`). */
export const CHARTMOGUL_APP_HOSTS: readonly string[] = ['app.chartmogul.com']

export type ExternalLinkDecision =
  | { action: 'refuse'; reason: string }
  | { action: 'open'; href: string }
  | { action: 'ask'; href: string; host: string }

const UNREADABLE = /[\s\p{Cc}\p{Cf}\\]/u

/** The parsed https URL, or why the string is not one the app will open. */
export function parseExternalUrl(raw: string): { url: URL } | { reason: string } {
  if (raw === '') return { reason: 'The link is empty.' }
  if (UNREADABLE.test(raw)) {
    return {
      reason:
        'The link contains spaces, line breaks, control characters or backslashes, so it could open somewhere other than it shows; it was not opened.'
    }
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { reason: 'The link is not a valid web address.' }
  }
  if (url.protocol !== 'https:') {
    return { reason: 'Revdesk only opens https:// links in your browser.' }
  }
  if (url.hostname === '') return { reason: 'The link has no host.' }
  if (url.username !== '' || url.password !== '') {
    return { reason: 'The link carries a user name or password; it was not opened.' }
  }
  return { url }
}

export function decideExternalLink(raw: string, purpose: LinkPurpose): ExternalLinkDecision {
  const parsed = parseExternalUrl(raw)
  if ('reason' in parsed) return { action: 'refuse', reason: parsed.reason }
  const { url } = parsed
  if (purpose === 'chartmogul-app') {
    // `host` includes a non-default port, so app.chartmogul.com:8443 is not the app.
    if (CHARTMOGUL_APP_HOSTS.includes(url.host)) return { action: 'open', href: url.href }
    return {
      action: 'refuse',
      reason: `“Open in ChartMogul” only opens ChartMogul (${CHARTMOGUL_APP_HOSTS.join(', ')}); this record’s link points to ${url.host}, so it was not opened.`
    }
  }
  return { action: 'ask', href: url.href, host: url.host }
}
