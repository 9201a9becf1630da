/**
 * The page side of `npm run bench:scale` (bundled by run.ts into one script): the UI probe and
 * the raw-Dexie reference (pageProbe.ts), and the page writer against raw bulkPut
 * (bench/sync/applyBench.ts) over generated customers.
 */
import { customerAt } from '../../test/e2e/harness/prefillRows'
import { runApplyBench, type ApplyBenchResult } from '../sync/applyBench'

export * from './pageProbe'

/** Writes `count` generated customers through the sync's page writer and through raw bulkPut. */
export function applyBench(count: number, seed: number, rounds: number): Promise<ApplyBenchResult> {
  const rows = Array.from({ length: count }, (_, i) => customerAt(seed, i))
  // The two variants the figure compares (each run writes every row: keep the run short).
  return runApplyBench('customers', rows, rounds, ['ours', 'rawSingle'])
}
