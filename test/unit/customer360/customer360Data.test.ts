/** Reading one customer's 360 view from the cache. */
import 'fake-indexeddb/auto'
import { afterEach, expect, it } from 'vitest'
import { openWorkspaceCache, type WorkspaceCache } from '../../../src/renderer/src/cache'
import { loadCustomer360 } from '../../../src/renderer/src/sections/customer360/customer360Data'
import { uniqueWorkspaceId } from '../sync/support/cache'
import { activity, customer, opportunity } from './support'

let cache: WorkspaceCache | undefined
afterEach(async () => {
  await cache?.delete()
  cache = undefined
})

it('returns the customer, only its activities oldest first, and its opportunities by close date', async () => {
  cache = await openWorkspaceCache(uniqueWorkspaceId('c360'))
  await cache.customers.bulkPut([customer('cus_a', { name: 'A' }), customer('cus_b')])
  await cache.activities.bulkPut([
    activity('act_3', 'cus_a', '2024-03-01T00:00:00Z', 300),
    activity('act_1', 'cus_a', '2024-01-01T00:00:00Z', 100),
    activity('act_x', 'cus_b', '2024-02-01T00:00:00Z', 999),
    activity('act_2', 'cus_a', '2024-02-01T00:00:00Z', 200)
  ])
  await cache.opportunities.bulkPut([
    opportunity('opp_late', 'cus_a', '2025-06-01'),
    opportunity('opp_none', 'cus_a', null),
    opportunity('opp_early', 'cus_a', '2025-01-01'),
    opportunity('opp_other', 'cus_b', '2025-01-01')
  ])

  const data = await loadCustomer360(cache, 'cus_a')
  expect(data.customer?.name).toBe('A')
  expect(data.activities.map((a) => a.uuid)).toEqual(['act_1', 'act_2', 'act_3'])
  expect(data.opportunities.map((o) => o.uuid)).toEqual(['opp_early', 'opp_late', 'opp_none'])
})

it('says when the customer is not cached', async () => {
  cache = await openWorkspaceCache(uniqueWorkspaceId('c360'))
  expect(await loadCustomer360(cache, 'cus_missing')).toEqual({
    customer: null,
    activities: [],
    opportunities: []
  })
})
