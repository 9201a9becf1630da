/**
 * Text a server wrote (error messages, field errors) is hostile: it reaches the page, the UI and
 * the renderer's IndexedDB. A server or proxy that echoes the request's Authorization header
 * would put the API key there. Every string taken from a server's answer passes through a
 * cleaner made with the key the request carried, before it becomes an error main can hand on.
 *
 * Order matters: control characters become spaces first (so they cannot hide a key from the
 * match), then every form of the key and any echoed credential is replaced, and only then is the
 * text collapsed and cut — a cut before redacting could leave the head of a key behind.
 */

export const REDACTED = '[redacted]'
/** The longest server-written text kept (one message, or one field error's message). */
export const MAX_SERVER_TEXT_LENGTH = 500
/** How many field errors from one answer are kept. */
export const MAX_FIELD_ERRORS = 20

export type ServerTextCleaner = (text: string, maxLength?: number) => string

/** Every way a key can appear in echoed request data, longest first. */
export function secretForms(secret: string): string[] {
  if (secret === '') return []
  const forms = new Set<string>([secret, encodeURIComponent(secret)])
  // The Basic header is base64("<key>:"); some servers echo base64 of the key alone.
  for (const plain of [`${secret}:`, secret]) {
    const standard = Buffer.from(plain, 'utf8').toString('base64')
    const unpadded = standard.replace(/=+$/, '')
    const urlSafe = unpadded.replaceAll('+', '-').replaceAll('/', '_')
    for (const form of [
      standard,
      unpadded,
      urlSafe,
      `${urlSafe}${'='.repeat(standard.length - unpadded.length)}`
    ]) {
      forms.add(form)
    }
  }
  return [...forms].filter((form) => form !== '').sort((a, b) => b.length - a.length)
}

// Cc (C0/C1 controls, including CR, LF, TAB) read as spaces; Cf (bidi overrides, zero-width
// characters) can make text read differently from what it says, so they go entirely.
const CONTROL = /\p{Cc}/gu
const FORMAT = /\p{Cf}/gu
// An echoed header: `Authorization: <anything up to the end of the value>`, JSON or header form.
const AUTHORIZATION_VALUE =
  /(authorization)(["']?\s*[:=]\s*["']?)(?:(?:basic|bearer|token|digest)\s+)?(?:\[redacted\]|[^\s"',;}\]]+)/gi
// `Basic`/`Bearer` followed by something that looks like a credential: long enough, and not a
// plain word (plans are often called "Basic Monthly").
const SCHEME_CREDENTIAL =
  /\b(basic|bearer)\s+(?=[A-Za-z0-9._~+/=-]*[0-9._~+/=-])[A-Za-z0-9._~+/=-]{12,}/gi

function redact(text: string, forms: readonly string[]): string {
  let out = text
  for (const form of forms) out = out.replaceAll(form, REDACTED)
  return out
    .replace(
      AUTHORIZATION_VALUE,
      (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`
    )
    .replace(SCHEME_CREDENTIAL, (_match, scheme: string) => `${scheme} ${REDACTED}`)
}

/** Cuts to `maxLength` characters, ending in "…" when anything was cut. */
export function capText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  return `${text.slice(0, Math.max(0, maxLength - 1)).trimEnd()}…`
}

/**
 * A cleaner for text from a server that was sent `secret` (null when the request carried no
 * key). Echoed credentials are removed even when they are not this key.
 */
export function createServerTextCleaner(secret: string | null): ServerTextCleaner {
  const forms = secret === null ? [] : secretForms(secret)
  return (text, maxLength = MAX_SERVER_TEXT_LENGTH) => {
    const visible = text.replace(CONTROL, ' ').replace(FORMAT, '')
    const redacted = redact(visible, forms)
    return capText(redacted.replace(/\s+/g, ' ').trim(), maxLength)
  }
}
