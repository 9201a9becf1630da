/**
 * Runs in the app's page (bundled by run.ts): how fast the sync engine applies pages waiting to be
 * written — pages with their checkpoint in one transaction, as many consecutive pages per
 * transaction as the engine takes when they are already fetched (`pagesAhead`) — against raw
 * Dexie `bulkPut`s of the same records into the same schema:
 * - rawPerPage: one bulkPut per 200-record page (a sync's page granularity);
 * - rawSameBatch: one bulkPut per `pagesAhead` pages — the batch the page writer commits, so the
 *   fair comparison for it;
 * - rawSingle: one bulkPut of everything (the fastest a raw write can be).
 * The variants are interleaved over several rounds in rotated order (see `interleavedOrder`),
 * each run into a fresh database, so neither order nor a warm database favours one of them.
 */
import { deleteWorkspaceCache, openWorkspaceCache } from '../../src/renderer/src/cache'
import { resolveSyncOptions } from '../../src/renderer/src/sync/options'
import { beginPass, commitPages } from '../../src/renderer/src/sync/passStore'
import type { ListPage } from '../../src/shared/domain'
import type { SyncResource } from '../../src/shared/sync/pageSource'
import { interleavedOrder } from '../stats'

const PAGE = 200

export const APPLY_VARIANTS = ['ours', 'rawPerPage', 'rawSameBatch', 'rawSingle'] as const
export type ApplyVariant = (typeof APPLY_VARIANTS)[number]

type BenchRecord = { uuid: string }

export interface ApplyBenchResult {
  records: number
  pages: number
  /** Pages per transaction in "ours" and per bulkPut in "rawSameBatch". */
  pagesPerCommit: number
  rounds: number
  /** The variants in the order they ran, round by round. */
  order: ApplyVariant[][]
  /** Milliseconds per run, by variant, in the order they ran. */
  samples: Record<ApplyVariant, number[]>
  /** Rows in each run's database afterwards (every run must have written every record). */
  rowsWritten: Record<ApplyVariant, number[]>
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

async function runOurs(
  dbName: string,
  resource: SyncResource,
  records: BenchRecord[],
  perCommit: number
): Promise<{ ms: number; rows: number }> {
  const pages = chunks(records, PAGE)
  const now = new Date().toISOString()
  const db = await openWorkspaceCache(dbName)
  try {
    const { partitions } = await beginPass(db, {
      resource,
      mode: 'full',
      partitions: [{ id: `${resource}:all`, query: {} }],
      firstPages: new Map(),
      expectedRecords: records.length,
      checked: true,
      now
    })
    let partition = partitions[0]!
    let cursor: string | null = null
    const listing = pages.map((items, index) => {
      const hasMore = index < pages.length - 1
      const page = {
        items,
        skipped: [],
        cursor: `c${index + 1}`,
        hasMore
      } as unknown as ListPage<never>
      return { page, nextCursor: hasMore ? page.cursor : null }
    })
    const started = performance.now()
    for (const batch of chunks(listing, perCommit)) {
      partition = await commitPages(db, {
        resource,
        partition,
        cursor,
        pages: batch,
        mode: 'full',
        now
      })
      cursor = batch[batch.length - 1]?.nextCursor ?? null
    }
    const ms = performance.now() - started
    return { ms, rows: await db.records(resource).count() }
  } finally {
    db.close()
  }
}

async function runRaw(
  dbName: string,
  resource: SyncResource,
  records: BenchRecord[],
  batchSize: number
): Promise<{ ms: number; rows: number }> {
  const batches = chunks(records, batchSize)
  const db = await openWorkspaceCache(dbName)
  try {
    await db.meta.count() // open the connection outside the timing, as `ours` does in beginPass
    const started = performance.now()
    for (const batch of batches) await db.records(resource).bulkPut(batch as never[])
    const ms = performance.now() - started
    return { ms, rows: await db.records(resource).count() }
  } finally {
    db.close()
  }
}

export async function runApplyBench(
  resource: SyncResource,
  records: BenchRecord[],
  rounds: number = APPLY_VARIANTS.length,
  /** The variants to run (all by default; a large run may keep only the ones it reports). */
  variants: readonly ApplyVariant[] = APPLY_VARIANTS
): Promise<ApplyBenchResult> {
  const perCommit = resolveSyncOptions().pagesAhead
  const run = (variant: ApplyVariant, dbName: string) => {
    switch (variant) {
      case 'ours':
        return runOurs(dbName, resource, records, perCommit)
      case 'rawPerPage':
        return runRaw(dbName, resource, records, PAGE)
      case 'rawSameBatch':
        return runRaw(dbName, resource, records, PAGE * perCommit)
      case 'rawSingle':
        return runRaw(dbName, resource, records, Math.max(1, records.length))
    }
  }
  const order = interleavedOrder(variants, rounds)
  const samples = Object.fromEntries(APPLY_VARIANTS.map((v) => [v, [] as number[]])) as Record<
    ApplyVariant,
    number[]
  >
  const rowsWritten = Object.fromEntries(APPLY_VARIANTS.map((v) => [v, [] as number[]])) as Record<
    ApplyVariant,
    number[]
  >
  for (const [r, variants] of order.entries()) {
    for (const variant of variants) {
      // A fresh database every run: none inherits another's pages, indexes or free space.
      const dbName = `bench-apply-${variant}-${r}`
      await deleteWorkspaceCache(dbName)
      try {
        const { ms, rows } = await run(variant, dbName)
        samples[variant].push(ms)
        rowsWritten[variant].push(rows)
      } finally {
        await deleteWorkspaceCache(dbName)
      }
    }
  }
  return {
    records: records.length,
    pages: Math.ceil(records.length / PAGE),
    pagesPerCommit: perCommit,
    rounds,
    order,
    samples,
    rowsWritten
  }
}
