/**
 * App-wide preferences (not per workspace), in one JSON file in the data folder next to
 * workspaces.json and written the same way: a temp file and a rename, so a crash never leaves
 * half a file. Every field has a default, so a missing file or a file from an older version
 * reads without a migration; a field that fails validation falls back to its default alone.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { Preferences } from '../../../shared/bridge/contract'

export const DEFAULT_PREFERENCES: Preferences = { notifications: false }

const fileSchema = z.object({
  version: z.literal(1).catch(1),
  // Opt-in: anything but an explicit true (missing, garbled) means off.
  notifications: z.boolean().catch(DEFAULT_PREFERENCES.notifications)
})

export interface PreferencesStore {
  read(): Promise<Preferences>
  update(patch: Partial<Preferences>): Promise<Preferences>
}

export function createPreferencesStore(filePath: string): PreferencesStore {
  let queue: Promise<unknown> = Promise.resolve()
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  async function load(): Promise<Preferences> {
    let raw: unknown
    try {
      raw = JSON.parse(await readFile(filePath, 'utf8'))
    } catch {
      // Missing or not JSON: the defaults (the next save writes a good file).
      return { ...DEFAULT_PREFERENCES }
    }
    const parsed = fileSchema.safeParse(raw)
    return parsed.success
      ? { notifications: parsed.data.notifications }
      : { ...DEFAULT_PREFERENCES }
  }

  async function save(preferences: Preferences): Promise<void> {
    await mkdir(dirname(filePath), { recursive: true })
    const temp = `${filePath}.tmp`
    await writeFile(temp, JSON.stringify({ version: 1, ...preferences }, null, 2))
    await rename(temp, filePath)
  }

  return {
    read: () => serialised(load),
    update: (patch) =>
      serialised(async () => {
        const next = { ...(await load()), ...patch }
        await save(next)
        return next
      })
  }
}
