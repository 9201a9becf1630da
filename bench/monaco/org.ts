/**
 * The benchmark's Monaco organization: the simulator in a worker thread (Monaco's work must
 * not share the sync's event loop) on loopback with 250 ms added to every request and the
 * documented rate windows (100/min and 1,000/h) compressed by the time scale; and a fresh
 * gateway client per measured run — the real limiter at its default budget (80 % of each
 * window) on the same scaled clock, so each run starts with the budget a real sync has.
 */
import { Worker } from 'node:worker_threads'
import {
  createMonacoClient,
  createMonacoRateLimiter,
  type MonacoClient
} from '../../src/main/monaco'
import { monacoBudget } from '../../src/main/monaco/rateLimiter'
import {
  generateMonacoDataset,
  MonacoStore,
  type MonacoSimulatorStats
} from '../../src/main/monacoSimulator'
import { scaledClock } from './scaledClock'
import type { SimulatorWorkerData, SimulatorWorkerRequest } from './simulatorWorker'

export interface BenchOrg {
  /** The same dataset as the simulator's (same seed), for the replica check. */
  store: MonacoStore
  timeScale: number
  /** The limiter's budget in requests per real second (the per-minute window, scaled). */
  budgetPerSecond: number
  /** A new client and limiter, and the simulator's windows and stats emptied. */
  freshClient(): Promise<{ client: MonacoClient; clock: ReturnType<typeof scaledClock> }>
  stats(): Promise<MonacoSimulatorStats>
  close(): Promise<void>
}

export async function startBenchOrg(options: {
  size: { accounts: number; contacts: number; opportunities: number }
  latencyMs: number
  timeScale: number
}): Promise<BenchOrg> {
  const data = { seed: 2026, ...options.size }
  const workerData: SimulatorWorkerData = {
    data,
    latencyMs: options.latencyMs,
    rateLimit: { timeScale: options.timeScale }
  }
  // tsx's loader is registered inside the worker before the TypeScript module loads.
  const file = new URL('./simulatorWorker.ts', import.meta.url).href
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file)}) })`
  const worker = new Worker(boot, { eval: true, workerData })
  const pending = new Map<number, (value: unknown) => void>()
  let ids = 0
  const started = new Promise<{ url: string; apiKey: string }>((resolve, reject) => {
    worker.once('error', reject)
    worker.on(
      'message',
      (message: {
        id?: number
        ready?: boolean
        url?: string
        apiKey?: string
        stats?: unknown
      }) => {
        if (message.ready === true)
          resolve({ url: message.url ?? '', apiKey: message.apiKey ?? '' })
        else if (message.id !== undefined) pending.get(message.id)?.(message.stats)
      }
    )
  })
  const ask = (op: SimulatorWorkerRequest['op']): Promise<unknown> =>
    new Promise((resolve) => {
      const id = ++ids
      pending.set(id, resolve)
      worker.postMessage({ id, op } satisfies SimulatorWorkerRequest)
    })
  const { url, apiKey } = await started
  const [perMinute] = monacoBudget()
  return {
    store: new MonacoStore(generateMonacoDataset(data), { seed: data.seed }),
    timeScale: options.timeScale,
    budgetPerSecond: ((perMinute?.limit ?? 80) * options.timeScale) / 60,
    async freshClient() {
      await ask('reset')
      const clock = scaledClock(options.timeScale)
      const client = createMonacoClient({
        apiKey,
        baseUrl: url,
        // A 500-record page behind 250 ms of latency is well inside the default timeout.
        limiter: createMonacoRateLimiter({ clock })
      })
      return { client, clock }
    },
    stats: () => ask('stats') as Promise<MonacoSimulatorStats>,
    async close() {
      await ask('close')
      await worker.terminate()
    }
  }
}
