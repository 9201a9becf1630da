/**
 * The baseline: what a script using the official `chartmogul-node` SDK does with the same
 * changes — one call after another, each body built from the change, no conflict check and no
 * reconciliation (the SDK's own retries included, as it ships).
 */
import { createRequire } from 'node:module'
import {
  toWireOpportunityCreate,
  toWireOpportunityUpdate
} from '../../src/main/chartmogul/wire/opportunity'
import type { Change } from './workload'

type Call = (config: unknown, ...args: unknown[]) => Promise<unknown>

export interface SdkRun {
  wallMs: number
  /** Calls that ended in an error the script could not recover from. */
  errors: number
  errorExamples: string[]
}

export async function applyWithSdk(
  baseUrl: string,
  apiKey: string,
  changes: readonly Change[],
  options: { retries?: number } = {}
): Promise<SdkRun> {
  // The SDK ships no types; declare just the calls used here.
  const sdk = createRequire(import.meta.url)('chartmogul-node') as {
    Config: new (key: string, base: string) => { retries?: number }
    Opportunity: { create: Call; modify: Call; destroy: Call }
  }
  const config = new sdk.Config(apiKey, baseUrl)
  if (options.retries !== undefined) config.retries = options.retries
  const { Opportunity } = sdk
  let errors = 0
  const errorExamples: string[] = []
  const started = performance.now()
  for (const change of changes) {
    try {
      if (change.kind === 'edit') {
        await Opportunity.modify.call(
          Opportunity,
          config,
          change.uuid,
          toWireOpportunityUpdate(change.patch)
        )
      } else if (change.kind === 'delete') {
        await Opportunity.destroy.call(Opportunity, config, change.uuid)
      } else {
        await Opportunity.create.call(Opportunity, config, toWireOpportunityCreate(change.draft))
      }
    } catch (error) {
      errors++
      if (errorExamples.length < 5) {
        errorExamples.push(
          `${change.kind}: ${error instanceof Error ? error.message : String(error)}`
        )
      }
    }
  }
  return { wallMs: performance.now() - started, errors, errorExamples }
}
