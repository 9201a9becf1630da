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

/** BENCH_QUICK=1's account: a tenth, enough to prove the benchmark's code works. */
export const SYNC_BENCH_QUICK_SIZE = {
  customers: 1_000,
  activities: 5_000,
  opportunities: 250,
  plans: 30
} as const

export type SyncBenchSize = { [K in keyof typeof SYNC_BENCH_SIZE]: number }

export function syncBenchDataset(size: SyncBenchSize = SYNC_BENCH_SIZE): Dataset {
  return generateDataset({
    seed: 4242,
    customers: size.customers,
    targetActivities: size.activities,
    opportunities: size.opportunities,
    plans: size.plans
  })
}
