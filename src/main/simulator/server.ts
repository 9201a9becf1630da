/**
 * The simulator's HTTP face: a Node `http` server on 127.0.0.1 that admits requests like the
 * real API (rate window, parallel-connection cap, Basic auth), injects configured faults, hands
 * the request to the router, and records writes with their HTTP outcome.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { RATE_LIMITED_BODY, TOO_MANY_CONNECTIONS_BODY, UNAUTHORIZED_BODY } from './api/errors'
import { dispatch, isWriteMethod } from './api/router'
import type { ApiResponse } from './api/types'
import type { Dataset, DatasetOptions } from './dataset'
import {
  FaultInjector,
  type FaultDecision,
  type FaultSettings,
  type FaultSettingsInput
} from './faults'
import { generateDataset } from './generateDataset'
import { ConcurrencyGate, SlidingWindowLimiter, type RateLimitOptions } from './limits'
import type { MutationDelivery, MutationLogEntry } from './mutationLog'
import { SimulatorStore } from './store'
import {
  answerPreFault,
  emptyFaultCounts,
  malformedJsonText,
  resetSocket,
  sendTruncatedJson,
  type FaultCounts
} from '../simulatorHttp/injectedFaults'
import { listenOnLoopback } from '../simulatorHttp/loopbackServer'
import { readBody, sleep } from '../simulatorHttp/requestBody'
import { createRequestHold } from '../simulatorHttp/requestHold'

export const DEFAULT_API_KEY = 'sim_test_key'

export interface SimulatorOptions {
  /** 0 (default) picks a free ephemeral port. The host is always 127.0.0.1. */
  port?: number
  /** The one valid API key (Basic auth user; password empty or the same key). */
  apiKey?: string
  /** A ready dataset, or options to generate one. Default: seed 42, 500 customers. */
  data?: Dataset | DatasetOptions
  /** Default 40 requests per 1000 ms; `false` disables. */
  rateLimit?: RateLimitOptions | false
  /** Default 20 parallel requests; `false` disables. */
  maxConcurrent?: number | false
  faults?: FaultSettingsInput
  /** Server clock for created_at/updated_at (default: wall clock). */
  clock?: () => Date
  /** Monotonic ms clock for the rate window (default: performance.now). */
  monotonicNow?: () => number
  /** Where unexpected handler errors are reported (default: console.error). */
  onError?: (error: unknown) => void
}

export type { FaultCounts }

export interface SimulatorStats {
  /** Every request that arrived, admitted or not. */
  requests: number
  /** Responses sent, by HTTP status (resets have no status and are not counted here). */
  byStatus: Record<number, number>
  /** All 429s: the rate window's and injected ones. */
  status429: number
  /** All 503s from the parallel-connection cap. */
  status503: number
  /** 429s produced by the rate window alone. */
  rateLimited: number
  inFlight: number
  maxConcurrency: number
  faults: FaultCounts
}

export interface LimitSettings {
  rateLimit?: RateLimitOptions | false
  maxConcurrent?: number | false
}

export interface RunningSimulator {
  /** Base URL without `/v1`, e.g. `http://127.0.0.1:41234` (what SDKs call the API base). */
  url: string
  port: number
  /** The key that works now (see `rotateApiKey`). */
  readonly apiKey: string
  store: SimulatorStore
  readonly mutationLog: readonly MutationLogEntry[]
  /** A snapshot; read it again for fresh numbers. */
  readonly stats: SimulatorStats
  readonly faults: FaultSettings
  /** Merges into the current fault settings (a `seed` restarts the sequence). */
  setFaults(input: FaultSettingsInput): void
  clearFaults(): void
  setLimits(limits: LimitSettings): void
  /**
   * Admitted requests wait (counted as in flight) until the returned function is called: lets
   * tests build exact concurrency without racing timers.
   */
  holdRequests(): () => void
  resetStats(): void
  /**
   * An admin regenerates the account's API key: from now on only `next` is accepted and the old
   * key gets 401, as a revoked ChartMogul key does.
   */
  rotateApiKey(next: string): void
  close(): Promise<void>
}

const JSON_TYPE = 'application/json'
const TEXT_TYPE = 'text/plain; charset=utf-8'
const SERVER_ERROR_JSON = { code: 500, message: 'Internal Server Error', param: null }
const TEXT_BODIES = { 500: '500 Internal Server Error', 504: '504 Gateway Timeout Error' } as const

function isDataset(data: Dataset | DatasetOptions): data is Dataset {
  return Array.isArray((data as Dataset).customers)
}

function defaultRateLimit(): RateLimitOptions {
  return { perWindow: 40, windowMs: 1000 }
}

/** Basic auth: user = API key, password empty or the key again (documented). */
export function isAuthorized(header: string | undefined, apiKey: string): boolean {
  const m = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null
  if (!m?.[1]) return false
  const decoded = Buffer.from(m[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  const user = colon < 0 ? decoded : decoded.slice(0, colon)
  const pass = colon < 0 ? '' : decoded.slice(colon + 1)
  return user === apiKey && (pass === '' || pass === apiKey)
}

function normalizePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '')
  return trimmed === '' ? '/' : trimmed
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  let apiKey = options.apiKey ?? DEFAULT_API_KEY
  const data = options.data ?? { seed: 42, customers: 500 }
  const given = isDataset(data)
  const dataset = given ? data : generateDataset(data)
  // A dataset generated here has no other owner; a caller's dataset is copied.
  const store = new SimulatorStore(dataset, { clock: options.clock, adopt: !given })
  const now = options.monotonicNow ?? (() => performance.now())
  const limiter = new SlidingWindowLimiter(
    options.rateLimit === false ? { perWindow: null } : (options.rateLimit ?? defaultRateLimit()),
    now
  )
  const gate = new ConcurrencyGate(
    options.maxConcurrent === false ? null : (options.maxConcurrent ?? 20)
  )
  const faults = new FaultInjector(options.faults)
  const onError = options.onError ?? ((error: unknown) => console.error('[simulator]', error))

  let requests = 0
  let rateLimited = 0
  let byStatus: Record<number, number> = {}
  let faultCounts = emptyFaultCounts()
  const hold = createRequestHold()

  const count = (status: number): void => {
    byStatus[status] = (byStatus[status] ?? 0) + 1
  }

  function send(
    res: ServerResponse,
    status: number,
    text: string,
    contentType: string,
    retryAfter: string | number | undefined = limiter.retryAfterSeconds
  ): void {
    if (res.destroyed || res.writableEnded) return
    const headers: Record<string, string | number> = {
      'content-type': contentType,
      'content-length': Buffer.byteLength(text)
    }
    if (status === 429 && retryAfter !== undefined) headers['retry-after'] = retryAfter
    res.writeHead(status, headers)
    res.end(text)
    count(status)
  }

  const sendJson = (res: ServerResponse, status: number, body: unknown, type = JSON_TYPE): void =>
    send(res, status, JSON.stringify(body), type)

  /** Headers promise the whole body; half of it arrives, then the connection ends. */
  function sendTruncated(req: IncomingMessage, res: ServerResponse, r: ApiResponse): void {
    sendTruncatedJson(req, res, r.status, r.body, r.contentType ?? JSON_TYPE)
    count(r.status)
  }

  function sendMalformed(res: ServerResponse, r: ApiResponse): void {
    send(res, r.status, malformedJsonText(r.body), r.contentType ?? JSON_TYPE)
  }

  function preFault(req: IncomingMessage, res: ServerResponse, decision: FaultDecision): boolean {
    return answerPreFault(req, decision, faultCounts, {
      rateLimited: () =>
        send(
          res,
          429,
          JSON.stringify(RATE_LIMITED_BODY),
          JSON_TYPE,
          faults.current.retryAfter ?? limiter.retryAfterSeconds
        ),
      serverErrorJson: () => sendJson(res, 500, SERVER_ERROR_JSON),
      serverErrorText: (status) => send(res, status, TEXT_BODIES[status], TEXT_TYPE)
    })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requests++
    // "All requests count" towards the rate window, including ones the gate turns away.
    if (!limiter.tryAcquire()) {
      rateLimited++
      sendJson(res, 429, RATE_LIMITED_BODY)
      return
    }
    if (!gate.tryEnter()) {
      sendJson(res, 503, TOO_MANY_CONNECTIONS_BODY)
      return
    }
    let left = false
    res.on('close', () => {
      if (!left) {
        left = true
        gate.leave()
      }
    })

    const body = await readBody(req)
    if (body.kind === 'aborted') return
    const held = hold.current()
    if (held) await held
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const path = normalizePath(url.pathname)
    const write = isWriteMethod(method)
    const decision = faults.decide(method, path, write)
    if (decision.delayMs > 0) await sleep(decision.delayMs)
    if (res.destroyed) return
    if (preFault(req, res, decision)) return

    if (!isAuthorized(req.headers.authorization, apiKey)) {
      sendJson(res, 401, UNAUTHORIZED_BODY)
      return
    }
    if (body.kind === 'too_large') {
      sendJson(res, 413, { code: 413, message: 'Request body too large', param: null })
      return
    }
    const response = dispatch({ method, path, query: url.searchParams, rawBody: body.text }, store)
    const entry = response.mutation
      ? store.recordMutation({
          source: 'api',
          entity: response.mutation.entity,
          action: response.mutation.action,
          method,
          path,
          body: response.mutation.body,
          uuid: response.mutation.uuid,
          status: response.status,
          applied: response.mutation.applied,
          delivery: 'delivered'
        })
      : undefined
    const deliver = (delivery: MutationDelivery): void => {
      if (entry) entry.delivery = delivery
    }

    if (decision.applyThenFail && response.mutation?.applied) {
      faultCounts.applyThenFail++
      if (faults.current.applyThenFailMode === 'reset') {
        deliver('reset')
        resetSocket(req, faultCounts)
      } else {
        deliver('server_error')
        send(res, 504, TEXT_BODIES[504], TEXT_TYPE)
      }
      return
    }
    if (decision.post === 'truncated') {
      faultCounts.truncated++
      deliver('truncated')
      sendTruncated(req, res, response)
      return
    }
    if (decision.post === 'malformed') {
      faultCounts.malformed++
      deliver('malformed')
      sendMalformed(res, response)
      return
    }
    sendJson(res, response.status, response.body, response.contentType)
  }

  const server = await listenOnLoopback(options.port ?? 0, handle, (res, error) => {
    onError(error)
    sendJson(res, 500, SERVER_ERROR_JSON)
  })

  return {
    url: server.url,
    port: server.port,
    get apiKey() {
      return apiKey
    },
    rotateApiKey(next: string) {
      apiKey = next
    },
    store,
    get mutationLog() {
      return store.mutationLog
    },
    get stats(): SimulatorStats {
      return {
        requests,
        byStatus: { ...byStatus },
        status429: byStatus[429] ?? 0,
        status503: byStatus[503] ?? 0,
        rateLimited,
        inFlight: gate.inFlight,
        maxConcurrency: gate.maxObserved,
        faults: { ...faultCounts }
      }
    },
    get faults() {
      return faults.current
    },
    setFaults: (input) => faults.set(input),
    clearFaults: () => faults.reset(),
    setLimits: (limits) => {
      if (limits.rateLimit !== undefined) {
        limiter.configure(limits.rateLimit === false ? { perWindow: null } : limits.rateLimit)
      }
      if (limits.maxConcurrent !== undefined) {
        gate.configure(limits.maxConcurrent === false ? null : limits.maxConcurrent)
      }
    },
    holdRequests: () => hold.hold(),
    resetStats: () => {
      requests = 0
      rateLimited = 0
      byStatus = {}
      faultCounts = emptyFaultCounts()
      gate.resetPeak()
    },
    close: () => {
      hold.release()
      return server.close()
    }
  }
}
