/**
 * `npm start` on a machine where Electron's runtime was never downloaded (as after the offline
 * `npm ci`): it runs Electron's own installer, and when that cannot download it explains what
 * to do and exits non-zero. The download is pointed at a closed loopback port, so nothing leaves
 * this machine.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isElectronInstalled } from '../../../scripts/electronBinary.mjs'

const repo = resolve(import.meta.dirname, '../../..')

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

describe('npm start without Electron runtime', () => {
  it.skipIf(isElectronInstalled())(
    'tries the installer, then explains in one paragraph and exits non-zero',
    async () => {
      const port = await closedPort()
      const child = spawn(process.execPath, [join(repo, 'scripts/start.mjs')], {
        cwd: repo,
        env: {
          ...process.env,
          ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
          electron_config_cache: mkdtempSync(join(tmpdir(), 'rd-electron-cache-'))
        }
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (c) => (stdout += c))
      child.stderr.on('data', (c) => (stderr += c))
      const code = await new Promise<number | null>((r) => child.on('close', r))
      expect(code).toBe(1)
      expect(stdout).toContain("Electron's runtime")
      expect(stdout).toContain('downloading it once')
      expect(stderr).toContain('Revdesk could not start')
      expect(stderr).toContain('Connect this computer to the internet and run "npm start" again')
      expect(stderr).toMatch(/ECONNREFUSED/)
    },
    60_000
  )
})
