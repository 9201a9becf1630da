import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LoopbackServer {
  port: number
  /** `http://127.0.0.1:<port>`. */
  url: string
  /** Idempotent: the demo runtime and a test's afterAll may both close the same instance. */
  close(): Promise<void>
}

/**
 * An HTTP server on 127.0.0.1 only (a simulator must never be reachable from the network).
 * A handler that throws gets `onFailure`, which answers the request as the simulated API would.
 */
export async function listenOnLoopback(
  port: number,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  onFailure: (res: ServerResponse, error: unknown) => void
): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => onFailure(res, error))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const boundPort = (server.address() as AddressInfo).port
  let closing: Promise<void> | null = null
  return {
    port: boundPort,
    url: `http://127.0.0.1:${boundPort}`,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
      return closing
    }
  }
}
