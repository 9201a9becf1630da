/**
 * Where every `npm run bench:*` leaves its figures: bench/results/<name>.json, with `met`.
 * A quick smoke run (BENCH_QUICK=1) writes to the temp folder instead, so its figures never
 * replace a full run's.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const RESULTS_DIR =
  process.env['BENCH_QUICK'] === '1'
    ? join(tmpdir(), 'revdesk-bench-quick')
    : resolve(import.meta.dirname, 'results')

/** Writes the result (plus which targets it met) and returns the file's path. */
export function writeBenchResult(
  name: string,
  result: object,
  met: Record<string, boolean>
): string {
  const out = join(RESULTS_DIR, `${name}.json`)
  mkdirSync(RESULTS_DIR, { recursive: true })
  writeFileSync(out, JSON.stringify({ ...result, met }, null, 2) + '\n')
  return out
}
