/**
 * The baselines: what a developer using the official `chartmogul-node` SDK writes to fetch an
 * account — each resource listed with its cursor loop, into memory — either one resource after
 * another, or (what someone scripting it for speed would do) all four cursor loops at once.
 */
import { createRequire } from 'node:module'
import type { SyncResource } from '../../src/shared/sync/pageSource'

interface SdkPage {
  entries?: unknown[]
  plans?: unknown[]
  has_more?: boolean
  cursor?: string
}

type Lister = (config: unknown, params: Record<string, unknown>) => Promise<SdkPage>

/** The most records the API returns per page (documented: per_page above 200 is capped). */
export const SDK_PER_PAGE = 200

async function listAll(
  list: Lister,
  config: unknown,
  key: 'entries' | 'plans'
): Promise<unknown[]> {
  const all: unknown[] = []
  let cursor: string | undefined
  for (;;) {
    const page = await list(
      config,
      cursor ? { per_page: SDK_PER_PAGE, cursor } : { per_page: SDK_PER_PAGE }
    )
    all.push(...(page[key] ?? []))
    if (!page.has_more) return all
    cursor = page.cursor
  }
}

/** One cursor loop per resource, ready to run. */
function listers(baseUrl: string, apiKey: string): Record<SyncResource, () => Promise<unknown[]>> {
  // The SDK ships no types; declare just the calls used here.
  const sdk = createRequire(import.meta.url)('chartmogul-node') as {
    Config: new (key: string, base: string) => { retries: number }
    Customer: { all: Lister }
    Plan: { all: Lister }
    Metrics: { Activity: { all: Lister } }
    Opportunity: { all: Lister }
  }
  const config = new sdk.Config(apiKey, baseUrl)
  return {
    customers: () => listAll(sdk.Customer.all.bind(sdk.Customer), config, 'entries'),
    plans: () => listAll(sdk.Plan.all.bind(sdk.Plan), config, 'plans'),
    activities: () =>
      listAll(sdk.Metrics.Activity.all.bind(sdk.Metrics.Activity), config, 'entries'),
    opportunities: () => listAll(sdk.Opportunity.all.bind(sdk.Opportunity), config, 'entries')
  }
}

const ORDER: readonly SyncResource[] = ['customers', 'plans', 'activities', 'opportunities']

/** Each resource's cursor loop, one resource after another. */
export async function fetchEverythingWithSdk(
  baseUrl: string,
  apiKey: string
): Promise<Record<SyncResource, number>> {
  const list = listers(baseUrl, apiKey)
  const counts = {} as Record<SyncResource, number>
  for (const resource of ORDER) counts[resource] = (await list[resource]()).length
  return counts
}

/**
 * Each resource's cursor loop running concurrently (four requests in flight at most: a cursor
 * loop cannot ask for its next page before the previous one answered).
 */
export async function fetchEverythingWithSdkInParallel(
  baseUrl: string,
  apiKey: string
): Promise<Record<SyncResource, number>> {
  const list = listers(baseUrl, apiKey)
  const lengths = await Promise.all(ORDER.map(async (resource) => (await list[resource]()).length))
  return Object.fromEntries(ORDER.map((r, i) => [r, lengths[i]])) as Record<SyncResource, number>
}
