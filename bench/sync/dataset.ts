/**
 * The account bench:sync measures (and its diagnostics replay): 10,000 customers, 50,000
 * activities, 2,500 opportunities and 300 plans, answered with 250 ms latency per request.
 */
import { generateDataset, type Dataset } from '../../src/main/simulator'

export const SYNC_BENCH_LATENCY_MS = 250
export const SYNC_BENCH_SIZE = {
  customers: 10_000,
  activities: 50_000,
  opportunities: 2_500,
  plans: 300
} as const

export function syncBenchDataset(): Dataset {
  return generateDataset({
    seed: 4242,
    customers: SYNC_BENCH_SIZE.customers,
    targetActivities: SYNC_BENCH_SIZE.activities,
    opportunities: SYNC_BENCH_SIZE.opportunities,
    plans: SYNC_BENCH_SIZE.plans
  })
}
