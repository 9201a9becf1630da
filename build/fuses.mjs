/**
 * The Electron fuses every packaged Revdesk flips (build/afterPack.cjs applies them; the packaging
 * test asserts them). Fuses are bits baked into the Electron binary, so a user or a malicious
 * launcher cannot turn these features back on with flags or environment variables.
 *
 * Keyed by @electron/fuses' FuseV1Options names; fuses not listed keep Electron's default.
 */
export const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node interpreter.
  RunAsNode: false,
  // NODE_OPTIONS could preload arbitrary code into main, where the API keys are.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk would let anything that can start the app debug main.
  EnableNodeCliInspectArguments: false,
  // Cookies at rest encrypted with the OS keychain, like the API keys.
  EnableCookieEncryption: true,
  // Only app.asar is loaded, never a loose app/ folder someone dropped next to it.
  OnlyLoadAppFromAsar: true,
  // app.asar must match the hash electron-builder embeds (macOS and Windows).
  EnableEmbeddedAsarIntegrityValidation: true
})
