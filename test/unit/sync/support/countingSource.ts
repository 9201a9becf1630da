/** Wraps a PageSource to count what the engine asked for, and to step in at a chosen request. */
import type { ListPage } from '../../../../src/shared/domain'
import type {
  PageRequest,
  PageSource,
  ResourceRecord,
  SyncResource
} from '../../../../src/shared/sync/pageSource'

export interface RecordedRequest {
  resource: SyncResource
  query: Record<string, unknown>
  cursor: string | undefined
  perPage: number | undefined
}

export interface CountingSource extends PageSource {
  readonly requests: RecordedRequest[]
  /** Records returned (items) per resource. */
  readonly records: Record<SyncResource, number>
  requestsFor(resource: SyncResource): number
  reset(): void
}

export type Interceptor = (
  request: PageRequest<SyncResource>,
  index: number,
  forward: () => Promise<ListPage<ResourceRecord[SyncResource]>>
) => Promise<ListPage<ResourceRecord[SyncResource]>>

export function countingSource(inner: PageSource, intercept?: Interceptor): CountingSource {
  const requests: RecordedRequest[] = []
  const records = { customers: 0, plans: 0, activities: 0, opportunities: 0 }
  return {
    requests,
    records,
    requestsFor: (resource) => requests.filter((r) => r.resource === resource).length,
    reset() {
      requests.length = 0
      for (const key of Object.keys(records)) records[key as SyncResource] = 0
    },
    async fetchPage<R extends SyncResource>(request: PageRequest<R>, signal?: AbortSignal) {
      const index = requests.length
      requests.push({
        resource: request.resource,
        query: { ...request.query },
        cursor: request.cursor,
        perPage: request.perPage
      })
      const forward = () =>
        inner.fetchPage(request, signal) as Promise<ListPage<ResourceRecord[SyncResource]>>
      const page = await (intercept ? intercept(request, index, forward) : forward())
      records[request.resource] += page.items.length
      return page as ListPage<ResourceRecord[R]>
    }
  }
}
