/**
 * A `PageSource` over a ChartMogul client: the one place that turns the sync engine's generic
 * page request into the right list call. The bridge's `fetchPage` uses it; so do Node tests
 * that sync from the simulator without a browser.
 */
import type { ChartMogulClient } from '../../chartmogul'
import type {
  PageRequest,
  PageSource,
  ResourceRecord,
  SyncResource
} from '../../../shared/sync/pageSource'
import type { ListPage } from '../../../shared/domain'

export function createClientPageSource(client: ChartMogulClient): PageSource {
  return {
    fetchPage<R extends SyncResource>(request: PageRequest<R>, signal?: AbortSignal) {
      const page = { cursor: request.cursor, perPage: request.perPage ?? 200 }
      const options = signal ? { signal } : {}
      const typed = request as PageRequest
      let result: Promise<ListPage<ResourceRecord[SyncResource]>>
      switch (typed.resource) {
        case 'customers':
          result = client.listCustomers(
            { ...page, ...(typed.query as PageRequest<'customers'>['query']) },
            options
          )
          break
        case 'plans':
          result = client.listPlans(page, options)
          break
        case 'activities':
          result = client.listActivities(
            { ...page, ...(typed.query as PageRequest<'activities'>['query']) },
            options
          )
          break
        case 'opportunities':
          result = client.listOpportunities(
            { ...page, ...(typed.query as PageRequest<'opportunities'>['query']) },
            options
          )
          break
      }
      return result as Promise<ListPage<ResourceRecord[R]>>
    }
  }
}
