import { loadRecording, type RecordedExchange } from './recordings'
import { startTestServer, type TestServer } from './testServer'

/**
 * Serves recorded responses. A request is answered by the recording with the same method and
 * path whose query matches exactly, else whose `cursor` matches (clients legitimately differ
 * in the other params they send). No match → 418 with an explanation, so a wrong URL fails
 * loudly instead of looking like an API error.
 */
export async function startReplayServer(names: string[]): Promise<TestServer> {
  const exchanges = names.flatMap((name) => loadRecording(name))
  return startTestServer((request, response) => {
    const candidates = exchanges.filter((exchange) => {
      const recorded = new URL(exchange.request.uri)
      return (
        exchange.request.method.toUpperCase() === request.method &&
        recorded.pathname === request.url.pathname
      )
    })
    const exchange =
      candidates.find((c) => sameQuery(new URL(c.request.uri), request.url)) ??
      candidates.find(
        (c) =>
          new URL(c.request.uri).searchParams.get('cursor') ===
          request.url.searchParams.get('cursor')
      )
    if (exchange === undefined) {
      response.writeHead(418, { 'content-type': 'text/plain' })
      response.end(
        `no recording for ${request.method} ${request.url.pathname}${request.url.search}`
      )
      return
    }
    const { status, headers, body } = exchange.response
    const contentType = headers['content-type']?.[0]
    const text = serialize(body, contentType)
    response.writeHead(status, contentType ? { 'content-type': contentType } : {})
    response.end(status === 204 ? undefined : text)
  })
}

function serialize(body: RecordedExchange['response']['body'], contentType?: string): string {
  if (typeof body === 'string') return body
  if (body === null || body === undefined) return ''
  return contentType?.includes('json') === false ? String(body) : JSON.stringify(body)
}

function sameQuery(a: URL, b: URL): boolean {
  const norm = (url: URL) =>
    [...url.searchParams.entries()]
      .sort()
      .map((e) => e.join('='))
      .join('&')
  return norm(a) === norm(b)
}
