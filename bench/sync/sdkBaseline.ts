/**
 * The baseline: what a developer using the official `chartmogul-node` SDK writes to fetch an
 * account — each resource listed with its cursor loop, into memory.
 */
import { createRequire } from 'node:module'

interface SdkPage {
  entries?: unknown[]
  plans?: unknown[]
  has_more?: boolean
  cursor?: string
}

type Lister = (config: unknown, params: Record<string, unknown>) => Promise<SdkPage>

async function listAll(
  list: Lister,
  config: unknown,
  key: 'entries' | 'plans'
): Promise<unknown[]> {
  const all: unknown[] = []
  let cursor: string | undefined
  for (;;) {
    const page = await list(config, cursor ? { per_page: 200, cursor } : { per_page: 200 })
    all.push(...(page[key] ?? []))
    if (!page.has_more) return all
    cursor = page.cursor
  }
}

export async function fetchEverythingWithSdk(
  baseUrl: string,
  apiKey: string
): Promise<Record<string, number>> {
  // The SDK ships no types; declare just the calls used here.
  const sdk = createRequire(import.meta.url)('chartmogul-node') as {
    Config: new (key: string, base: string) => { retries: number }
    Customer: { all: Lister }
    Plan: { all: Lister }
    Metrics: { Activity: { all: Lister } }
    Opportunity: { all: Lister }
  }
  const config = new sdk.Config(apiKey, baseUrl)
  const customers = await listAll(sdk.Customer.all.bind(sdk.Customer), config, 'entries')
  const plans = await listAll(sdk.Plan.all.bind(sdk.Plan), config, 'plans')
  const activities = await listAll(
    sdk.Metrics.Activity.all.bind(sdk.Metrics.Activity),
    config,
    'entries'
  )
  const opportunities = await listAll(sdk.Opportunity.all.bind(sdk.Opportunity), config, 'entries')
  return {
    customers: customers.length,
    plans: plans.length,
    activities: activities.length,
    opportunities: opportunities.length
  }
}
