#!/usr/bin/env node
/**
 * Runs a command with a real, unlocked Secret Service (GNOME Keyring on a private D-Bus session,
 * in a throw-away HOME), so keychain tests exercise the real keytar → libsecret → daemon path
 * without touching the developer's own keyring.
 *
 * Usage: node scripts/with-keyring.mjs <command> [args…]
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('usage: node scripts/with-keyring.mjs <command> [args…]')
  process.exit(2)
}

const missing = ['dbus-run-session', 'gnome-keyring-daemon'].filter(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0
)
if (missing.length > 0) {
  console.error(
    `Keychain tests need ${missing.join(' and ')}. On Debian/Ubuntu: sudo apt-get install -y dbus gnome-keyring libsecret-1-dev`
  )
  process.exit(2)
}

const home = mkdtempSync(join(tmpdir(), 'revdesk-keyring-'))
const inner =
  'echo -n revdesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 && exec "$@"'
const child = spawn('dbus-run-session', ['--', 'sh', '-c', inner, 'sh', command, ...args], {
  stdio: 'inherit',
  env: {
    ...process.env,
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_RUNTIME_DIR: home,
    REVDESK_TEST_KEYRING: '1'
  }
})
const forward = (signal) => child.kill(signal)
process.on('SIGINT', forward)
process.on('SIGTERM', forward)
child.on('close', (code) => {
  rmSync(home, { recursive: true, force: true })
  process.exit(code ?? 1)
})
