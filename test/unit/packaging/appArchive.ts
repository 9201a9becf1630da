/**
 * What electron-builder would put into app.asar, computed offline with electron-builder's OWN file
 * matching (app-builder-lib's FileMatcher, AppFileWalker, NodeModuleCopyHelper and its default
 * exclusions), then packed with @electron/asar the way electron-builder packs
 * (createPackageFromStreams, one `unpacked` flag per file from the asarUnpack matcher).
 *
 * The only stand-in is the dependency list: `npm ls --omit=dev --parseable --all`, the same npm
 * query electron-builder's npm collector runs, instead of its collector (which needs a whole
 * Packager). Running electron-builder itself is not possible here: it downloads Electron first.
 */
import { execFileSync } from 'node:child_process'
import { createReadStream, statSync, type Stats } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join, relative, sep } from 'node:path'
import { createPackageFromStreams, type AsarStreamType } from '@electron/asar'
import type { Configuration } from 'electron-builder'

type Filter = (file: string, stat: Stats) => boolean

interface FileMatcher {
  readonly from: string
  readonly patterns: string[]
  createFilter(): Filter
}

/** The slice of electron-builder's Packager its file matching reads. */
interface PackagerInfo {
  readonly config: Configuration
  readonly projectDir: string
  readonly buildResourcesDir: string
  readonly isPrepackedAppAsar: false
  readonly areNodeModulesHandledExternally: false
  readonly debugLogger: { readonly isEnabled: false }
  readonly appInfo: { readonly type: undefined }
  getWorkspaceRoot(): Promise<string>
}

// These are app-builder-lib internals (marked @internal, so absent from its .d.ts): typed here by
// the shapes this file uses. Loaded through app-builder-lib's own resolution so its dependencies match.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib'))
const fileMatcherModule = builderRequire('./fileMatcher.js') as {
  readonly excludedExts: string
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformOptions: object,
    platformPackager: { readonly info: PackagerInfo },
    outDir: string,
    isElectronCompile: boolean
  ): FileMatcher[]
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformOptions: object,
    packager: PackagerInfo
  ): FileMatcher
  getFileMatchers(
    config: Configuration,
    name: 'asarUnpack',
    destination: string,
    options: {
      macroExpander: (pattern: string) => string
      customBuildOptions: object
      globalOutDir: string
      defaultSrc: string
    }
  ): FileMatcher[] | null
}
const { AppFileWalker } = builderRequire('./util/AppFileWalker.js') as {
  AppFileWalker: new (
    matcher: FileMatcher,
    packager: PackagerInfo
  ) => { readonly filter: Filter; readonly metadata: Map<string, Stats> }
}
const { NodeModuleCopyHelper } = builderRequire('./util/NodeModuleCopyHelper.js') as {
  NodeModuleCopyHelper: new (
    matcher: FileMatcher,
    packager: PackagerInfo
  ) => {
    readonly metadata: Map<string, Stats>
    collectNodeModules(
      module: { name: string; dir: string },
      excludedExts: string[],
      destination: string
    ): Promise<string[]>
  }
}
const { FileMatcher: FileMatcherClass } = builderRequire('./fileMatcher.js') as {
  FileMatcher: new (
    from: string,
    to: string,
    macroExpander: (pattern: string) => string,
    patterns: string[]
  ) => FileMatcher
}
const { walk } = createRequire(builderRequire.resolve('builder-util'))('builder-util') as {
  walk(dir: string, filter: Filter, consumer: object): Promise<string[]>
}

export interface ArchiveEntry {
  /** Path inside app.asar, with forward slashes. */
  readonly path: string
  readonly unpacked: boolean
  readonly size: number
}

/** No macros (${arch}…) appear in Revdesk's file patterns. */
const noMacros = (pattern: string): string => pattern

/** Like electron-builder's getNodeModuleExcludedExts for a non-Windows target (this machine). */
function nodeModuleExcludedExts(): string[] {
  return [
    '.o',
    '.obj',
    ...fileMatcherModule.excludedExts.split(',').map((ext) => `.${ext}`),
    '.pdb',
    '.dll',
    '.exe'
  ]
}

/** Every production dependency's folder (hoisted and nested), as npm resolves them. */
export function productionDependencyDirs(projectDir: string): string[] {
  let output: string
  try {
    output = execFileSync('npm', ['ls', '--omit=dev', '--parseable', '--all'], {
      cwd: projectDir,
      encoding: 'utf8',
      // npm is npm.cmd on Windows, which only a shell can start.
      shell: process.platform === 'win32',
      maxBuffer: 64 * 1024 * 1024
    })
  } catch (error) {
    // npm ls exits 1 on peer-dependency warnings but still prints the tree.
    output = String((error as { stdout?: unknown }).stdout ?? '')
  }
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((dir) => dir.length > 0 && dir !== projectDir)
}

function toArchivePath(path: string): string {
  return path.split(sep).join('/')
}

/** The files electron-builder would pack, with each one's archive path and unpack flag. */
export async function selectAppFiles(
  projectDir: string,
  config: Configuration
): Promise<Array<{ source: string; path: string; stat: Stats; unpacked: boolean }>> {
  const destination = join(projectDir, '.packaging-test-app')
  const outDir = join(projectDir, config.directories?.output ?? 'dist')
  const info: PackagerInfo = {
    config,
    projectDir,
    buildResourcesDir: config.directories?.buildResources ?? 'build',
    isPrepackedAppAsar: false,
    areNodeModulesHandledExternally: false,
    debugLogger: { isEnabled: false },
    appInfo: { type: undefined },
    getWorkspaceRoot: () => Promise.resolve(projectDir)
  }
  const unpackMatcher = fileMatcherModule.getFileMatchers(config, 'asarUnpack', destination, {
    macroExpander: noMacros,
    customBuildOptions: {},
    globalOutDir: outDir,
    defaultSrc: projectDir
  })?.[0]
  const unpack = unpackMatcher?.createFilter()
  const selected: Array<{ source: string; path: string; stat: Stats; unpacked: boolean }> = []

  // The app's own files (package.json, out/**, …); node_modules are excluded here and added below.
  for (const matcher of fileMatcherModule.getMainFileMatchers(
    projectDir,
    destination,
    noMacros,
    {},
    { info },
    outDir,
    false
  )) {
    const walker = new AppFileWalker(matcher, info)
    for (const file of await walk(matcher.from, walker.filter, walker)) {
      const stat = walker.metadata.get(file)
      if (stat === undefined || stat.isDirectory()) continue
      selected.push({
        source: file,
        path: toArchivePath(relative(matcher.from, file)),
        stat,
        unpacked: unpack?.(file, stat) ?? false
      })
    }
  }

  // Production dependencies, through the node_modules matcher (only the config's exclusions).
  const moduleMatcher = fileMatcherModule.getNodeModuleFileMatcher(
    projectDir,
    destination,
    noMacros,
    {},
    info
  )
  for (const dir of productionDependencyDirs(projectDir)) {
    const archiveDir = relative(projectDir, dir)
    const matcher = new FileMatcherClass(
      dir,
      join(destination, archiveDir),
      noMacros,
      moduleMatcher.patterns
    )
    const copier = new NodeModuleCopyHelper(matcher, info)
    const name = toArchivePath(archiveDir).replace(/^.*node_modules\//, '')
    for (const file of await copier.collectNodeModules(
      { name: name.length > 0 ? name : basename(dir), dir },
      nodeModuleExcludedExts(),
      archiveDir
    )) {
      const stat = copier.metadata.get(file) ?? statSync(file)
      if (stat.isDirectory()) continue
      selected.push({
        source: file,
        path: toArchivePath(join(archiveDir, relative(dir, file))),
        stat,
        unpacked: unpack?.(file, stat) ?? false
      })
    }
  }
  return selected
}

/** Packs the selected files into `archive` and returns what went in. */
export async function packAppArchive(
  projectDir: string,
  config: Configuration,
  archive: string
): Promise<ArchiveEntry[]> {
  const files = await selectAppFiles(projectDir, config)
  const streams: AsarStreamType[] = files.map((file) => ({
    type: 'file',
    path: file.path,
    unpacked: file.unpacked,
    stat: file.stat,
    streamGenerator: () => createReadStream(file.source)
  }))
  await createPackageFromStreams(archive, streams)
  return files.map((file) => ({ path: file.path, unpacked: file.unpacked, size: file.stat.size }))
}
