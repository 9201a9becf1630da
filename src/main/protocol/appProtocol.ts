/**
 * The renderer is served from a privileged custom scheme, `app://revdesk/…`, instead of file://:
 * a real origin the IPC sender check and the navigation rules can compare, and no file:// page
 * that could read other files on disk. This module is the whole request handler as a pure
 * function of (request URL, renderer folder) so it runs and is tested in plain Node; index.ts
 * only hands it to `protocol.handle`.
 */
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'revdesk'
/** The page the window loads, and the one URL the sender check and navigation rules trust. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * standard: real origin and relative URLs; secure: counts as a secure context like https;
 * supportFetchAPI: fetch() of the page's own assets. Nothing else (no CORS, no service workers).
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true
} as const

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** `app://<host><path>` split from the raw text, before any URL parser folds dot segments away. */
const RAW_APP_URL = /^app:\/\/([^/?#]*)([^?#]*)/i

function refuse(status: 403 | 404 | 405, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }
  })
}

/**
 * The file's path segments under the renderer folder, or null when the path tries to leave it
 * or is ambiguous: `..`/`.` (also percent-encoded), backslashes, encoded slashes, NUL, drive
 * letters or empty segments (`//etc/passwd`). Checked on the raw text, since the WHATWG parser
 * would quietly resolve `%2e%2e` and hide the attempt.
 */
function safeSegments(rawPath: string): string[] | null {
  if (rawPath === '' || rawPath === '/') return ['index.html']
  if (!rawPath.startsWith('/')) return null
  const segments: string[] = []
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (segment === '' || segment === '.' || segment === '..') return null
    if (/[\\/:\0]/.test(segment)) return null
    segments.push(segment)
  }
  return segments
}

/** Answers one request of the app:// scheme from the built renderer in `rendererRoot`. */
export async function serveAppRequest(
  requestUrl: string,
  rendererRoot: string,
  method = 'GET'
): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, 'Method not allowed')
  const match = RAW_APP_URL.exec(requestUrl)
  if (!match || match[1]?.toLowerCase() !== APP_HOST) return refuse(403, 'Forbidden')
  if (requestUrl.includes('\\')) return refuse(403, 'Forbidden')
  const segments = safeSegments(match[2] ?? '')
  if (!segments) return refuse(403, 'Forbidden')

  const root = resolve(rendererRoot)
  const file = resolve(root, ...segments)
  const inside = relative(root, file)
  // Belt and braces after the segment checks: the resolved file must still be under the root.
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return refuse(403, 'Forbidden')
  }

  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    // Missing, a folder, unreadable: the same answer, so nothing about the disk leaks out.
    return refuse(404, 'Not found')
  }
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': contentTypeOf(file),
      'content-length': String(body.byteLength),
      'x-content-type-options': 'nosniff'
    }
  })
}
