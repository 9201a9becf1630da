/**
 * `npm run sim -- --provider monaco --port 4011 --seed 42 --accounts 5000 --key mks_demo`:
 * serves the Monaco simulator until SIGINT/SIGTERM. Like the ChartMogul one: exactly one
 * "listening on" line on success, a message and exit code 2 on bad flags.
 */
import { MONACO_USAGE, parseMonacoCliArgs, UsageError, type MonacoCliConfig } from './cliArgs'
import { startMonacoSimulator } from './server'
import { closeOnSignals } from '../simulatorHttp/closeOnSignals'

export async function runMonacoCli(argv: readonly string[]): Promise<void> {
  let config: MonacoCliConfig
  try {
    config = parseMonacoCliArgs(argv)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`sim: ${error.message}\n\n${MONACO_USAGE}\n`)
      process.exit(2)
    }
    throw error
  }
  if (config.help) {
    process.stdout.write(`${MONACO_USAGE}\n`)
    return
  }

  const sim = await startMonacoSimulator(config.options)
  const { store } = sim
  process.stdout.write(
    `Monaco simulator listening on ${sim.url} (key "${sim.apiKey}", ` +
      `${store.count('accounts')} accounts, ${store.count('contacts')} contacts, ` +
      `${store.count('opportunities')} opportunities, ${store.users().length} users)\n`
  )

  closeOnSignals(() => sim.close())
}
