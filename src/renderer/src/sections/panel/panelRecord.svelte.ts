/**
 * What a side panel shows about one record (a customer, an account), read from the open
 * workspace's cache and re-read whenever the record changes or a sync or a local edit touched the
 * cache. Create it during component initialisation (it uses an effect).
 */
import type { WorkspaceCache } from '../../cache'
import { session } from '../../app/workspaceSession.svelte'
import { describeError } from '../../lib/bridge'

export class PanelRecord<T> {
  #data = $state.raw<T | null>(null)
  #loadedId = $state<string | null>(null)
  #id: () => string
  /** A sentence for the user when the record could not be read, else null. */
  problem = $state<string | null>(null)

  constructor(id: () => string, load: (cache: WorkspaceCache, id: string) => Promise<T>) {
    this.#id = id
    $effect(() => {
      const current = id()
      const cache = session.cache
      void session.revision
      void session.dealsRevision
      if (!cache) {
        this.#data = null
        this.#loadedId = current
        this.problem = 'No workspace is open.'
        return
      }
      let stale = false
      load(cache, current).then(
        (result) => {
          if (stale) return
          this.#data = result
          this.#loadedId = current
          this.problem = null
        },
        (error: unknown) => {
          if (stale) return
          this.#loadedId = current
          this.problem = describeError(error)
        }
      )
      return () => {
        stale = true
      }
    })
  }

  /** What was read for the record asked for now; null while it loads. */
  get current(): T | null {
    return this.#loadedId === this.#id() ? this.#data : null
  }
}
