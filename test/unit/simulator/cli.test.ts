/** `npm run sim`: flag parsing in-process, plus the real CLI spawned through tsx and killed. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseCliArgs, UsageError } from '../../../src/main/simulator/cliArgs'
import { get } from './support'

const ROOT = join(import.meta.dirname, '../../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const CLI = join(ROOT, 'src/main/simulator/cli.ts')

function spawnCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(TSX, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } })
}

function exitOf(
  child: ChildProcessWithoutNullStreams
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
}

describe('parseCliArgs', () => {
  it('maps flags onto simulator options', () => {
    const { options } = parseCliArgs([
      '--port',
      '4010',
      '--seed',
      '42',
      '--customers',
      '5000',
      '--key',
      'demo',
      '--latency-ms',
      '50',
      '--rate-429',
      '0.1',
      '--apply-then-fail',
      '0.5',
      '--rps',
      '0',
      '--max-concurrent',
      '5'
    ])
    expect(options).toMatchObject({
      port: 4010,
      apiKey: 'demo',
      data: { seed: 42, customers: 5000 },
      rateLimit: false,
      maxConcurrent: 5,
      faults: { latencyMs: 50, rate429: 0.1, applyThenFail: 0.5 }
    })
  })

  it('rejects unknown flags and bad values with a usage error', () => {
    for (const argv of [
      ['--bogus'],
      ['--port', 'x'],
      ['--port', '70000'],
      ['--rate-429', '2'],
      ['--now', 'someday'],
      ['positional']
    ]) {
      expect(() => parseCliArgs(argv), argv.join(' ')).toThrow(UsageError)
    }
  })
})

describe('the sim CLI', () => {
  let child: ChildProcessWithoutNullStreams | undefined
  afterEach(() => {
    // SIGTERM, not SIGKILL: tsx relays it to the node process it started.
    if (child && child.exitCode === null) child.kill('SIGTERM')
    child = undefined
  })

  it('prints one "listening on" line, serves, and exits cleanly on SIGTERM', async () => {
    const proc = spawnCli(['--port', '0', '--seed', '3', '--customers', '40', '--key', 'cli-key'])
    child = proc
    let stdout = ''
    const line = await new Promise<string>((resolve, reject) => {
      proc.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        if (stdout.includes('\n')) resolve(stdout)
      })
      proc.on('exit', (code) => reject(new Error(`exited early with ${code}`)))
    })
    const match = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(line)
    expect(match).not.toBeNull()
    const url = match?.[1] as string
    const res = await get({ url, apiKey: 'cli-key' }, '/v1/customers?per_page=5')
    expect(res.status).toBe(200)
    expect(res.json<{ total_pages: number }>().total_pages).toBe(8)
    expect((await get({ url, apiKey: 'wrong' }, '/v1/ping')).status).toBe(401)

    const exited = exitOf(proc)
    proc.kill('SIGTERM')
    const { code } = await exited
    expect(code).toBe(0)
    expect(stdout.trim().split('\n')).toHaveLength(1)
  }, 30_000)

  it('exits with code 2 and a message on a bad flag', async () => {
    const proc = spawnCli(['--customers', 'many'])
    child = proc
    let stderr = ''
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const { code } = await exitOf(proc)
    expect(code).toBe(2)
    expect(stderr).toContain('--customers must be a whole number')
  }, 30_000)
})
