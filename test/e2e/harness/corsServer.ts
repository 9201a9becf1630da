/**
 * A live loopback server that would answer any page: it allows every origin (CORS `*`) and
 * records each request that reaches it. A test that expects the page to be unable to reach it
 * then knows the block came from the page's policy, not from a dead port.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface CorsServer {
  url: string
  /** `METHOD path` of every request received, in order. */
  readonly hits: string[]
  close(): Promise<void>
}

export async function startCorsServer(): Promise<CorsServer> {
  const hits: string[] = []
  const server = createServer((req, res) => {
    hits.push(`${req.method ?? 'GET'} ${req.url ?? '/'}`)
    res.writeHead(200, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': '*',
      'access-control-allow-headers': '*',
      'content-type': 'text/plain; charset=utf-8'
    })
    res.end('reachable')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
