/**
 * Revdesk's side: the real main-process services (workspace registry, key vault, gateway pool
 * with the workspace's shared rate limiter, bridge handlers behind the validating dispatcher)
 * over a temp folder, and the renderer's outbox over fake-indexeddb, its writes going through
 * `createBridgeOpportunityWrites` exactly as in the app — only the IPC hop is a direct call.
 */
import 'fake-indexeddb/auto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { mapOpportunity, type FetchLike } from '../../src/main/chartmogul'
import { createBridgeHandlers } from '../../src/main/bridgeHandlers'
import { createDemoRuntime } from '../../src/main/features/workspaces/demoRuntime'
import { createDispatcher, type Dispatch } from '../../src/main/ipc/dispatcher'
import { createMainServices } from '../../src/main/mainServices'
import type { RunningSimulator } from '../../src/main/simulator'
import { createSafeStorageVault } from '../../src/main/vault/safeStorageVault'
import { openWorkspaceCache, type CachedOpportunity } from '../../src/renderer/src/cache'
import { BridgeCallError } from '../../src/renderer/src/lib/bridge'
import { createBridgeOpportunityWrites } from '../../src/renderer/src/lib/bridgeOpportunityWrites'
import {
  createOpportunity,
  createOutboxPusher,
  deleteOpportunity,
  editOpportunity,
  listOutboxEntries,
  type OpportunityWrites,
  type PushSummary
} from '../../src/renderer/src/outbox'
import type { ArgsOf, ResultOf } from '../../src/shared/bridge/contract'
import type { BridgeResult } from '../../src/shared/bridge/errors'
import type { BridgeMethodName } from '../../src/shared/bridge/surface'
import type { Workspace } from '../../src/shared/workspace/workspace'
import { fakeSafeStorage } from '../../test/unit/support/fakeSafeStorage'
import type { Change } from './workload'

/** Time-weighted concurrency and durations of overlapping calls. */
class Tracker {
  private inFlight = 0
  private lastAt = 0
  private area = 0
  private startedAt = 0
  peak = 0
  readonly durations: number[] = []

  reset(now: number): void {
    this.startedAt = now
    this.lastAt = now
    this.area = 0
    this.peak = this.inFlight
    this.durations.length = 0
  }

  private advance(now: number): void {
    this.area += this.inFlight * (now - this.lastAt)
    this.lastAt = now
  }

  async track<T>(fn: () => Promise<T>): Promise<T> {
    const start = performance.now()
    this.advance(start)
    this.inFlight++
    this.peak = Math.max(this.peak, this.inFlight)
    try {
      return await fn()
    } finally {
      const end = performance.now()
      this.advance(end)
      this.inFlight--
      this.durations.push(end - start)
    }
  }

  meanInFlight(now: number): number {
    this.advance(now)
    const span = now - this.startedAt
    return span > 0 ? this.area / span : 0
  }
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}

function timing(values: readonly number[]) {
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)
  return {
    count: values.length,
    meanMs: Math.round(mean),
    p50Ms: Math.round(percentile(values, 50)),
    p95Ms: Math.round(percentile(values, 95)),
    maxMs: Math.round(percentile(values, 100))
  }
}

export interface RevdeskRun {
  workspace: Workspace
  queueMs: number
  wallMs: number
  rounds: number
  requests: number
  http429: number
  http503: number
  outboxRemaining: number
  summaries: PushSummary[]
  diagnostics: {
    /** Mean and peak HTTP requests in flight (measured at the gateway's fetch). */
    httpInFlightMean: number
    httpInFlightPeak: number
    http: ReturnType<typeof timing>
    /** Bridge calls as the pusher sees them (limiter wait + HTTP + handler), per method. */
    bridgeInFlightMean: number
    bridgeInFlightPeak: number
    bridge: Record<string, ReturnType<typeof timing>>
    limiter: {
      configuredRatePerSecond: number
      maxConcurrent: number
      rateLimitedCount: number
      /** Mean requests waiting in the limiter, sampled every 50 ms. */
      queuedMean: number
      currentRateMin: number
    }
  }
}

export interface RevdeskOptions {
  maxRounds?: number
}

export async function pushWithRevdesk(
  sim: RunningSimulator,
  changes: readonly Change[],
  options: RevdeskOptions = {}
): Promise<RevdeskRun> {
  const http = new Tracker()
  const timedFetch: FetchLike = (url, init) => http.track(() => globalThis.fetch(url, init))
  const dataDir = mkdtempSync(join(tmpdir(), 'rd-bench-outbox-'))
  const services = createMainServices({
    app: { name: 'Revdesk', version: 'bench', platform: process.platform },
    dataDir,
    vault: {
      vault: createSafeStorageVault(join(dataDir, 'keys.enc.json'), fakeSafeStorage()),
      status: { backend: 'encrypted-file', weak: false, notice: null }
    },
    emit: () => undefined,
    openExternal: async () => undefined,
    askUser: async () => false,
    demo: createDemoRuntime(() => Promise.reject(new Error('no demo in this benchmark'))),
    fetch: timedFetch
  })
  const dispatch: Dispatch = createDispatcher(createBridgeHandlers(services))

  // The renderer's `call`: structured-clone both ways (as IPC does), BridgeCallError on failure.
  async function invoke<M extends BridgeMethodName>(
    method: M,
    ...args: ArgsOf<M> extends undefined ? [] : [ArgsOf<M>]
  ): Promise<ResultOf<M>> {
    const result = structuredClone(
      await dispatch(structuredClone({ method, args: args[0] }))
    ) as BridgeResult<ResultOf<M>>
    if (result.ok) return result.value
    throw new BridgeCallError(result.error)
  }

  try {
    // The workspace is added as in Settings (the key is checked with a ping), at the default budget.
    const workspace = await invoke('addWorkspace', {
      name: 'Outbox bench',
      apiKey: sim.apiKey,
      baseUrl: sim.url
    })

    // The cache as a pull leaves it.
    const db = await openWorkspaceCache(workspace.id)
    const rows: CachedOpportunity[] = sim.store
      .opportunities()
      .map((w) => ({ ...mapOpportunity(w), _gen: 1, _dirty: 0 }))
    await db.opportunities.bulkPut(rows)

    // Queue the changes with the outbox's own API, in the workload's order.
    const queueStarted = performance.now()
    for (const change of changes) {
      if (change.kind === 'edit') await editOpportunity(db, change.uuid, change.patch)
      else if (change.kind === 'delete') await deleteOpportunity(db, change.uuid)
      else await createOpportunity(db, change.draft)
    }
    const queueMs = performance.now() - queueStarted
    const queued = (await listOutboxEntries(db)).length
    if (queued !== changes.length) {
      throw new Error(`queued ${queued} entries for ${changes.length} changes`)
    }

    const bridge = new Tracker()
    const perMethod = new Map<string, number[]>()
    const tracked = <T>(method: string, fn: () => Promise<T>): Promise<T> => {
      const start = performance.now()
      return bridge.track(fn).finally(() => {
        const list = perMethod.get(method) ?? []
        list.push(performance.now() - start)
        perMethod.set(method, list)
      })
    }
    const bridgeWrites = createBridgeOpportunityWrites(workspace.id, invoke)
    const writes: OpportunityWrites = {
      create: (d, o) => tracked('create', () => bridgeWrites.create(d, o)),
      update: (u, p, o) => tracked('update', () => bridgeWrites.update(u, p, o)),
      delete: (u, o) => tracked('delete', () => bridgeWrites.delete(u, o)),
      get: (u, o) => tracked('get', () => bridgeWrites.get(u, o)),
      listForCustomer: (c, o) =>
        tracked('listForCustomer', () => bridgeWrites.listForCustomer(c, o))
    }
    const pusher = createOutboxPusher({ db, writes })
    const limiter = services.gateways.limiterFor(workspace)

    sim.resetStats()
    const started = performance.now()
    http.reset(started)
    bridge.reset(started)
    const queuedSamples: number[] = []
    let currentRateMin = limiter.stats().currentRatePerSecond
    const sampler = setInterval(() => {
      const s = limiter.stats()
      queuedSamples.push(s.queued)
      currentRateMin = Math.min(currentRateMin, s.currentRatePerSecond)
    }, 50)
    const summaries: PushSummary[] = []
    const maxRounds = options.maxRounds ?? 20
    let rounds = 0
    try {
      while (rounds < maxRounds) {
        rounds++
        const summary = await pusher.pushAll({ ignoreBackoff: true })
        summaries.push(summary)
        if (summary.remaining === 0 || summary.paused) break
      }
    } finally {
      clearInterval(sampler)
    }
    const ended = performance.now()
    const stats = sim.stats
    const limiterStats = limiter.stats()
    const outboxRemaining = (await listOutboxEntries(db)).length
    db.close()

    return {
      workspace,
      queueMs,
      wallMs: ended - started,
      rounds,
      requests: stats.requests,
      http429: stats.status429,
      http503: stats.status503,
      outboxRemaining,
      summaries,
      diagnostics: {
        httpInFlightMean: round(http.meanInFlight(ended)),
        httpInFlightPeak: http.peak,
        http: timing(http.durations),
        bridgeInFlightMean: round(bridge.meanInFlight(ended)),
        bridgeInFlightPeak: bridge.peak,
        bridge: Object.fromEntries([...perMethod].map(([m, d]) => [m, timing(d)])),
        limiter: {
          configuredRatePerSecond: limiterStats.configuredRatePerSecond,
          maxConcurrent: limiterStats.maxConcurrent,
          rateLimitedCount: limiterStats.rateLimitedCount,
          queuedMean: round(queuedSamples.reduce((a, b) => a + b, 0) / queuedSamples.length),
          currentRateMin
        }
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
