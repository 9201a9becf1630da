/**
 * Test helpers for the simulator suites: raw loopback HTTP (so resets, truncation and headers
 * stay observable), small simulators that tests start and close themselves, and the recorded
 * real exchanges the wire shapes are checked against.
 */
import { request, type IncomingHttpHeaders } from 'node:http'
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions
} from '../../../src/main/simulator'
import { loadRecording, type RecordedExchange } from '../chartmogul/support/recordings'

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json<T = unknown>(): T
}

export interface CallOptions {
  /** JSON-encoded unless `rawBody` is given. */
  body?: unknown
  rawBody?: string
  /** API key for Basic auth; null sends no Authorization header. Default: the simulator's key. */
  key?: string | null
  password?: string
  headers?: Record<string, string>
}

/** One request on a fresh connection (no keep-alive pool hiding a reset). */
export function call(
  sim: Pick<RunningSimulator, 'url' | 'apiKey'>,
  method: string,
  path: string,
  options: CallOptions = {}
): Promise<RawResponse> {
  const url = new URL(path, sim.url)
  if (url.hostname !== '127.0.0.1') throw new Error('tests only talk to 127.0.0.1')
  const payload =
    options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  const headers: Record<string, string> = { ...options.headers }
  const key = options.key === undefined ? sim.apiKey : options.key
  if (key !== null) {
    const credentials = `${key}:${options.password ?? ''}`
    headers['authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`
  }
  if (payload !== undefined) {
    headers['content-type'] = 'application/json'
    headers['content-length'] = String(Buffer.byteLength(payload))
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('aborted', () => reject(new Error('response aborted')))
      res.on('error', reject)
      res.on('end', () => {
        if (!res.complete) {
          reject(new Error('response incomplete'))
          return
        }
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          json: <T>() => JSON.parse(text) as T
        })
      })
    })
    req.on('error', reject)
    if (payload !== undefined) req.write(payload)
    req.end()
  })
}

export const get = (
  sim: Pick<RunningSimulator, 'url' | 'apiKey'>,
  path: string,
  options?: CallOptions
) => call(sim, 'GET', path, options)

/** A small simulator with the real-API limits off unless a test turns them on. */
export function startSmall(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({
    data: { seed: 7, customers: 120 },
    rateLimit: false,
    maxConcurrent: false,
    ...options
  })
}

export type { RecordedExchange }

/** A recorded real exchange from the repo's fixtures (one loader for every suite). */
export function recorded(name: string): RecordedExchange[] {
  return loadRecording(name)
}

/** The first exchange of a recording, as a convenience. */
export function recordedFirst(name: string): RecordedExchange {
  const first = recorded(name)[0]
  if (!first) throw new Error(`empty recording ${name}`)
  return first
}

type JsonKind = 'null' | 'string' | 'number' | 'boolean' | 'array' | 'object'

export function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value as JsonKind
}

export interface ShapeRules {
  /** Dotted paths whose value may be null on one side and typed on the other. */
  nullable?: readonly string[]
  /** Dotted paths of free-form maps: only "is an object" is compared. */
  maps?: readonly string[]
  /** Dotted paths of keys the simulator may add or omit (e.g. `website_url`). */
  optional?: readonly string[]
  /** Compare key order too (default true). */
  order?: boolean
}

/**
 * Key-by-key comparison of two JSON values: same keys (same order by default), same JSON
 * types, recursively; arrays compare their first elements. Returns human-readable differences.
 */
export function shapeDiff(
  expected: unknown,
  actual: unknown,
  rules: ShapeRules = {},
  path = ''
): string[] {
  const here = path || '(root)'
  const ek = kindOf(expected)
  const ak = kindOf(actual)
  if (ek !== ak) {
    if ((ek === 'null' || ak === 'null') && rules.nullable?.includes(path)) return []
    return [`${here}: expected ${ek}, got ${ak}`]
  }
  if (ek === 'array') {
    const e = (expected as unknown[])[0]
    const a = (actual as unknown[])[0]
    return e === undefined || a === undefined ? [] : shapeDiff(e, a, rules, `${path}[]`)
  }
  if (ek !== 'object' || rules.maps?.includes(path)) return []
  const eo = expected as Record<string, unknown>
  const ao = actual as Record<string, unknown>
  const optional = (k: string) => rules.optional?.includes(path ? `${path}.${k}` : k) ?? false
  const ekeys = Object.keys(eo).filter((k) => !optional(k))
  const akeys = Object.keys(ao).filter((k) => !optional(k))
  const diffs: string[] = []
  if (rules.order !== false && ekeys.join(',') !== akeys.join(',')) {
    diffs.push(`${here}: keys [${ekeys.join(', ')}] vs [${akeys.join(', ')}]`)
  } else if (rules.order === false && [...ekeys].sort().join(',') !== [...akeys].sort().join(',')) {
    diffs.push(`${here}: keys [${ekeys.join(', ')}] vs [${akeys.join(', ')}]`)
  }
  for (const k of ekeys) {
    if (k in ao) diffs.push(...shapeDiff(eo[k], ao[k], rules, path ? `${path}.${k}` : k))
  }
  return diffs
}

export interface LooseResponse {
  status: number | null
  contentLength: number | null
  text: string
  /** True only when the whole body promised by the headers arrived. */
  complete: boolean
  /** Set when the connection failed (reset, premature close). */
  error: string | null
}

/** Like `call`, but reports what arrived instead of rejecting when the response breaks. */
export function callLoosely(
  sim: Pick<RunningSimulator, 'url' | 'apiKey'>,
  method: string,
  path: string,
  body?: unknown
): Promise<LooseResponse> {
  const url = new URL(path, sim.url)
  if (url.hostname !== '127.0.0.1') throw new Error('tests only talk to 127.0.0.1')
  const payload = body === undefined ? undefined : JSON.stringify(body)
  const headers: Record<string, string> = {
    authorization: `Basic ${Buffer.from(`${sim.apiKey}:`).toString('base64')}`
  }
  if (payload !== undefined) headers['content-type'] = 'application/json'
  return new Promise((resolve) => {
    const result: LooseResponse = {
      status: null,
      contentLength: null,
      text: '',
      complete: false,
      error: null
    }
    let settled = false
    const done = (error: unknown) => {
      if (settled) return
      settled = true
      if (error) result.error = error instanceof Error ? error.message : String(error)
      resolve(result)
    }
    const req = request(url, { method, headers, agent: false }, (res) => {
      result.status = res.statusCode ?? null
      const length = res.headers['content-length']
      result.contentLength = length === undefined ? null : Number(length)
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      const finish = (error: unknown) => {
        result.text = Buffer.concat(chunks).toString('utf8')
        result.complete = res.complete && !error
        done(error)
      }
      res.on('end', () => finish(null))
      res.on('aborted', () => finish(new Error('aborted')))
      res.on('error', (e) => finish(e))
      res.on('close', () => finish(res.complete ? null : new Error('closed early')))
    })
    req.on('error', done)
    if (payload !== undefined) req.write(payload)
    req.end()
  })
}
