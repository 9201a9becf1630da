/**
 * Fetches one page: through the engine's concurrency cap, validated enough to be followed,
 * and retried a bounded number of times when the page was bad or the call failed transiently.
 * Offline and auth failures stop the whole run instead (retrying them only makes noise).
 */
import type { ListPage } from '../../../shared/domain'
import type { PageRequest, PageSource, SyncResource } from '../../../shared/sync/pageSource'
import { sleep } from './clock'
import { BadPageError, classifyFailure, failureKind, type FailureClass } from './failures'
import type { ResolvedSyncOptions } from './options'
import type { SyncRecord } from './partitions'
import type { Semaphore } from './semaphore'
import { LONGEST_SILENT_WAIT_MS, serverWaitOf, type RateLimitWait } from './serverWait'

/** Thrown out of a fetch when the run was stopped (cancelled, offline, auth) meanwhile. */
export class RunStoppedError extends Error {
  constructor() {
    super('The sync run was stopped.')
    this.name = 'RunStoppedError'
  }
}

/** A page could not be fetched (after the engine's retries); carries the last failure's kind. */
export class PageFetchError extends Error {
  readonly kind: string
  constructor(readonly failure: unknown) {
    super(failure instanceof Error ? failure.message : String(failure), { cause: failure })
    this.name = 'PageFetchError'
    this.kind = failureKind(failure)
  }
}

export type PageFetch = (
  request: PageRequest<SyncResource>,
  signal: AbortSignal,
  /** Higher is served first when the engine's fetch slots are all taken (default 0). */
  priority?: number
) => Promise<ListPage<SyncRecord>>

export interface PageFetcherDeps {
  source: PageSource
  semaphore: Semaphore
  options: ResolvedSyncOptions
  /** Stops the run for a failure no retry can fix here. */
  stop(reason: Extract<FailureClass, 'offline' | 'auth'>, error: unknown): void
  onRequest(resource: SyncResource): void
  onRetry(resource: SyncResource, error: unknown): void
  /** A page waits because ChartMogul asked for a long pause; call the result when it is over. */
  onServerWait(wait: RateLimitWait): () => void
}

export function createPageFetcher(deps: PageFetcherDeps): PageFetch {
  const { options } = deps
  return async (request, signal, priority = 0) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const release = await deps.semaphore.acquire(signal, priority)
        // A slot freed by a request that just failed the run (offline, key refused) is granted
        // before the run is stopped: nothing more may be sent once that is known.
        if (signal.aborted) {
          release()
          throw new RunStoppedError()
        }
        let page: ListPage<SyncRecord>
        try {
          deps.onRequest(request.resource)
          page = (await deps.source.fetchPage(request, signal)) as ListPage<SyncRecord>
        } finally {
          release()
        }
        return checkedPage(page, request.cursor)
      } catch (error) {
        if (signal.aborted) throw new RunStoppedError()
        // The network event may know better than the error (e.g. a timeout while unplugged).
        const failure = options.isOnline?.() === false ? 'offline' : classifyFailure(error)
        if (failure === 'offline' || failure === 'auth') {
          deps.stop(failure, error)
          throw new RunStoppedError()
        }
        if (failure === 'rejected' || attempt >= options.pageAttempts) {
          throw new PageFetchError(error)
        }
        deps.onRetry(request.resource, error)
        const backoff = Math.min(options.maxRetryDelayMs, options.retryDelayMs * 2 ** (attempt - 1))
        const server = serverWaitOf(error)
        const delay = Math.max(backoff, server?.waitMs ?? 0)
        const now = options.clock.now()
        const waited =
          server !== null && server.waitMs > LONGEST_SILENT_WAIT_MS
            ? deps.onServerWait({ retryAt: now + delay, requestedUntil: now + server.requestedMs })
            : null
        try {
          await sleep(options.clock, delay, signal)
        } catch {
          throw new RunStoppedError()
        } finally {
          waited?.()
        }
      }
    }
  }
}

/** Guards against pages that would make a listing stop early or loop. */
function checkedPage(
  page: ListPage<SyncRecord>,
  sentCursor: string | undefined
): ListPage<SyncRecord> {
  if (!Array.isArray(page.items) || typeof page.hasMore !== 'boolean') {
    throw new BadPageError('The page has no items list or no has-more flag.')
  }
  if (page.hasMore) {
    if (typeof page.cursor !== 'string' || page.cursor === '') {
      throw new BadPageError('The page says there is more but gives no cursor.')
    }
    if (page.cursor === sentCursor) {
      throw new BadPageError(
        'The page returned the cursor it was asked for; following it would loop.'
      )
    }
  }
  return { ...page, skipped: Array.isArray(page.skipped) ? page.skipped : [] }
}
