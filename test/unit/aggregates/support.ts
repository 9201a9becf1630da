/**
 * Random rows and sync steps for the aggregate tests: a small universe of uuids, so later
 * pages re-write rows with changed values and full passes leave some out (removed at the end).
 */
import { expect } from 'vitest'
import type { ListPage } from '../../../src/shared/domain'
import type { WorkspaceCache } from '../../../src/renderer/src/cache'
import {
  computeAggregates,
  readAggregateBuckets,
  readStoredAggregates
} from '../../../src/renderer/src/cache/aggregates'
import { beginPass, commitPages, finishPass } from '../../../src/renderer/src/sync/passStore'
import type { SyncRecord } from '../../../src/renderer/src/sync/partitions'
import type { SyncResource } from '../../../src/shared/sync/pageSource'
import { summarize } from '../../../src/renderer/src/sections/dashboard/aggregate'
import {
  dealGroups,
  summarizeBuckets
} from '../../../src/renderer/src/sections/dashboard/aggregateSummary'
import { summarizePipeline } from '../../../src/renderer/src/sections/dashboard/pipelineAggregate'

export type Random = () => number

export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!

const int = (random: Random, max: number): number => Math.floor(random() * max)

export function customer(random: Random, uuid: string): Record<string, unknown> {
  return {
    id: null,
    uuid,
    externalId: null,
    externalIds: [],
    name: `Customer ${uuid}`,
    email: `${uuid}@example.com`,
    company: '',
    status: pick(random, ['Active', 'Active', 'Past Due', 'Cancelled', 'Lead', null]),
    customerSince: null,
    country: null,
    state: null,
    city: null,
    zip: null,
    address: {},
    tags: [],
    customAttributes: {},
    stripeAttributes: {},
    clearbitAttributes: {},
    mrrCents: int(random, 50_000),
    arrCents: 0,
    currency: pick(random, ['USD', 'USD', 'EUR', null]),
    currencySign: null
  }
}

export function activity(random: Random, uuid: string): Record<string, unknown> {
  const month = pick(random, ['2024-11', '2024-12', '2025-01', '2025-03'])
  const day = String(1 + int(random, 28)).padStart(2, '0')
  const type = pick(random, ['new_biz', 'expansion', 'contraction', 'churn', 'reactivation', 'x'])
  const sign = type === 'contraction' || type === 'churn' ? -1 : 1
  return {
    uuid,
    date: random() < 0.05 ? 'not a date' : `${month}-${day}T12:00:00.000Z`,
    type,
    mrrCents: 0,
    mrrMovementCents: sign * int(random, 20_000),
    arrCents: 0,
    currency: 'USD',
    description: null,
    customerUuid: `cus_${int(random, 5)}`,
    customerName: null,
    customerExternalId: null,
    planExternalId: null,
    subscriptionExternalId: null,
    subscriptionSetExternalId: null,
    dataSourceUuid: null
  }
}

export function opportunity(random: Random, uuid: string): Record<string, unknown> {
  return {
    uuid,
    customerUuid: `cus_${int(random, 5)}`,
    owner: 'ann@example.com',
    pipeline: pick(random, ['New Business', 'Expansion']),
    pipelineStage: pick(random, ['Discovery', 'Proposal', 'Closed Won', 'Closed Lost']),
    estimatedCloseDate: '2031-01-15',
    currency: pick(random, ['USD', 'USD', 'EUR']),
    amountCents: int(random, 100_000),
    type: 'recurring',
    forecastCategory: pick(random, ['pipeline', 'best_case', 'committed', 'won', 'lost', null]),
    winLikelihood: random() < 0.2 ? null : int(random, 101),
    custom: {},
    createdAt: null,
    updatedAt: null
  }
}

const MAKERS = { customers: customer, activities: activity, opportunities: opportunity }
export type AggregatedResource = keyof typeof MAKERS
export const RESOURCES = Object.keys(MAKERS) as AggregatedResource[]

const PREFIX: Record<AggregatedResource, string> = {
  customers: 'cus',
  activities: 'act',
  opportunities: 'opp'
}

/** A random selection of the universe's rows with fresh random values, in pages. */
export function randomPages(
  random: Random,
  resource: AggregatedResource,
  universe: number
): ListPage<SyncRecord>[] {
  const uuids = Array.from({ length: universe }, (_, i) => `${PREFIX[resource]}_${i}`).filter(
    () => random() < 0.7
  )
  // Now and then the same record twice in a page (the server listed it twice).
  if (uuids.length > 0 && random() < 0.2) uuids.push(uuids[0]!)
  const rows = uuids.map((uuid) => MAKERS[resource](random, uuid))
  const pages: ListPage<SyncRecord>[] = []
  const size = 1 + int(random, 12)
  for (let start = 0; start < rows.length || pages.length === 0; start += size) {
    const items = rows.slice(start, start + size)
    const hasMore = start + size < rows.length
    pages.push({
      items,
      skipped: [],
      cursor: hasMore ? `c${pages.length + 1}` : null,
      hasMore
    } as unknown as ListPage<SyncRecord>)
  }
  return pages
}

let clock = Date.parse('2030-01-01T00:00:00.000Z')
const tick = (): string => new Date((clock += 1000)).toISOString()

/** One whole pass of a resource through the sync's own page transactions. */
export async function syncPass(
  db: WorkspaceCache,
  resource: SyncResource,
  mode: 'full' | 'incremental',
  pages: readonly ListPage<SyncRecord>[]
): Promise<void> {
  const [first, ...rest] = pages
  const { state, partitions } = await beginPass(db, {
    resource,
    mode,
    partitions: [{ id: 'all', query: {} }],
    firstPages: new Map([['all', first!]]),
    expectedRecords: null,
    checked: true,
    now: tick()
  })
  let partition = partitions[0]!
  let index = 0
  while (index < rest.length) {
    const batch = rest.slice(index, index + 2)
    partition = await commitPages(db, {
      resource,
      partition,
      cursor: partition.cursor,
      pages: batch.map((page) => ({ page, nextCursor: page.hasMore ? page.cursor : null })),
      mode,
      now: tick()
    })
    index += batch.length
  }
  await finishPass(db, resource, state.generation, tick())
}

/** The property: what was kept up to date equals a rebuild, and both dashboards' figures. */
export async function expectAggregatesMatchRows(db: WorkspaceCache, step: string): Promise<void> {
  const [stored, rebuilt] = [await readStoredAggregates(db), await computeAggregates(db)]
  expect(stored, step).toEqual(rebuilt)
  const [customers, activities, opportunities] = await Promise.all([
    db.customers.toArray(),
    db.activities.toArray(),
    db.opportunities.toArray()
  ])
  const buckets = await readAggregateBuckets(db)
  expect(summarizeBuckets(buckets), step).toEqual(
    summarize({ customers, activities, opportunities })
  )
  const stages = [{ key: 'Discovery', label: 'Discovery', probability: 10 }]
  expect(summarizePipeline(dealGroups(buckets.deals), stages), step).toEqual(
    summarizePipeline(opportunities, stages)
  )
}
