/**
 * Reads everything the Customer 360 panel shows about one customer from the cache. Nothing here
 * needs precomputing: each read is a key or an index range over this one customer (its row,
 * its `[customerUuid+date]` activities, its deals by `customerUuid`), so its cost follows the
 * customer's own history, not the account's size.
 */
import { Dexie } from 'dexie'
import type { WorkspaceCache } from '../../cache'
import type { CachedActivity, CachedCustomer, CachedOpportunity } from '../../cache/records'

export interface Customer360Data {
  customer: CachedCustomer | null
  /** Oldest first, as the `[customerUuid+date]` index yields them. */
  activities: CachedActivity[]
  opportunities: CachedOpportunity[]
}

export async function loadCustomer360(
  cache: WorkspaceCache,
  customerUuid: string
): Promise<Customer360Data> {
  return cache.transaction(
    'r',
    [cache.customers, cache.activities, cache.opportunities],
    async () => {
      const [customer, activities, opportunities] = await Promise.all([
        cache.customers.get(customerUuid),
        cache.activities
          .where('[customerUuid+date]')
          .between([customerUuid, Dexie.minKey], [customerUuid, Dexie.maxKey], true, true)
          .toArray(),
        cache.opportunities.where('customerUuid').equals(customerUuid).toArray()
      ])
      opportunities.sort(
        (a, b) =>
          (a.estimatedCloseDate ?? '9999').localeCompare(b.estimatedCloseDate ?? '9999') ||
          a.uuid.localeCompare(b.uuid)
      )
      return { customer: customer ?? null, activities, opportunities }
    }
  )
}
