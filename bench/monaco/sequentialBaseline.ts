/**
 * The plain way to copy a Monaco organization: page 1..N of each entity, 500 records a page,
 * one request at a time, through the same gateway client (same limiter, same retries). It keeps
 * nothing but counts; page numbers can skip or repeat records when the data moves mid-pass,
 * which here it does not.
 */
import { sleep } from '../../src/main/chartmogul/clock'
import type { MonacoListEntity } from '../../src/main/monaco'
import type { BenchOrg } from './org'

const ENTITIES: readonly MonacoListEntity[] = ['accounts', 'contacts', 'opportunities']

export interface SequentialRunResult {
  wallMs: number
  requests: number
  records: number
}

export async function runSequential(org: BenchOrg): Promise<SequentialRunResult> {
  const { client, clock } = await org.freshClient()
  let requests = 0
  let records = 0
  const started = performance.now()
  for (const entity of ENTITIES) {
    for (let page = 1; ; page++) {
      let answer
      for (;;) {
        try {
          requests += 1
          answer = await client.listPage(entity, { page, pageSize: 500 })
          break
        } catch (error) {
          // The limiter refuses at once when the budget frees later than 5 s: wait it out.
          const wait = (error as { retryAfterMs?: unknown }).retryAfterMs
          if (typeof wait !== 'number') throw error
          await sleep(clock, wait)
        }
      }
      records += answer.items.length
      if (page >= answer.totalPages) break
    }
  }
  return { wallMs: performance.now() - started, requests, records }
}
