/**
 * Helpers for the Monaco simulator suites: raw loopback HTTP with a Bearer key, and a check
 * of every response against Monaco's OpenAPI for its operation and status. The only answers
 * not checked are those the OpenAPI cannot describe: the auth layer's 401 `{"detail"}`, the
 * 307 trailing-slash redirects, paths or methods no operation has, and 5xx (none declared).
 */
import { request, type IncomingHttpHeaders } from 'node:http'
import {
  startMonacoSimulator,
  type MonacoSimulatorOptions,
  type RunningMonacoSimulator
} from '../../../src/main/monacoSimulator'
import { assertResponseConforms, operation } from '../support/monacoOpenApi'

export interface MonacoResponse {
  status: number
  headers: IncomingHttpHeaders
  text: string
  /** Parsed JSON; undefined for an empty body. */
  body: unknown
  /** True when the body was checked against the OpenAPI (and conformed). */
  validated: boolean
}

export interface CallOptions {
  body?: unknown
  rawBody?: string
  /** Bearer key; null sends no Authorization header. Default: the simulator's key. */
  key?: string | null
  headers?: Record<string, string>
}

type Sim = Pick<RunningMonacoSimulator, 'url' | 'apiKey'>

function declared(method: string, path: string): boolean {
  try {
    operation(method, path)
    return true
  } catch {
    return false
  }
}

export function call(
  sim: Sim,
  method: string,
  path: string,
  options: CallOptions = {}
): Promise<MonacoResponse> {
  const url = new URL(path, sim.url)
  if (url.hostname !== '127.0.0.1') throw new Error('tests only talk to 127.0.0.1')
  const payload =
    options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  const headers: Record<string, string> = { ...options.headers }
  const key = options.key === undefined ? sim.apiKey : options.key
  if (key !== null) headers['authorization'] = `Bearer ${key}`
  if (payload !== undefined) {
    headers['content-type'] ??= 'application/json'
    headers['content-length'] = String(Buffer.byteLength(payload))
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', reject)
      res.on('end', () => {
        try {
          const text = Buffer.concat(chunks).toString('utf8')
          const status = res.statusCode ?? 0
          const isJson = (res.headers['content-type'] ?? '').startsWith('application/json')
          const body = text === '' ? undefined : isJson ? (JSON.parse(text) as unknown) : text
          const checkable =
            status !== 307 && status !== 401 && status < 500 && declared(method, url.pathname)
          if (checkable) assertResponseConforms(method, url.pathname, status, body)
          resolve({ status, headers: res.headers, text, body, validated: checkable })
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)))
        }
      })
    })
    req.on('error', reject)
    if (payload !== undefined) req.write(payload)
    req.end()
  })
}

export const list = (sim: Sim, entity: string, body?: unknown) =>
  call(sim, 'POST', `/v1/${entity}/list`, body === undefined ? {} : { body })

/** A small org with the rate windows off unless a test turns them on. */
export function startSmall(options: MonacoSimulatorOptions = {}): Promise<RunningMonacoSimulator> {
  return startMonacoSimulator({
    data: { seed: 11, accounts: 60, contacts: 120, opportunities: 90 },
    rateLimit: false,
    ...options
  })
}

export interface Page<T = Record<string, unknown>> {
  data: T[]
  pagination: { page: number; page_size: number; total_count: number; total_pages: number }
  meta: { timestamp: string }
}

export function page<T = Record<string, unknown>>(res: MonacoResponse): Page<T> {
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${res.text}`)
  return res.body as Page<T>
}

export function errorOf(res: MonacoResponse): { code: string; message: string } {
  return (res.body as { error: { code: string; message: string } }).error
}
