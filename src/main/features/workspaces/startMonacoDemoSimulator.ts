/**
 * The Monaco demo workspace's backend: the built-in Monaco simulator, on loopback only, with a
 * key of its own and a modest seeded organization. Its rate windows are Monaco's documented
 * ones (100/min and 1,000/h), so the demo paces itself exactly as a real Monaco workspace does.
 */
import { randomBytes } from 'node:crypto'
import { startMonacoSimulator, type MonacoSimulatorOptions } from '../../monacoSimulator'
import { startOfUtcDay } from '../../simulator/formats'
import type { RunningDemo } from './demoRuntime'

export const MONACO_DEMO_SEED = 42
export const MONACO_DEMO_ACCOUNTS = 300

export async function startMonacoDemoSimulator(
  overrides: MonacoSimulatorOptions = {}
): Promise<RunningDemo> {
  const simulator = await startMonacoSimulator({
    apiKey: `mks_demo_${randomBytes(16).toString('hex')}`,
    // Dated from today, so deals close in the coming months whenever the demo is opened.
    data: {
      seed: MONACO_DEMO_SEED,
      accounts: MONACO_DEMO_ACCOUNTS,
      now: new Date(startOfUtcDay(Date.now()))
    },
    // `{}`: the documented windows, on (not `false`).
    rateLimit: {},
    ...overrides,
    port: 0
  })
  return { url: simulator.url, apiKey: simulator.apiKey, close: () => simulator.close() }
}
