/**
 * `npm run sim -- --provider monaco …`: which API the one `sim` script simulates. The flag is
 * taken out before the provider's own flags are parsed; ChartMogul is the default.
 */
import { UsageError } from './cliArgs'

export type SimProvider = 'chartmogul' | 'monaco'

export function extractProvider(argv: readonly string[]): {
  provider: SimProvider
  rest: string[]
} {
  const rest: string[] = []
  let provider: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--provider') {
      provider = argv[++i]
      if (provider === undefined)
        throw new UsageError('--provider needs a value: chartmogul or monaco')
    } else if (arg.startsWith('--provider=')) {
      provider = arg.slice('--provider='.length)
    } else {
      rest.push(arg)
    }
  }
  if (provider !== undefined && provider !== 'chartmogul' && provider !== 'monaco') {
    throw new UsageError(`--provider must be "chartmogul" or "monaco", got "${provider}"`)
  }
  return { provider: (provider as SimProvider | undefined) ?? 'chartmogul', rest }
}
