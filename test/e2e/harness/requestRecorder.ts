/**
 * A loopback proxy in front of a server (the simulator) that records every request the app
 * sends: what it asked for, when it arrived and when its answer was delivered. Tests compare
 * the two sides of a moment (e.g. a reload) with `mark()`, which orders events without clocks.
 */
import { createServer, request as forward, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  /** Path and query exactly as sent, e.g. `/v1/activities?per_page=200&cursor=…`. */
  url: string
  /** Position in the recorder's event sequence when the request arrived. */
  arrivedAt: number
  /** Position when its whole answer had been sent back; absent if it never was. */
  answeredAt?: number
  status?: number
}

export interface RequestRecorder {
  /** Base URL to give the app instead of the target's. */
  url: string
  readonly requests: readonly RecordedRequest[]
  /** A position between everything recorded so far and everything after. */
  mark(): number
  close(): Promise<void>
}

export async function recordRequestsTo(targetUrl: string): Promise<RequestRecorder> {
  const target = new URL(targetUrl)
  const requests: RecordedRequest[] = []
  let sequence = 0

  const server = createServer((req: IncomingMessage, res) => {
    const entry: RecordedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      arrivedAt: ++sequence
    }
    requests.push(entry)
    const upstream = forward(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host }
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
        res.on('finish', () => {
          entry.status = answer.statusCode
          entry.answeredAt = ++sequence
        })
      }
    )
    // A client that gives up (a reloaded page, an abort) gives up upstream too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy()
    })
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
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
    requests,
    mark: () => ++sequence,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
