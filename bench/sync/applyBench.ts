/**
 * Runs in the app's page (bundled by run.ts): how fast the sync engine applies pages waiting to be
 * written — pages with their checkpoint in one transaction, as many consecutive pages per
 * transaction as the engine takes when they are already fetched (`pagesAhead`) — against raw
 * Dexie `bulkPut`s of the same records into the same schema. All write into fresh databases.
 */
import { deleteWorkspaceCache, openWorkspaceCache } from '../../src/renderer/src/cache'
import { resolveSyncOptions } from '../../src/renderer/src/sync/options'
import { beginPass, commitPages } from '../../src/renderer/src/sync/passStore'
import type { ListPage } from '../../src/shared/domain'
import type { SyncResource } from '../../src/shared/sync/pageSource'

const PAGE = 200

export interface ApplyBenchResult {
  records: number
  pages: number
  /** Pages per transaction in "ours" (the engine's most, when pages wait to be written). */
  pagesPerCommit: number
  oursMs: number
  /** One bulkPut per 200-record page (the same page granularity as a sync). */
  rawPerPageMs: number
  /** One bulkPut of everything at once (the fastest a raw write can be). */
  rawSingleMs: number
}

function pagesOf<T>(records: T[]): T[][] {
  const pages: T[][] = []
  for (let i = 0; i < records.length; i += PAGE) pages.push(records.slice(i, i + PAGE))
  return pages
}

export async function runApplyBench(
  resource: SyncResource,
  records: ({ uuid: string } & Record<string, unknown>)[]
): Promise<ApplyBenchResult> {
  const pages = pagesOf(records)
  const now = new Date().toISOString()

  const ours = await openWorkspaceCache('bench-apply-ours')
  const { partitions } = await beginPass(ours, {
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
  const perCommit = resolveSyncOptions().pagesAhead
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
  const oursStart = performance.now()
  for (let start = 0; start < listing.length; start += perCommit) {
    const batch = listing.slice(start, start + perCommit)
    partition = await commitPages(ours, {
      resource,
      partition,
      cursor,
      pages: batch,
      mode: 'full',
      now
    })
    cursor = batch[batch.length - 1]?.nextCursor ?? null
  }
  const oursMs = performance.now() - oursStart
  ours.close()

  const rawPages = await openWorkspaceCache('bench-apply-raw-pages')
  const rawPagesStart = performance.now()
  for (const items of pages) await rawPages.records(resource).bulkPut(items as never[])
  const rawPerPageMs = performance.now() - rawPagesStart
  rawPages.close()

  const rawSingle = await openWorkspaceCache('bench-apply-raw-single')
  const rawSingleStart = performance.now()
  await rawSingle.records(resource).bulkPut(records as never[])
  const rawSingleMs = performance.now() - rawSingleStart
  rawSingle.close()

  for (const id of ['bench-apply-ours', 'bench-apply-raw-pages', 'bench-apply-raw-single']) {
    await deleteWorkspaceCache(id)
  }
  return {
    records: records.length,
    pages: pages.length,
    pagesPerCommit: perCommit,
    oursMs,
    rawPerPageMs,
    rawSingleMs
  }
}
