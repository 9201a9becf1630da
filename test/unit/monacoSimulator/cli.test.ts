/** `npm run sim -- --provider monaco …`: flag parsing in-process, and the real CLI spawned. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseMonacoCliArgs, UsageError } from '../../../src/main/monacoSimulator/cliArgs'
import { extractProvider } from '../../../src/main/simulator/providerArg'
import { call } from './support'

const ROOT = join(import.meta.dirname, '../../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const CLI = join(ROOT, 'src/main/simulator/cli.ts')

describe('parseMonacoCliArgs', () => {
  it("maps the issue's example onto simulator options", () => {
    const { provider, rest } = extractProvider(
      '--provider monaco --port 4011 --seed 42 --accounts 5000 --key mks_demo'.split(' ')
    )
    expect(provider).toBe('monaco')
    const { options } = parseMonacoCliArgs(rest)
    expect(options).toMatchObject({
      port: 4011,
      apiKey: 'mks_demo',
      data: { seed: 42, accounts: 5000 },
      rateLimit: {
        windows: [
          { limit: 100, windowMs: 60_000 },
          { limit: 1000, windowMs: 3_600_000 }
        ]
      }
    })
  })

  it('scales, changes or lifts the rate windows and sets the fault knobs', () => {
    expect(parseMonacoCliArgs(['--per-minute', '0', '--per-hour', '0']).options.rateLimit).toBe(
      false
    )
    expect(
      parseMonacoCliArgs(['--per-hour', '0', '--rate-time-scale', '60']).options.rateLimit
    ).toEqual({
      windows: [{ limit: 100, windowMs: 60_000 }],
      timeScale: 60
    })
    expect(
      parseMonacoCliArgs(['--rate-429', '0.1', '--retry-after', '30', '--apply-then-fail', '1'])
        .options.faults
    ).toMatchObject({ rate429: 0.1, retryAfter: '30', applyThenFail: 1 })
  })

  it('rejects unknown flags, bad values, a non-mks key and an unknown provider', () => {
    for (const argv of [
      ['--customers', '5'],
      ['--accounts', 'many'],
      ['--key', 'demo'],
      ['--stage-as', 'name'],
      ['--rate-429', '2'],
      ['positional']
    ]) {
      expect(() => parseMonacoCliArgs(argv), argv.join(' ')).toThrow(UsageError)
    }
    expect(() => extractProvider(['--provider', 'hubspot'])).toThrow(UsageError)
    expect(extractProvider(['--port', '1']).provider).toBe('chartmogul')
  })
})

describe('the sim CLI with --provider monaco', () => {
  let child: ChildProcessWithoutNullStreams | undefined
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGTERM')
    child = undefined
  })

  it('prints one "listening on" line, serves Monaco, and exits cleanly on SIGTERM', async () => {
    const proc = spawn(
      TSX,
      [
        CLI,
        '--provider',
        'monaco',
        '--port',
        '0',
        '--seed',
        '3',
        '--accounts',
        '30',
        '--key',
        'mks_cli'
      ],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } }
    )
    child = proc
    let stdout = ''
    const line = await new Promise<string>((resolve, reject) => {
      proc.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        if (stdout.includes('\n')) resolve(stdout)
      })
      proc.on('exit', (code) => reject(new Error(`exited early with ${code}`)))
    })
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1] as string
    expect(url).toBeDefined()
    const res = await call({ url, apiKey: 'mks_cli' }, 'POST', '/v1/accounts/list', {
      body: { page_size: 7 }
    })
    expect(res.status).toBe(200)
    expect((res.body as { pagination: { total_pages: number } }).pagination.total_pages).toBe(5)
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)))
    proc.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stdout.trim().split('\n')).toHaveLength(1)
  }, 30_000)
})
