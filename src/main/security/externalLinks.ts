/**
 * Which URLs may leave the app for the system browser. Only https: a `file:`, `javascript:`,
 * custom-protocol or plain-http link from page content is refused.
 */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return (
      url.protocol === 'https:' &&
      url.hostname.length > 0 &&
      url.username === '' &&
      url.password === ''
    )
  } catch {
    return false
  }
}
