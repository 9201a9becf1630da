/**
 * The list of workspaces, kept in one JSON file in the app's data folder (no secrets in it: keys
 * live in the vault). Writes go through a temp file and a rename so a crash never corrupts it.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import { PROVIDER_IDS } from '../../../shared/providers/providerId'
import {
  DEFAULT_REQUESTS_PER_SECOND,
  DEFAULT_SYNC_INTERVAL_MINUTES,
  type Workspace
} from '../../../shared/workspace/workspace'

/** More than any real workspace needs; the oldest confirmation goes first beyond it. */
const MAX_CONFIRMED_HOSTS = 20

const workspaceSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['chartmogul', 'demo']),
  // Files from before Monaco have none: those are ChartMogul. Every save writes it out. An
  // unknown provider makes the file unreadable (kept aside) rather than read as ChartMogul, so
  // a key is never sent with the wrong provider's rules.
  provider: z.enum(PROVIDER_IDS).default('chartmogul'),
  baseUrl: z.url(),
  requestsPerSecond: z.number().positive().max(40).default(DEFAULT_REQUESTS_PER_SECOND),
  syncIntervalMinutes: z.number().int().positive().default(DEFAULT_SYNC_INTERVAL_MINUTES),
  createdAt: z.string(),
  // Added later: older files have none, which means none confirmed.
  // Trimmed rather than refused: a long list must never make the whole file unreadable.
  confirmedHosts: z
    .array(z.string().min(1).max(300))
    .default([])
    .transform((hosts) => hosts.slice(-MAX_CONFIRMED_HOSTS)),
  /** Who the key acts as (Monaco's `GET /v1/me`), as verified when the key was checked. */
  identity: z
    .object({ orgName: z.string().max(500).nullable(), userEmail: z.string().max(500).nullable() })
    .optional()
})

const fileSchema = z.object({ version: z.literal(1), workspaces: z.array(workspaceSchema) })

export interface WorkspaceStore {
  list(): Promise<Workspace[]>
  get(id: string): Promise<Workspace | null>
  put(workspace: Workspace): Promise<Workspace>
  /** Records that the user allowed this workspace's key to go to `host`; null if no workspace. */
  confirmHost(id: string, host: string): Promise<Workspace | null>
  remove(id: string): Promise<boolean>
}

export function createWorkspaceStore(filePath: string): WorkspaceStore {
  let queue: Promise<unknown> = Promise.resolve()
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  async function load(): Promise<Workspace[]> {
    let text: string
    try {
      text = await readFile(filePath, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const parsed = fileSchema.safeParse(JSON.parse(text))
    if (!parsed.success) {
      // Keep the unreadable file for support rather than silently overwriting it later.
      await rename(filePath, `${filePath}.unreadable-${Date.now()}`)
      return []
    }
    return parsed.data.workspaces
  }

  async function save(workspaces: Workspace[]): Promise<void> {
    await mkdir(dirname(filePath), { recursive: true })
    const temp = `${filePath}.tmp`
    await writeFile(temp, JSON.stringify({ version: 1, workspaces }, null, 2))
    await rename(temp, filePath)
  }

  return {
    list: () => serialised(load),
    get: (id) => serialised(async () => (await load()).find((w) => w.id === id) ?? null),
    put: (workspace) =>
      serialised(async () => {
        const all = await load()
        const index = all.findIndex((w) => w.id === workspace.id)
        if (index === -1) all.push(workspace)
        else all[index] = workspace
        await save(all)
        return workspace
      }),
    // Read-modify-write inside the queue, so a rename saved meanwhile is not undone.
    confirmHost: (id, host) =>
      serialised(async () => {
        const all = await load()
        const index = all.findIndex((w) => w.id === id)
        const current = all[index]
        if (!current) return null
        const confirmedHosts = current.confirmedHosts ?? []
        const updated = confirmedHosts.includes(host)
          ? current
          : { ...current, confirmedHosts: [...confirmedHosts, host].slice(-MAX_CONFIRMED_HOSTS) }
        all[index] = updated
        await save(all)
        return updated
      }),
    remove: (id) =>
      serialised(async () => {
        const all = await load()
        const kept = all.filter((w) => w.id !== id)
        if (kept.length === all.length) return false
        await save(kept)
        return true
      })
  }
}
