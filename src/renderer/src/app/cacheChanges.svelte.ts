/**
 * Runs `refresh` with the open workspace's cache whenever that cache changes (a workspace is
 * opened, a sync run ends), at most once per `everyMs`: while a sync writes pages, whatever
 * re-reads the cache does so a few times a second, not per page. Call during component
 * initialisation (it uses effects, which end with the component).
 */
import type { WorkspaceCache } from '../cache'
import { session } from './workspaceSession.svelte'

export function onCacheChange(
  refresh: (cache: WorkspaceCache | null) => void,
  everyMs: number,
  /** Reads more reactive state that should trigger a refresh (e.g. `session.dealsRevision`). */
  alsoOn?: () => unknown
): void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastRun = 0
  const run = (): void => {
    timer = null
    lastRun = Date.now()
    refresh(session.cache)
  }
  $effect(() => {
    void session.revision
    void session.workspace
    void alsoOn?.()
    if (timer !== null) return
    timer = setTimeout(run, Math.max(0, lastRun + everyMs - Date.now()))
  })
  $effect(() => () => {
    if (timer !== null) clearTimeout(timer)
  })
}
