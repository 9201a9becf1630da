import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback HTTP server for one test: it records every request (with its full body) and
 * hands it to `handle`. Never listens beyond 127.0.0.1.
 */
export interface ReceivedRequest {
  method: string
  url: URL
  headers: IncomingMessage['headers']
  bodyText: string
}

export type Handler = (
  request: ReceivedRequest,
  response: ServerResponse,
  raw: IncomingMessage
) => void | Promise<void>

export interface TestServer {
  url: string
  requests: ReceivedRequest[]
  close(): Promise<void>
}

export async function startTestServer(handle: Handler): Promise<TestServer> {
  const requests: ReceivedRequest[] = []
  const server = createServer((raw, response) => {
    const chunks: Buffer[] = []
    raw.on('data', (chunk: Buffer) => chunks.push(chunk))
    raw.on('end', () => {
      const received: ReceivedRequest = {
        method: raw.method ?? 'GET',
        url: new URL(raw.url ?? '/', 'http://127.0.0.1'),
        headers: raw.headers,
        bodyText: Buffer.concat(chunks).toString('utf8')
      }
      requests.push(received)
      Promise.resolve(handle(received, response, raw)).catch((error: unknown) => {
        response.statusCode = 599
        response.end(`test handler failed: ${String(error)}`)
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Pooled keep-alive sockets would otherwise hold the server open.
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(text)
}
