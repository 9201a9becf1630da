/**
 * Starts the built-in ChartMogul simulator for the demo workspace the first time it is needed,
 * once, even when several requests ask at the same moment.
 */
import type { DemoRuntime } from './gatewayPool'

export interface RunningDemo {
  url: string
  apiKey: string
  close(): Promise<void>
}

export function createDemoRuntime(start: () => Promise<RunningDemo>): DemoRuntime {
  let running: Promise<RunningDemo> | null = null
  return {
    ensure: async () => {
      running ??= start().catch((error: unknown) => {
        running = null
        throw error
      })
      const { url, apiKey } = await running
      return { url, apiKey }
    },
    close: async () => {
      const current = running
      running = null
      if (current) await (await current).close()
    }
  }
}
