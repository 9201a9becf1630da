/** The demo workspace's backend: the built-in ChartMogul simulator, on loopback only. */
import { startDemoWorkspace } from '../../simulator'
import type { RunningDemo } from './demoRuntime'

export async function startDemoSimulator(): Promise<RunningDemo> {
  const simulator = await startDemoWorkspace()
  return { url: simulator.url, apiKey: simulator.apiKey, close: () => simulator.close() }
}
