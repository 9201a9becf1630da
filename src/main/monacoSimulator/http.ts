/** Monaco's request/response plumbing: FastAPI-style JSON body parsing, sending (body reading is ../simulatorHttp). */
import type { ServerResponse } from 'node:http'
import { validationError } from './errors'

/**
 * The JSON body, or `undefined` when there is none. Like FastAPI: a body is read as JSON when
 * it says so or says nothing; any other content type, or text that is not JSON, is a 422.
 */
export function parseJsonBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined
  const type = contentType?.split(';')[0]?.trim().toLowerCase()
  if (type !== undefined && type !== '' && type !== 'application/json' && !type.endsWith('+json')) {
    throw validationError(`Content-Type must be application/json, got "${type}"`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw validationError('The request body is not valid JSON')
  }
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType: string | null,
  headers: Record<string, string> = {}
): boolean {
  if (res.destroyed || res.writableEnded) return false
  const all: Record<string, string | number> = {
    ...headers,
    'content-length': Buffer.byteLength(text)
  }
  if (contentType !== null) all['content-type'] = contentType
  res.writeHead(status, all)
  res.end(text)
  return true
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): boolean {
  return status === 204 || body === undefined
    ? sendText(res, status, '', null, headers)
    : sendText(res, status, JSON.stringify(body), 'application/json', headers)
}
