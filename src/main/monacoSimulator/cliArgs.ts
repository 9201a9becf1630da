/**
 * Flags for `npm run sim -- --provider monaco …`, parsed strictly like the ChartMogul
 * simulator's: an unknown flag or a bad value is a usage error (exit code 2).
 */
import { parseArgs } from 'node:util'
import { UsageError } from '../simulator/cliArgs'
import type { ApplyThenFailMode, FaultSettingsInput } from '../simulator/faults'
import { isValidKeyShape } from './auth'
import type { RateLimitSettings } from './rateWindows'
import type { MonacoSimulatorOptions } from './server'

export { UsageError }

export const MONACO_USAGE = `Usage: npm run sim -- --provider monaco [options]

  --port <n>               port on 127.0.0.1 (default 4011; 0 = any free port)
  --key <mks_…>            API key clients must send as Bearer (default "mks_demo")
  --seed <n>               dataset seed (default 42)
  --accounts <n>           number of accounts (default 500)
  --contacts <n>           number of contacts (default 2 per account)
  --opportunities <n>      number of opportunities (default 3 per 5 accounts)
  --users <n>              users in the org (default 8)
  --now <iso-date>         the dataset's "today" (default 2026-01-01)
  --per-minute <n>         requests per minute per org (default 100; 0 = no minute window)
  --per-hour <n>           requests per hour per org (default 1000; 0 = no hour window)
  --rate-time-scale <x>    divide both window lengths by x (e.g. 60: a "minute" is 1 s)
  --stage-as <label|key>   how responses spell the stage (default label)
  --null-fields <omit|null> leave null fields out of responses or send them (default omit)
  --latency-ms <n>         added latency per request
  --jitter-ms <n>          extra random latency, up to n ms
  --rate-429 <p>           share of requests answered 429 (0..1)
  --retry-after <s>        Retry-After on injected 429s (default 1)
  --rate-5xx <p>           share answered 500 with a JSON body
  --rate-5xx-text <p>      share answered 500/504 with a plain-text body
  --rate-reset <p>         share whose connection is reset without a response
  --rate-truncated <p>     share whose response body is cut short
  --rate-malformed <p>     share whose response body is not valid JSON
  --apply-then-fail <p>    share of writes applied and then failed
  --apply-then-fail-mode <reset|gateway_timeout>
  --fault-seed <n>         seed of the fault sequence (default 1)
  --help                   show this text`

export interface MonacoCliConfig {
  help: boolean
  options: MonacoSimulatorOptions & { port: number; apiKey: string }
}

const FLAGS = [
  'port',
  'key',
  'seed',
  'accounts',
  'contacts',
  'opportunities',
  'users',
  'now',
  'per-minute',
  'per-hour',
  'rate-time-scale',
  'stage-as',
  'null-fields',
  'latency-ms',
  'jitter-ms',
  'rate-429',
  'retry-after',
  'rate-5xx',
  'rate-5xx-text',
  'rate-reset',
  'rate-truncated',
  'rate-malformed',
  'apply-then-fail',
  'apply-then-fail-mode',
  'fault-seed'
] as const
type Flag = (typeof FLAGS)[number]

function oneOf<T extends string>(
  flag: string,
  raw: string | undefined,
  values: readonly T[]
): T | undefined {
  if (raw === undefined) return undefined
  if (!(values as readonly string[]).includes(raw)) {
    throw new UsageError(
      `--${flag} must be ${values.map((v) => `"${v}"`).join(' or ')}, got "${raw}"`
    )
  }
  return raw as T
}

export function parseMonacoCliArgs(argv: readonly string[]): MonacoCliConfig {
  let values: Partial<Record<Flag, string>> & { help?: boolean }
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        ...Object.fromEntries(FLAGS.map((f) => [f, { type: 'string' as const }])),
        help: { type: 'boolean' }
      },
      strict: true,
      allowPositionals: false
    }).values as typeof values
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }

  const int = (flag: Flag, min = 0, max = 10_000_000): number | undefined => {
    const raw = values[flag]
    if (raw === undefined) return undefined
    if (!/^\d+$/.test(raw)) throw new UsageError(`--${flag} must be a whole number, got "${raw}"`)
    const n = Number(raw)
    if (n < min || n > max) throw new UsageError(`--${flag} must be between ${min} and ${max}`)
    return n
  }
  const num = (flag: Flag, min: number, max: number): number | undefined => {
    const raw = values[flag]
    if (raw === undefined) return undefined
    const n = Number(raw)
    if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
      throw new UsageError(`--${flag} must be a number between ${min} and ${max}, got "${raw}"`)
    }
    return n
  }

  const key = values.key ?? 'mks_demo'
  if (!isValidKeyShape(key)) throw new UsageError(`--key must start with "mks_", got "${key}"`)
  const now = values.now
  if (now !== undefined && Number.isNaN(Date.parse(now))) {
    throw new UsageError(`--now must be an ISO date, got "${now}"`)
  }
  const retryAfter = int('retry-after', 0, 86_400)

  const faults: FaultSettingsInput = {}
  const setFault = <K extends keyof FaultSettingsInput>(
    k: K,
    v: FaultSettingsInput[K] | undefined
  ) => {
    if (v !== undefined) faults[k] = v
  }
  setFault('latencyMs', int('latency-ms', 0, 600_000))
  setFault('jitterMs', int('jitter-ms', 0, 600_000))
  setFault('rate429', num('rate-429', 0, 1))
  setFault('rate5xxJson', num('rate-5xx', 0, 1))
  setFault('rate5xxText', num('rate-5xx-text', 0, 1))
  setFault('rateReset', num('rate-reset', 0, 1))
  setFault('rateTruncated', num('rate-truncated', 0, 1))
  setFault('rateMalformed', num('rate-malformed', 0, 1))
  setFault('applyThenFail', num('apply-then-fail', 0, 1))
  setFault(
    'applyThenFailMode',
    oneOf<ApplyThenFailMode>('apply-then-fail-mode', values['apply-then-fail-mode'], [
      'reset',
      'gateway_timeout'
    ])
  )
  setFault('seed', int('fault-seed', 0, 2 ** 31))
  setFault('retryAfter', retryAfter === undefined ? undefined : String(retryAfter))

  const perMinute = int('per-minute') ?? 100
  const perHour = int('per-hour') ?? 1000
  const timeScale = num('rate-time-scale', 0.001, 1_000_000)
  const windows = [
    ...(perMinute > 0 ? [{ limit: perMinute, windowMs: 60_000 }] : []),
    ...(perHour > 0 ? [{ limit: perHour, windowMs: 3_600_000 }] : [])
  ]
  const rateLimit: RateLimitSettings | false =
    windows.length === 0 ? false : { windows, ...(timeScale === undefined ? {} : { timeScale }) }
  const stageAs = oneOf('stage-as', values['stage-as'], ['label', 'key'] as const)
  const nullFields = oneOf('null-fields', values['null-fields'], ['omit', 'null'] as const)

  return {
    help: values.help === true,
    options: {
      port: int('port', 0, 65535) ?? 4011,
      apiKey: key,
      data: {
        seed: int('seed', 0, 2 ** 31) ?? 42,
        ...(values.accounts === undefined ? {} : { accounts: int('accounts') }),
        ...(values.contacts === undefined ? {} : { contacts: int('contacts') }),
        ...(values.opportunities === undefined ? {} : { opportunities: int('opportunities') }),
        ...(values.users === undefined ? {} : { users: int('users', 1, 10_000) }),
        ...(now === undefined ? {} : { now })
      },
      rateLimit,
      render: { ...(stageAs ? { stageAs } : {}), ...(nullFields ? { nullFields } : {}) },
      faults
    }
  }
}
