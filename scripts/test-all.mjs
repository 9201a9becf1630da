#!/usr/bin/env node
/**
 * `npm test`: everything CI checks, in order, without stopping at the first failure, ending
 * with one line `N passed, N failed` that sums every suite. Each static check (types, lint,
 * formatting, build) counts as one test; every vitest test (unit, keychain, e2e) counts as one.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const results = []

function step(name, command, args) {
  const started = Date.now()
  console.log(`\n▶ ${name}`)
  const run = spawnSync(command, args, { stdio: 'inherit' })
  const ok = run.status === 0
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`${ok ? '✔' : '✘'} ${name} (${seconds}s)`)
  return ok
}

for (const [name, script] of [
  ['typecheck', 'typecheck'],
  ['lint', 'lint'],
  ['format', 'format:check'],
  ['build', 'build']
]) {
  results.push({ name, passed: step(name, npm, ['run', '--silent', script]) ? 1 : 0, failed: 0 })
  const last = results[results.length - 1]
  if (!last.passed) last.failed = 1
}

mkdirSync('test-results', { recursive: true })
const report = 'test-results/vitest.json'
rmSync(report, { force: true })
const vitestOk = step('vitest (unit, keychain, e2e)', process.execPath, [
  'scripts/with-keyring.mjs',
  'npx',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`
])

let vitestPassed = 0
let vitestFailed = 0
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'))
  vitestPassed = json.numPassedTests
  vitestFailed = json.numFailedTests + (json.numTotalTestSuites > 0 ? 0 : 1)
  // A suite that crashed before running its tests is a failure too.
  vitestFailed += json.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.length === 0
  ).length
} else {
  vitestFailed = 1
}
if (!vitestOk && vitestFailed === 0) vitestFailed = 1

const passed = results.reduce((n, r) => n + r.passed, 0) + vitestPassed
const failed = results.reduce((n, r) => n + r.failed, 0) + vitestFailed
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
