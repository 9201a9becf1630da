/** A minimal static file server for the built renderer, bound to 127.0.0.1 on a free port. */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

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

/** Answers POSTs to one path with JSON (the harness's stand-in for Electron's IPC). */
export interface JsonEndpoint {
  path: string
  handle(body: unknown, referer: string): Promise<unknown>
}

const MAX_BODY_BYTES = 10_000_000

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) request.destroy(new Error('request body too large'))
      else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

export async function serveStatic(root: string, endpoint?: JsonEndpoint): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      if (endpoint && request.method === 'POST' && request.url === endpoint.path) {
        try {
          const result = await endpoint.handle(
            JSON.parse(await readBody(request)),
            request.headers.referer ?? ''
          )
          response.writeHead(200, {
            'content-type': 'application/json',
            'cache-control': 'no-store'
          })
          response.end(JSON.stringify(result ?? null))
        } catch (error) {
          response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
        }
        return
      }
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
