/**
 * Knows whether Electron's runtime is on disk, and fetches it with Electron's own installer.
 * `npm ci` deliberately skips that download (package.json `allowScripts`), so installs work
 * offline; the runtime is only needed to actually open the app.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

export function electronPackageDir() {
  return dirname(require.resolve('electron/package.json'))
}

export function electronVersion() {
  return require('electron/package.json').version
}

/** Same test as electron/install.js: path.txt names an executable inside dist/. */
export function isElectronInstalled(dir = electronPackageDir()) {
  const pathTxt = join(dir, 'path.txt')
  if (!existsSync(pathTxt)) return false
  const executable = readFileSync(pathTxt, 'utf8').trim()
  return executable.length > 0 && existsSync(join(dir, 'dist', executable))
}

/** Runs electron/install.js; resolves to its exit code (non-zero when it could not download). */
export function runElectronInstaller({ timeoutMs = 15 * 60_000 } = {}) {
  const dir = electronPackageDir()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, 'install.js')], {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'pipe'],
      env: process.env
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      const installed = isElectronInstalled(dir)
      resolve({ ok: code === 0 && installed, code, stderr })
    })
  })
}

export function downloadFailureMessage(version, stderr) {
  const reason = stderr
    .trim()
    .split('\n')
    .find((line) => /error|ENOTFOUND|EAI_AGAIN|ECONN|timed? ?out|status/i.test(line))
  return [
    '',
    `Revdesk could not start: Electron's runtime (electron v${version}) is not installed yet, and downloading it failed${reason ? ` (${reason.trim()})` : ''}.`,
    'It is a one-time download of about 100 MB from GitHub. Connect this computer to the internet and run "npm start" again.',
    'Behind a proxy, set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1; with a mirror, set ELECTRON_MIRROR to its URL;',
    `or copy electron-v${version}-${process.platform}-${process.arch}.zip from another machine into Electron's cache folder`,
    '(or the folder named by electron_config_cache) and run "npm start" again. Your data and settings are untouched.',
    ''
  ].join('\n')
}
