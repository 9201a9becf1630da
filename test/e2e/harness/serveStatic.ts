/** A minimal static file server for the built renderer, bound to 127.0.0.1 on a free port. */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { WebSocketServer } from 'ws'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2'
}

export interface StaticServer {
  url: string
  close(): Promise<void>
}

/**
 * The harness's stand-in for Electron's IPC: calls arrive as JSON over one WebSocket per page
 * at `path`. (Not HTTP requests: Chromium opens at most six connections per host, which would
 * cap the app at six calls in flight — a limit Electron's IPC does not have.)
 */
export interface JsonEndpoint {
  path: string
  /** `pageUrl`: the calling page, as its browser-set Origin vouches for. */
  handle(body: unknown, pageUrl: string): Promise<unknown>
}

const MAX_MESSAGE_BYTES = 10_000_000

/** One call over the socket; `id` pairs the answer with it. */
interface SocketCall {
  id: number
  body: unknown
}

function attachSocketEndpoint(
  server: Server,
  origin: string,
  endpoint: JsonEndpoint
): WebSocketServer {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin)
    const page = url.searchParams.get('page') ?? ''
    // Only the app's own pages: the Origin header is set by the browser, not by page code.
    const sameOrigin = request.headers.origin === origin && page.startsWith(`${origin}/`)
    if (url.pathname !== endpoint.path || !sameOrigin) {
      socket.destroy()
      return
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      ws.on('message', (data: Buffer) => {
        const call = JSON.parse(data.toString('utf8')) as SocketCall
        const answer = (message: object) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: call.id, ...message }))
        }
        endpoint.handle(call.body, page).then(
          (result) => answer({ ok: true, result: result ?? null }),
          (error: unknown) => answer({ ok: false, error: String(error) })
        )
      })
    })
  })
  return sockets
}

export async function serveStatic(
  root: string,
  endpoint?: JsonEndpoint,
  /** A fixed port (the origin, and so its IndexedDB, is then the same on every launch); default: any free one. */
  port = 0
): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
      const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname))
      if (!file.startsWith(normalize(root) + sep)) {
        response.writeHead(403).end()
        return
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file')
        response.writeHead(200, {
          'content-type': MIME[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store'
        })
        createReadStream(file).pipe(response)
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      }
    })()
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const sockets = endpoint ? attachSocketEndpoint(server, url, endpoint) : null
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets?.clients ?? []) client.terminate()
        sockets?.close()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
