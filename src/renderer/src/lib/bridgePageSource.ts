/**
 * The sync engine's `PageSource` in the app: pages come from the main process over the bridge
 * (main holds the key and the workspace's rate limiter). Aborting the engine's signal cancels
 * the HTTP request in main, not just the wait here.
 */
import type { ListPage } from '../../../shared/domain'
import type {
  PageRequest,
  PageSource,
  ResourceRecord,
  SyncResource
} from '../../../shared/sync/pageSource'
import { call } from './bridge'

let sequence = 0

function abortError(): DOMException {
  return new DOMException('The sync was cancelled.', 'AbortError')
}

export function createBridgePageSource(workspaceId: string): PageSource {
  return {
    async fetchPage<R extends SyncResource>(request: PageRequest<R>, signal?: AbortSignal) {
      if (signal?.aborted) throw abortError()
      const requestId = `page-${Date.now().toString(36)}-${(sequence++).toString(36)}`
      const cancel = (): void => void window.revdesk.cancelRequest({ requestId })
      signal?.addEventListener('abort', cancel, { once: true })
      try {
        const page = await call('fetchPage', {
          workspaceId,
          requestId,
          ...(request as PageRequest)
        } as Parameters<typeof window.revdesk.fetchPage>[0])
        if (signal?.aborted) throw abortError()
        return page as ListPage<ResourceRecord[R]>
      } finally {
        signal?.removeEventListener('abort', cancel)
      }
    }
  }
}
