/**
 * `npm run sim -- --port 4010 --seed 42 --customers 5000 --key demo`: serves the simulator
 * until SIGINT/SIGTERM (`--provider monaco` serves the Monaco simulator instead, with its own
 * flags: see src/main/monacoSimulator/cliArgs.ts). Prints exactly one line on success (scripts wait for "listening on"),
 * a message and exit code 2 on bad flags, exit code 1 when the server cannot start.
 */
import { runMonacoCli } from '../monacoSimulator/cli'
import { parseCliArgs, USAGE, UsageError } from './cliArgs'
import { extractProvider } from './providerArg'
import { startSimulator } from './server'
import { closeOnSignals } from '../simulatorHttp/closeOnSignals'

async function main(): Promise<void> {
  let config
  try {
    const { provider, rest } = extractProvider(process.argv.slice(2))
    if (provider === 'monaco') return await runMonacoCli(rest)
    config = parseCliArgs(rest)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`sim: ${error.message}\n\n${USAGE}\n`)
      process.exit(2)
    }
    throw error
  }
  if (config.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }

  const sim = await startSimulator(config.options)
  const counts = {
    customers: sim.store.customers().length,
    plans: sim.store.plans().length,
    activities: sim.store.activities().length,
    opportunities: sim.store.opportunities().length
  }
  process.stdout.write(
    `ChartMogul simulator listening on ${sim.url} (key "${sim.apiKey}", ` +
      `${counts.customers} customers, ${counts.plans} plans, ${counts.activities} activities, ` +
      `${counts.opportunities} opportunities)\n`
  )

  closeOnSignals(() => sim.close())
}

main().catch((error: unknown) => {
  process.stderr.write(`sim: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
