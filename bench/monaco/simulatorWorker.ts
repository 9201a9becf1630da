/**
 * The simulator in a worker thread: Monaco runs on other machines, so its work (filtering,
 * sorting and rendering 500-record pages) must not share the sync's event loop. Answers the
 * main thread's messages: reset the rate windows and stats, report stats, close.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { startMonacoSimulator, type RateLimitSettings } from '../../src/main/monacoSimulator'

export interface SimulatorWorkerData {
  data: { seed: number; accounts: number; contacts: number; opportunities: number }
  latencyMs: number
  rateLimit: RateLimitSettings
}

export type SimulatorWorkerRequest = { id: number; op: 'reset' | 'stats' | 'close' }

const input = workerData as SimulatorWorkerData
const port = parentPort
if (port === null) throw new Error('simulatorWorker.ts runs as a worker thread')
const sim = await startMonacoSimulator({
  data: input.data,
  rateLimit: input.rateLimit,
  faults: { latencyMs: input.latencyMs },
  onError: () => undefined
})
port.postMessage({ ready: true, url: sim.url, apiKey: sim.apiKey })
port.on('message', (message: SimulatorWorkerRequest) => {
  void (async () => {
    if (message.op === 'reset') {
      sim.setRateLimit(input.rateLimit)
      sim.resetStats()
      port.postMessage({ id: message.id })
    } else if (message.op === 'stats') {
      port.postMessage({ id: message.id, stats: sim.stats })
    } else {
      await sim.close()
      port.postMessage({ id: message.id })
      port.close()
    }
  })()
})
