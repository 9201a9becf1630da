/**
 * The Monaco simulator's HTTP face: a Node `http` server on 127.0.0.1. Per request, in order:
 * injected pre-handling faults; route resolution (404 / 405 / 307 to the other trailing-slash
 * form — no key needed, as Starlette answers these before the route's dependencies run);
 * Bearer key (401 `{"detail"}`); the org's rate windows (429 with `X-RateLimit-*` and
 * `Retry-After`); JSON body; the handler; writes logged with their HTTP outcome; post-handling
 * faults (truncated / malformed body, apply-then-lose-the-answer).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  FaultInjector,
  type FaultDecision,
  type FaultSettings,
  type FaultSettingsInput
} from '../simulator/faults'
import type { MutationDelivery } from '../simulator/mutationLog'
import { resolve } from './api/router'
import type { ApiRequest, ApiResponse } from './api/types'
import { isAuthorized, isValidKeyShape } from './auth'
import type { MonacoDataset, MonacoDatasetOptions } from './dataset'
import {
  ApiError,
  METHOD_NOT_ALLOWED_BODY,
  rateLimitedBody,
  ROUTE_NOT_FOUND_BODY,
  SERVER_ERROR_BODY,
  UNAUTHORIZED_BODY,
  errorBody
} from './errors'
import { generateMonacoDataset } from './generateDataset'
import { parseJsonBody, sendJson, sendText } from './http'
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
import { IdempotencyStore } from './idempotency'
import { RateWindows, type RateLimitSettings, type RateRefusal } from './rateWindows'
import { isoSeconds, type EntityName } from './records'
import { DEFAULT_RENDER, type RenderOptions } from './render/options'
import { MonacoStore, type MonacoMutationLogEntry } from './store'
import { parseListRequest, type ListRequest } from './query/listRequest'

export const DEFAULT_MONACO_KEY = 'mks_simulator_test_key'

export interface MonacoSimulatorOptions {
  /** 0 (default) picks a free ephemeral port. The host is always 127.0.0.1. */
  port?: number
  /** The one valid key; must start with `mks_`. */
  apiKey?: string
  /** A ready dataset, or options to generate one. Default: seed 42, 200 accounts. */
  data?: MonacoDataset | MonacoDatasetOptions
  /** Default 100/min + 1000/h; `false` disables. */
  rateLimit?: RateLimitSettings | false
  faults?: FaultSettingsInput
  /** Response-shape choices the OpenAPI leaves open (see render/options.ts). */
  render?: Partial<RenderOptions>
  /** Server clock: timestamps, "now" in date filters (default: wall clock). */
  clock?: () => Date
  /** Clock of the rate windows and `X-RateLimit-Reset`, epoch ms (default: Date.now). */
  nowMs?: () => number
  onError?: (error: unknown) => void
}

export type MonacoFaultCounts = FaultCounts

export interface MonacoSimulatorStats {
  requests: number
  byStatus: Record<number, number>
  /** 429s from the rate windows alone. */
  rateLimited: number
  faults: MonacoFaultCounts
}

/** Called after a list page is computed and before it is sent: drift data mid-pass here. */
export type ListedHook = (entity: EntityName, request: ListRequest) => void

export interface RunningMonacoSimulator {
  /** Base URL without `/v1`, e.g. `http://127.0.0.1:41234`. */
  url: string
  port: number
  readonly apiKey: string
  store: MonacoStore
  readonly mutationLog: readonly MonacoMutationLogEntry[]
  readonly stats: MonacoSimulatorStats
  readonly faults: FaultSettings
  setFaults(input: FaultSettingsInput): void
  clearFaults(): void
  setRateLimit(settings: RateLimitSettings | false): void
  setRender(options: Partial<RenderOptions>): void
  /** Admitted requests wait until the returned function is called. */
  holdRequests(): () => void
  onListed(hook: ListedHook | null): void
  resetStats(): void
  /** From now on only `next` is accepted. */
  rotateApiKey(next: string): void
  close(): Promise<void>
}

const TEXT_BODIES = { 500: 'Internal Server Error', 504: 'Gateway Timeout' } as const

function isDataset(data: MonacoDataset | MonacoDatasetOptions): data is MonacoDataset {
  return Array.isArray((data as MonacoDataset).accounts)
}

function checkKey(key: string): string {
  if (!isValidKeyShape(key)) throw new Error(`a Monaco API key starts with "mks_", got "${key}"`)
  return key
}

function rateHeaders(r: RateRefusal): Record<string, string> {
  return {
    'x-ratelimit-limit': String(r.limit),
    'x-ratelimit-remaining': String(r.remaining),
    'x-ratelimit-reset': String(r.resetUnix),
    'retry-after': String(r.retryAfterSeconds)
  }
}

export async function startMonacoSimulator(
  options: MonacoSimulatorOptions = {}
): Promise<RunningMonacoSimulator> {
  let apiKey = checkKey(options.apiKey ?? DEFAULT_MONACO_KEY)
  const data = options.data ?? { seed: 42, accounts: 200 }
  const dataset = isDataset(data) ? data : generateMonacoDataset(data)
  const clock = options.clock ?? (() => new Date())
  const store = new MonacoStore(dataset, { clock, seed: isDataset(data) ? 1 : data.seed })
  const nowMs = options.nowMs ?? (() => Date.now())
  let rateSettings = options.rateLimit ?? {}
  const windows = new RateWindows(rateSettings, nowMs)
  const faults = new FaultInjector(options.faults)
  const idempotency = new IdempotencyStore()
  let render: RenderOptions = { ...DEFAULT_RENDER, ...options.render }
  const onError =
    options.onError ?? ((error: unknown) => console.error('[monaco simulator]', error))

  let requests = 0
  let rateLimited = 0
  let byStatus: Record<number, number> = {}
  let faultCounts = emptyFaultCounts()
  const hold = createRequestHold()
  let listed: ListedHook | null = null
  let baseUrl = ''

  const count = (status: number): void => {
    byStatus[status] = (byStatus[status] ?? 0) + 1
  }
  const json = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers?: Record<string, string>
  ) => {
    if (sendJson(res, status, body, headers)) count(status)
  }
  const text = (res: ServerResponse, status: number, body: string) => {
    if (sendText(res, status, body, 'text/plain; charset=utf-8')) count(status)
  }

  function injected429(res: ServerResponse): void {
    const retryAfter = faults.current.retryAfter ?? '1'
    const seconds = /^\d+$/.test(retryAfter) ? Number(retryAfter) : 1
    const limit = rateSettings === false ? 100 : (rateSettings.windows?.[0]?.limit ?? 100)
    json(res, 429, rateLimitedBody(), {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(nowMs() / 1000) + seconds),
      'retry-after': retryAfter
    })
  }

  function preFault(req: IncomingMessage, res: ServerResponse, decision: FaultDecision): boolean {
    return answerPreFault(req, decision, faultCounts, {
      rateLimited: () => injected429(res),
      serverErrorJson: () => json(res, 500, SERVER_ERROR_BODY),
      serverErrorText: (status) => text(res, status, TEXT_BODIES[status])
    })
  }

  /** Runs the handler; an `ApiError` becomes its response (a refused write logged as such). */
  function run(
    route: Extract<ReturnType<typeof resolve>, { kind: 'route' }>,
    apiReq: ApiRequest
  ): ApiResponse {
    const ctx = { store, render, idempotency, timestamp: isoSeconds(clock().getTime()) }
    try {
      return route.route.handler(apiReq, ctx, route.params)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      const write = route.route.write
      return {
        status: error.status,
        body: error.body,
        ...(write
          ? { mutation: { ...write, id: null, applied: false, body: apiReq.body ?? null } }
          : {})
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requests++
    const body = await readBody(req)
    if (body.kind === 'aborted') return
    const held = hold.current()
    if (held) await held
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const resolution = resolve(method, url.pathname)
    const isWrite = resolution.kind === 'route' && resolution.route.write !== undefined
    const decision = faults.decide(method, url.pathname, isWrite)
    if (decision.delayMs > 0) await sleep(decision.delayMs)
    if (res.destroyed) return
    if (preFault(req, res, decision)) return

    switch (resolution.kind) {
      case 'not_found':
        return json(res, 404, ROUTE_NOT_FOUND_BODY)
      case 'method_not_allowed':
        return json(res, 405, METHOD_NOT_ALLOWED_BODY)
      case 'redirect':
        if (sendText(res, 307, '', null, { location: `${baseUrl}${resolution.path}${url.search}` }))
          count(307)
        return
    }
    if (!isAuthorized(req.headers.authorization, apiKey)) return json(res, 401, UNAUTHORIZED_BODY)
    const refusal = windows.tryAcquire()
    if (refusal) {
      rateLimited++
      return json(res, 429, rateLimitedBody(), rateHeaders(refusal))
    }
    if (body.kind === 'too_large')
      return json(res, 413, errorBody('payload_too_large', 'Request body too large'))

    let parsed: unknown
    try {
      parsed = parseJsonBody(body.text, req.headers['content-type'])
    } catch (error) {
      if (error instanceof ApiError) return json(res, error.status, error.body)
      throw error
    }
    const apiReq: ApiRequest = { method, path: url.pathname, query: url.searchParams, body: parsed }
    const response = run(resolution, apiReq)
    if (listed && response.status === 200 && url.pathname.endsWith('/list')) {
      const entity = url.pathname.split('/')[2] as EntityName
      listed(entity, parseListRequest(parsed))
    }
    const m = response.mutation
    const entry = m
      ? store.recordMutation({
          source: 'api',
          entity: m.entity,
          action: m.action,
          method,
          path: url.pathname,
          body: structuredClone(m.body),
          uuid: m.id,
          status: response.status,
          applied: m.applied,
          delivery: 'delivered'
        })
      : undefined
    const deliver = (delivery: MutationDelivery): void => {
      if (entry) entry.delivery = delivery
    }

    if (decision.applyThenFail && m?.applied) {
      faultCounts.applyThenFail++
      if (faults.current.applyThenFailMode === 'reset') {
        deliver('reset')
        resetSocket(req, faultCounts)
      } else {
        deliver('server_error')
        text(res, 504, TEXT_BODIES[504])
      }
      return
    }
    if (decision.post === 'truncated' && response.body !== undefined) {
      faultCounts.truncated++
      deliver('truncated')
      sendTruncatedJson(req, res, response.status, response.body, 'application/json')
      count(response.status)
      return
    }
    if (decision.post === 'malformed' && response.body !== undefined) {
      faultCounts.malformed++
      deliver('malformed')
      if (sendText(res, response.status, malformedJsonText(response.body), 'application/json')) {
        count(response.status)
      }
      return
    }
    json(res, response.status, response.body, response.headers)
  }

  const server = await listenOnLoopback(options.port ?? 0, handle, (res, error) => {
    onError(error)
    json(res, 500, SERVER_ERROR_BODY)
  })
  baseUrl = server.url

  return {
    url: baseUrl,
    port: server.port,
    get apiKey() {
      return apiKey
    },
    rotateApiKey(next: string) {
      apiKey = checkKey(next)
    },
    store,
    get mutationLog() {
      return store.mutationLog
    },
    get stats(): MonacoSimulatorStats {
      return { requests, byStatus: { ...byStatus }, rateLimited, faults: { ...faultCounts } }
    },
    get faults() {
      return faults.current
    },
    setFaults: (input) => faults.set(input),
    clearFaults: () => faults.reset(),
    setRateLimit: (settings) => {
      windows.configure(settings)
      rateSettings = settings
    },
    setRender: (next) => {
      render = { ...render, ...next }
    },
    holdRequests: () => hold.hold(),
    onListed: (hook) => {
      listed = hook
    },
    resetStats: () => {
      requests = 0
      rateLimited = 0
      byStatus = {}
      faultCounts = emptyFaultCounts()
    },
    close: () => {
      hold.release()
      return server.close()
    }
  }
}
