/**
 * Where this build looks for updates, decided once at start. Pure apart from `readBundledFeed`
 * (one file read), so every rule is tested in Node.
 *
 * 1. Unpackaged (`npm start`, `npm run dev`): never — a development build has nothing to update.
 * 2. `REVDESK_UPDATE_FEED` set: `off` turns updates off; an https address is a generic feed (a
 *    folder with electron-builder's latest*.yml and the installers), e.g. a staging mirror.
 *    Anything else turns updates off (fail closed: a mistyped feed must not fall back silently).
 * 3. Otherwise the feed electron-builder wrote into the app's resources as `app-update.yml`
 *    when the build had a `publish` configuration (GitHub releases or a generic URL);
 *    electron-updater reads that file itself.
 * 4. None of these: updates are off and the app says so.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

export const UPDATE_FEED_ENV = 'REVDESK_UPDATE_FEED'
export const BUNDLED_FEED_FILE = 'app-update.yml'

export const NOT_CONFIGURED = 'Updates are not configured for this build.'
export const NOT_PACKAGED = 'Updates are checked only by the installed app.'
export const TURNED_OFF = `Updates are turned off (${UPDATE_FEED_ENV}=off).`
export const BAD_OVERRIDE = `${UPDATE_FEED_ENV} is not an https address, so updates are off.`

export type UpdateFeed =
  | { kind: 'off'; reason: string }
  /** electron-builder's app-update.yml: electron-updater reads it; `provider` is for the log. */
  | { kind: 'bundled'; provider: string }
  | { kind: 'generic'; url: string }

export interface FeedSources {
  isPackaged: boolean
  env: Readonly<Record<string, string | undefined>>
  /** The text of the bundled app-update.yml, or null when the build has none. */
  bundledFeed: string | null
}

/** http is accepted only for this machine (a local test server); everything else needs https. */
function isFeedAddress(text: string): boolean {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return false
  }
  if (url.username || url.password) return false
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
}

/**
 * The `provider:` of an app-update.yml. electron-builder writes a flat file of `key: value`
 * lines; electron-updater parses it properly, here only its presence and provider matter.
 */
export function bundledProvider(text: string): string | null {
  const match = /^provider:\s*["']?([a-z0-9-]+)["']?\s*$/im.exec(text)
  return match?.[1] ?? null
}

export function resolveUpdateFeed(sources: FeedSources): UpdateFeed {
  if (!sources.isPackaged) return { kind: 'off', reason: NOT_PACKAGED }
  const override = sources.env[UPDATE_FEED_ENV]?.trim()
  if (override) {
    if (override.toLowerCase() === 'off') return { kind: 'off', reason: TURNED_OFF }
    return isFeedAddress(override)
      ? { kind: 'generic', url: override }
      : { kind: 'off', reason: BAD_OVERRIDE }
  }
  const provider = sources.bundledFeed === null ? null : bundledProvider(sources.bundledFeed)
  return provider ? { kind: 'bundled', provider } : { kind: 'off', reason: NOT_CONFIGURED }
}

/** app-update.yml from the app's resources folder (Electron's process.resourcesPath), if any. */
export async function readBundledFeed(resourcesPath: string | undefined): Promise<string | null> {
  if (!resourcesPath) return null
  try {
    return await readFile(join(resourcesPath, BUNDLED_FEED_FILE), 'utf8')
  } catch {
    return null
  }
}
