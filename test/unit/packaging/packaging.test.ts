/**
 * Packaging, checked offline: electron-builder cannot run here (it downloads Electron), so this
 * test checks its configuration against electron-builder's own schema, the fuses the afterPack hook
 * flips, and what app.asar would hold, packed with electron-builder's own file matching.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { statFile } from '@electron/asar'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { getConfig } from 'app-builder-lib/out/util/config/config.js'
import type { Configuration } from 'electron-builder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AfterPackContext } from '../../../build/afterPack.cjs'
import { FUSES } from '../../../build/fuses.mjs'
import { ICON_SIZES, ICON_SOURCE, ICON_STAMP, sourceStamp } from '../../../scripts/icons.mjs'
import { packAppArchive, productionDependencyDirs, type ArchiveEntry } from './appArchive'

const projectDir = resolve(import.meta.dirname, '../../..')
const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024

/** electron-builder.yml read by electron-builder's own loader. */
async function loadBuilderConfig(): Promise<Configuration> {
  return getConfig(projectDir, null, null)
}

describe('electron-builder configuration', () => {
  it('validates against the JSON schema electron-builder ships', async () => {
    const schema: object = JSON.parse(
      readFileSync(join(projectDir, 'node_modules/app-builder-lib/scheme.json'), 'utf8')
    )
    // strict: false because the schema uses keywords (e.g. "deprecated"-style annotations) ajv's strict mode rejects.
    const ajv = new Ajv({ allErrors: true, strict: false })
    addFormats.default(ajv)
    const validate = ajv.compile(schema)
    const config = await loadBuilderConfig()
    const valid = validate(config)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('names the app, registers revdesk:// links, keeps keytar unpacked and rebuilds it for Electron', async () => {
    const config = await loadBuilderConfig()
    expect(config.appId).toBe('com.revdesk.app')
    expect(config.productName).toBe('Revdesk')
    expect(config.directories).toEqual({ buildResources: 'build', output: 'dist' })
    expect(config.protocols).toEqual([{ name: 'Revdesk', schemes: ['revdesk'] }])
    expect(config.fileAssociations).toBeUndefined()
    expect(config.asarUnpack).toContain('node_modules/keytar/**/*.node')
    expect(config.npmRebuild).toBe(true)
    expect(config.afterPack).toBe('build/afterPack.cjs')
    expect(existsSync(join(projectDir, 'build/afterPack.cjs'))).toBe(true)
    expect(config.mac?.hardenedRuntime).toBe(true)
    expect(existsSync(join(projectDir, String(config.mac?.entitlements)))).toBe(true)
    // deb refuses to build without a maintainer when package.json has no author e-mail.
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/)
    expect(config.linux?.category).toBe('Office')
    expect(config.nsis?.oneClick).toBe(false)
    expect(config.nsis?.allowToChangeInstallationDirectory).toBe(true)
  })

  it('has an icon for every platform, rendered from the current resources/icon.svg', () => {
    for (const size of ICON_SIZES) {
      const png = readFileSync(join(projectDir, `build/icons/${size}x${size}.png`))
      // PNG IHDR: width and height are the big-endian words at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${size}x${size}.png`).toEqual([
        size,
        size
      ])
    }
    for (const file of [
      'build/icon.icns',
      'build/icon.ico',
      'build/icon.png',
      'resources/icon.png'
    ]) {
      expect(statSync(join(projectDir, file)).size, file).toBeGreaterThan(1000)
    }
    // The script stamps the SVG's hash next to what it rendered (pixels may differ by a bit per CPU).
    const stamp = readFileSync(join(projectDir, ICON_STAMP), 'utf8').trim()
    expect(stamp, 'run `npm run icons`').toBe(
      sourceStamp(readFileSync(join(projectDir, ICON_SOURCE)))
    )
  })
})

describe('Electron fuses flipped after packing', () => {
  it('are exactly: no run-as-node, no NODE_OPTIONS, no --inspect, encrypted cookies, asar only, asar integrity', () => {
    expect(FUSES).toStrictEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true
    })
  })

  it('are all fuses @electron/fuses knows, so the hook can flip them', async () => {
    const { FuseV1Options } = await import('@electron/fuses')
    for (const name of Object.keys(FUSES)) expect(Object.keys(FuseV1Options)).toContain(name)
  })
})

describe('the afterPack hook', () => {
  // Electron's fuse wire: a sentinel, wire version 1, the wire length, then one '0'/'1' per fuse in
  // FuseV1Options order. These are Electron's defaults: RunAsNode, CookieEncryption, NODE_OPTIONS,
  // --inspect, AsarIntegrity, OnlyLoadAppFromAsar, V8 snapshot, GrantFileProtocolExtraPrivileges.
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
  const ELECTRON_DEFAULTS = '10110001'
  const { afterPack } = createRequire(import.meta.url)('../../../build/afterPack.cjs') as {
    afterPack(context: AfterPackContext): Promise<void>
  }

  it.each([
    ['linux', 'revdesk'],
    ['win32', 'Revdesk.exe']
  ])(
    'flips the fuses in the %s binary and leaves the others as Electron ships them',
    async (platform, binary) => {
      const appOutDir = mkdtempSync(join(tmpdir(), 'revdesk-fuses-'))
      try {
        const path = join(appOutDir, binary)
        const bytes = Buffer.from(
          `ELF...${SENTINEL}\u0001\u0008${ELECTRON_DEFAULTS}...rest of the binary`,
          'latin1'
        )
        writeFileSync(path, bytes)
        await afterPack({
          appOutDir,
          electronPlatformName: platform,
          packager: { appInfo: { productFilename: 'Revdesk' }, executableName: 'revdesk' }
        })
        const wireStart = readFileSync(path).indexOf(SENTINEL) + SENTINEL.length + 2
        const wire = readFileSync(path)
          .subarray(wireStart, wireStart + 8)
          .toString('latin1')
        expect(wire).toBe('01001101')
      } finally {
        rmSync(appOutDir, { recursive: true, force: true })
      }
    }
  )
})

describe('app.asar packed from out/ with the configured files', () => {
  let workDir = ''
  let archive = ''
  let entries: ArchiveEntry[] = []
  let paths: string[] = []

  beforeAll(async () => {
    if (!existsSync(join(projectDir, 'out/main/index.js'))) {
      execFileSync('npx', ['electron-vite', 'build'], {
        cwd: projectDir,
        stdio: 'inherit',
        shell: process.platform === 'win32' // npx is npx.cmd on Windows
      })
    }
    workDir = mkdtempSync(join(tmpdir(), 'revdesk-asar-'))
    archive = join(workDir, 'app.asar')
    entries = await packAppArchive(projectDir, await loadBuilderConfig(), archive)
    paths = entries.map((entry) => entry.path)
  }, 180_000)

  afterAll(() => {
    if (workDir !== '') rmSync(workDir, { recursive: true, force: true })
  })

  it('holds the built main, preload and renderer and the window icon', () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        'package.json',
        'out/main/index.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'resources/icon.png'
      ])
    )
    expect(
      paths.some((path) => path.startsWith('out/renderer/assets/') && path.endsWith('.js'))
    ).toBe(true)
  })

  it('holds every production dependency and no development-only package', () => {
    const pkg = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
      devDependencies: Record<string, string>
    }
    for (const name of Object.keys(pkg.dependencies)) {
      expect(paths, name).toContain(`node_modules/${name}/package.json`)
    }
    // Tooling and the packages the renderer bundle already contains must never ship.
    const neverShipped = [
      'vitest',
      'playwright-core',
      'electron',
      'electron-builder',
      'typescript',
      'vite'
    ]
    const bundledIntoRenderer = ['ag-grid-community', 'chart.js', 'dexie', '@lucide/svelte']
    const shipped = (name: string): boolean =>
      paths.some((path) => path.startsWith(`node_modules/${name}/`))
    expect([...neverShipped, ...bundledIntoRenderer].filter(shipped)).toEqual([])
    // And, generally, no devDependency that no production dependency needs.
    const production = new Set(
      productionDependencyDirs(projectDir).map((dir) =>
        dir.replace(/^.*node_modules[\\/]/, '').replace(/\\/g, '/')
      )
    )
    expect(
      Object.keys(pkg.devDependencies).filter((name) => !production.has(name) && shipped(name))
    ).toEqual([])
  })

  it('holds every package the built main imports at run time (renderer packages are bundled instead)', () => {
    const main = readFileSync(join(projectDir, 'out/main/index.js'), 'utf8')
    // Bare specifiers of static imports (`from "x"`) and dynamic ones (`import("x")`) in the bundle.
    const specifiers = [
      ...main.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']([\w@][\w@/.-]*)["']/g)
    ].map((match) => match[1] ?? '')
    const packages = new Set(
      specifiers
        .filter((specifier) => !specifier.startsWith('node:') && specifier !== 'electron')
        .map((specifier) =>
          specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/')
        )
    )
    expect([...packages]).toEqual(expect.arrayContaining(['zod', 'keytar']))
    for (const name of packages) expect(paths, name).toContain(`node_modules/${name}/package.json`)
  })

  it('holds no sources, tests, benchmarks, scripts, build resources, maps, TypeScript or docs', () => {
    const forbidden = paths.filter(
      (path) =>
        /^(src|test|bench|scripts|build|\.github|\.ci)\//.test(path) ||
        /\.(map|ts|mts|cts|md)$/.test(path) ||
        /^(electron-builder\.yml|package-lock\.json|tsconfig.*\.json|resources\/icon\.svg)$/.test(
          path
        )
    )
    expect(forbidden).toEqual([])
  })

  it('unpacks exactly the native modules (keytar) and the window icon, as asarUnpack says', () => {
    const unpacked = entries.filter((entry) => entry.unpacked).map((entry) => entry.path)
    expect(unpacked).toContain('node_modules/keytar/build/Release/keytar.node')
    expect(unpacked.every((path) => path.endsWith('.node') || path === 'resources/icon.png')).toBe(
      true
    )
    for (const path of paths.filter((p) => p.endsWith('.node')))
      expect(unpacked, path).toContain(path)
    const header = statFile(archive, 'node_modules/keytar/build/Release/keytar.node')
    expect('unpacked' in header && header.unpacked).toBe(true)
    expect(
      existsSync(join(`${archive}.unpacked`, 'node_modules/keytar/build/Release/keytar.node'))
    ).toBe(true)
  })

  it('stays small', async () => {
    const unpackedDir = `${archive}.unpacked`
    let unpackedBytes = 0
    if (existsSync(unpackedDir)) {
      for (const entry of await readdir(unpackedDir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) unpackedBytes += statSync(join(entry.parentPath, entry.name)).size
      }
    }
    const archiveBytes = statSync(archive).size
    const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`
    console.log(
      `app.asar: ${mb(archiveBytes)} (${entries.length} files), app.asar.unpacked: ${mb(unpackedBytes)}`
    )
    expect(archiveBytes + unpackedBytes).toBeLessThan(MAX_ARCHIVE_BYTES)
  })
})
