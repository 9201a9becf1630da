/**
 * electron-builder afterPack hook: flips the Electron fuses in build/fuses.mjs on the packed binary,
 * before electron-builder signs it and wraps it into installers.
 *
 * CommonJS, as electron-builder's docs show hooks; everything it needs is imported dynamically
 * (the fuse list is an ES module the packaging test imports too).
 */

/** Where electron-builder put the Electron binary for this platform (mac: the .app bundle). */
function electronBinaryPath(path, context) {
  const { appOutDir, electronPlatformName, packager } = context
  const productFilename = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${productFilename}.app`)
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${productFilename}.exe`)
  return path.join(appOutDir, packager.executableName)
}

async function afterPack(context) {
  const path = await import('node:path')
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses')
  const { FUSES } = await import('./fuses.mjs')
  const wire = { version: FuseVersion.V1 }
  for (const [name, enabled] of Object.entries(FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`Unknown Electron fuse "${name}"`)
    wire[FuseV1Options[name]] = enabled
  }
  // Flipping a fuse edits the binary, which breaks macOS' ad-hoc signature (arm64 refuses to run
  // unsigned code); re-sign ad hoc here, electron-builder's real signing comes later when configured.
  wire.resetAdHocDarwinSignature = context.electronPlatformName === 'darwin'
  await flipFuses(electronBinaryPath(path, context), wire)
}

exports.afterPack = afterPack
exports.default = afterPack
