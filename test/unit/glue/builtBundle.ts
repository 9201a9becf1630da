/**
 * The glue test runs the BUILT bundles. Builds them (`npx electron-vite build`, ~20 s) when out/
 * is missing or older than any source file of main, preload or shared, so a stale bundle never
 * passes for the current code.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(import.meta.dirname, '../../..')
export const builtMain = join(repoRoot, 'out/main/index.js')
export const builtPreloadDir = join(repoRoot, 'out/preload')
export const builtRendererDir = join(repoRoot, 'out/renderer')

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

export function ensureBuilt(): void {
  const sources = ['src/main', 'src/preload', 'src/shared', 'src/renderer/index.html']
  const newestSource = Math.max(
    ...sources
      .map((s) => join(repoRoot, s))
      .map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs))
  )
  const upToDate = existsSync(builtMain) && statSync(builtMain).mtimeMs >= newestSource
  if (upToDate && existsSync(builtPreloadDir) && existsSync(join(builtRendererDir, 'index.html')))
    return
  execFileSync('npx', ['electron-vite', 'build'], {
    cwd: repoRoot,
    stdio: 'ignore',
    timeout: 180_000
  })
}
