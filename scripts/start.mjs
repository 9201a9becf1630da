#!/usr/bin/env node
/**
 * `npm start` (build + run) and `npm run dev` (hot reload). Fetches Electron's runtime first
 * when it is missing, and explains what to do when that is impossible.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import {
  downloadFailureMessage,
  electronVersion,
  isElectronInstalled,
  runElectronInstaller
} from './electronBinary.mjs'

const require = createRequire(import.meta.url)
const dev = process.argv.includes('--dev')

if (!isElectronInstalled()) {
  console.log(
    `Electron's runtime (v${electronVersion()}) is not installed yet; downloading it once…`
  )
  const result = await runElectronInstaller()
  if (!result.ok) {
    console.error(downloadFailureMessage(electronVersion(), result.stderr))
    process.exit(1)
  }
}

const cli = require.resolve('electron-vite/bin/electron-vite.js')
// `preview` builds, then runs the built app; `dev` serves the renderer with hot reload.
const child = spawn(process.execPath, [cli, dev ? 'dev' : 'preview'], { stdio: 'inherit' })
child.on('close', (code) => process.exit(code ?? 1))
