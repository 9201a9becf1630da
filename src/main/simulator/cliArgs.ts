/**
 * Command-line flags for `npm run sim`, parsed strictly: an unknown flag or a bad value is a
 * usage error (exit code 2), never silently ignored.
 */
import { parseArgs } from 'node:util'
import type { ApplyThenFailMode, FaultSettingsInput } from './faults'
import type { SimulatorOptions } from './server'

export class UsageError extends Error {}

export const USAGE = `Usage: npm run sim -- [options]

  --provider <name>        chartmogul (default) or monaco (npm run sim -- --provider monaco --help)
  --port <n>               port on 127.0.0.1 (default 4010; 0 = any free port)
  --key <key>              API key clients must send (default "demo")
  --seed <n>               dataset seed (default 42)
  --customers <n>          number of customers (default 500)
  --plans <n>              number of plans (default: customers/35, 12..300)
  --activities <n>         total number of activities (default: 3 per customer)
  --opportunities <n>      number of opportunities (default: customers/4)
  --now <iso-date>         the dataset's "today" (default 2026-01-01)
  --rps <n>                requests allowed per second (default 40; 0 = unlimited)
  --max-concurrent <n>     parallel requests allowed (default 20; 0 = unlimited)
  --retry-after <s>        send Retry-After on 429 responses
  --latency-ms <n>         added latency per request
  --jitter-ms <n>          extra random latency, up to n ms
  --rate-429 <p>           share of requests answered 429 (0..1)
  --rate-5xx <p>           share answered 500 with a JSON body
  --rate-5xx-text <p>      share answered 500/504 with a plain-text body
  --rate-reset <p>         share whose connection is reset without a response
  --rate-truncated <p>     share whose response body is cut short
  --rate-malformed <p>     share whose response body is not valid JSON
  --apply-then-fail <p>    share of writes applied and then failed
  --apply-then-fail-mode <reset|gateway_timeout>
  --fault-seed <n>         seed of the fault sequence (default 1)
  --help                   show this text`

export interface CliConfig {
  help: boolean
  options: SimulatorOptions & { port: number; apiKey: string }
}

const STRING_FLAGS = [
  'port',
  'key',
  'seed',
  'customers',
  'plans',
  'activities',
  'opportunities',
  'now',
  'rps',
  'max-concurrent',
  'retry-after',
  'latency-ms',
  'jitter-ms',
  'rate-429',
  'rate-5xx',
  'rate-5xx-text',
  'rate-reset',
  'rate-truncated',
  'rate-malformed',
  'apply-then-fail',
  'apply-then-fail-mode',
  'fault-seed'
] as const

type Flag = (typeof STRING_FLAGS)[number]

function integer(flag: string, raw: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(raw)) throw new UsageError(`--${flag} must be a whole number, got "${raw}"`)
  const n = Number(raw)
  if (n < min || n > max) throw new UsageError(`--${flag} must be between ${min} and ${max}`)
  return n
}

function probability(flag: string, raw: string): number {
  const n = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new UsageError(`--${flag} must be a number between 0 and 1, got "${raw}"`)
  }
  return n
}

export function parseCliArgs(argv: readonly string[]): CliConfig {
  let values: Partial<Record<Flag, string>> & { help?: boolean }
  try {
    const options = Object.fromEntries(STRING_FLAGS.map((f) => [f, { type: 'string' as const }]))
    values = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false
    }).values as typeof values
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }

  const int = (flag: Flag, fallback: number | undefined, min = 0, max = 10_000_000) => {
    const raw = values[flag]
    return raw === undefined ? fallback : integer(flag, raw, min, max)
  }
  const p = (flag: Flag): number | undefined => {
    const raw = values[flag]
    return raw === undefined ? undefined : probability(flag, raw)
  }

  const now = values.now
  if (now !== undefined && Number.isNaN(Date.parse(now))) {
    throw new UsageError(`--now must be an ISO date, got "${now}"`)
  }
  const mode = values['apply-then-fail-mode']
  if (mode !== undefined && mode !== 'reset' && mode !== 'gateway_timeout') {
    throw new UsageError('--apply-then-fail-mode must be "reset" or "gateway_timeout"')
  }
  const key = values.key ?? 'demo'
  if (key.trim() === '' || key.includes(':')) {
    throw new UsageError('--key must be non-empty and must not contain ":"')
  }

  const faults: FaultSettingsInput = {}
  const setFault = <K extends keyof FaultSettingsInput>(k: K, v: FaultSettingsInput[K]) => {
    if (v !== undefined) faults[k] = v
  }
  setFault('latencyMs', int('latency-ms', undefined, 0, 600_000))
  setFault('jitterMs', int('jitter-ms', undefined, 0, 600_000))
  setFault('rate429', p('rate-429'))
  setFault('rate5xxJson', p('rate-5xx'))
  setFault('rate5xxText', p('rate-5xx-text'))
  setFault('rateReset', p('rate-reset'))
  setFault('rateTruncated', p('rate-truncated'))
  setFault('rateMalformed', p('rate-malformed'))
  setFault('applyThenFail', p('apply-then-fail'))
  setFault('applyThenFailMode', mode as ApplyThenFailMode | undefined)
  setFault('seed', int('fault-seed', undefined, 0, 2 ** 31))

  const rps = int('rps', 40) as number
  const maxConcurrent = int('max-concurrent', 20) as number
  const retryAfter = int('retry-after', undefined, 0, 3600)
  return {
    help: values.help === true,
    options: {
      port: int('port', 4010, 0, 65535) as number,
      apiKey: key,
      data: {
        seed: int('seed', 42, 0, 2 ** 31) as number,
        customers: int('customers', 500),
        plans: int('plans', undefined, 2, 100_000),
        targetActivities: int('activities', undefined),
        opportunities: int('opportunities', undefined),
        ...(now === undefined ? {} : { now })
      },
      rateLimit:
        rps === 0
          ? false
          : {
              perWindow: rps,
              windowMs: 1000,
              ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter })
            },
      maxConcurrent: maxConcurrent === 0 ? false : maxConcurrent,
      faults
    }
  }
}
