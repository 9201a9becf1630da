/**
 * electron-builder afterPack hook: flips the Electron fuses in build/fuses.mjs on the packed binary,
 * before electron-builder signs it and wraps it into installers.
 *
 * CommonJS because electron-builder loads hooks with require-or-import; the modules it needs are
 * ESM-or-CJS, so they are imported dynamically.
 */
const path = require('node:path')

/** Where electron-builder put the Electron binary for this platform (mac: the .app bundle). */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const productFilename = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${productFilename}.app`)
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${productFilename}.exe`)
  return path.join(appOutDir, packager.executableName)
}

async function afterPack(context) {
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
  await flipFuses(electronBinaryPath(context), wire)
}

exports.afterPack = afterPack
exports.default = afterPack
