import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * A plain clone must pass its tests: nothing tracked may read the reference material kept
 * beside the repository (the repo root's sibling folder named `shared`). Copies of what the
 * tests need live in test/fixtures with a note of source and licence.
 *
 * `src/shared` is the project's own shared code, so relative imports that land there are fine;
 * any other path named `shared` that climbs out of the repository is not. (This file spells
 * the outside paths only in pieces, so that it does not itself read as a reader of them.)
 */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const OWN_SHARED = resolve(REPO_ROOT, 'src/shared')
const THIS_FILE = relative(REPO_ROOT, fileURLToPath(import.meta.url))
  .split(sep)
  .join('/')

/** Code and configuration: where a read could happen. Prose (Markdown) may name the place. */
const SCANNED = /^(src|test|bench|scripts|\.ci)\/|^[^/]+\.(json|[cm]?[jt]s)$/
const PROSE = /\.md$/
const BINARY = /\.(png|ico|icns|woff2?|gz)$/

/** Names of the outside folder in any spelling: absolute, or its sub-folders by name. */
const ABSOLUTE =
  /\/work\/shared\b|shared\/(?:reference|seeds|hooks)\b|['"]\.\.['"]\s*,\s*['"]shared['"]/g
/** A quoted relative path that climbs out and names `shared`. */
const RELATIVE = /['"`]((?:\.\.\/)+shared)(?:\/[^'"`\s]*)?['"`]/g

export interface OutsideRead {
  file: string
  line: number
  text: string
}

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && SCANNED.test(file) && !PROSE.test(file) && !BINARY.test(file))
    .filter((file) => file !== THIS_FILE)
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length
}

function outsideReads(file: string): OutsideRead[] {
  let text: string
  try {
    text = readFileSync(join(REPO_ROOT, file), 'utf8')
  } catch {
    return [] // tracked but deleted in the work tree: nothing there to read from
  }
  const found: OutsideRead[] = []
  const record = (index: number, match: string): void => {
    found.push({ file, line: lineOf(text, index), text: match })
  }
  for (const match of text.matchAll(ABSOLUTE)) record(match.index, match[0])
  for (const match of text.matchAll(RELATIVE)) {
    const climb = match[1] ?? ''
    const landsOn = resolve(REPO_ROOT, dirname(file), climb)
    if (landsOn !== OWN_SHARED) record(match.index, match[0])
  }
  return found
}

describe('the repository stands alone', () => {
  it('scans a meaningful set of tracked files', () => {
    const files = trackedFiles()
    // A broken git call or filter would make the next test pass vacuously.
    expect(files).toContain('test/unit/chartmogul/support/recordings.ts')
    expect(files).toContain('src/main/simulator/wire.ts')
    expect(files).toContain('vitest.config.ts')
    expect(files.length).toBeGreaterThan(100)
  })

  it('recognises a read of the outside folder and leaves imports of src/shared alone', () => {
    const outside = ['', 'work', 'shared'].join('/')
    const sibling = ['..', 'shared'].join('/')
    const samples = [
      `const DIR = '${outside}/reference/recorded'`,
      `resolve(REPO_ROOT, '${sibling}/reference/recorded')`,
      `join(root, '..', 'shared')`,
      `import type { Workspace } from '../../${sibling}/workspace/workspace'`
    ]
    const flagged = samples.map((sample) =>
      [...sample.matchAll(ABSOLUTE), ...sample.matchAll(RELATIVE)].some((match) => {
        if (match[1] === undefined) return true
        // As if written in src/renderer/src/app/, where three climbs reach src/shared.
        return resolve(REPO_ROOT, 'src/renderer/src/app', match[1]) !== OWN_SHARED
      })
    )
    expect(flagged).toEqual([true, true, true, false])
  })

  it('no tracked code, test, script or config reads the folder beside the repository', () => {
    const reads = trackedFiles().flatMap(outsideReads)
    expect(reads, 'copy what is needed into test/fixtures instead').toEqual([])
  })
})
